import IMCore

/// The opaque keyset cursors of the paged lists (§6). Each names its list — the kind, and for a user's own lists a
/// tag of whose list it is — so a cursor from another list, or another user's, → 110.
enum PageCursor {
    /// History position after (`time`, `msgId`) in direction up (`u`) or down (`d`), in `viewer`'s history with `peer`.
    static func history(time: Int64, msgId: String, up: Bool, viewer: String, peer: String) -> String {
        "\(historyPrefix(up: up, viewer: viewer, peer: peer)).\(time).\(msgId)"
    }

    /// Parses a history cursor issued for this direction of `viewer`'s history with `peer`.
    static func parseHistory(_ raw: String, up: Bool, viewer: String, peer: String) throws(ChatError) -> (time: Int64, msgId: String) {
        let (time, key) = try parse(raw, prefix: historyPrefix(up: up, viewer: viewer, peer: peer))
        try Validation.msgId(key)
        return (time, key)
    }

    /// The prefix `kind-tag` of a list that belongs to `owner` (and, for a history, to `peer`).
    static func ownedPrefix(_ kind: String, _ owner: String, _ peer: String = "") -> String {
        "\(kind)-\(Secrets.sha256("\(owner)\u{0}\(peer)").prefix(12))"
    }

    private static func historyPrefix(up: Bool, viewer: String, peer: String) -> String {
        ownedPrefix(up ? "hu" : "hd", viewer, peer)
    }

    /// Splits `prefix.number.key`; anything else → 110.
    static func parse(_ raw: String, prefix: String) throws(ChatError) -> (Int64, String) {
        let parts = raw.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == prefix, let time = Int64(parts[1]), !parts[2].isEmpty else {
            throw ChatError(.invalidParam, "cursor '\(raw)' was not issued for this list")
        }
        return (time, String(parts[2]))
    }
}
