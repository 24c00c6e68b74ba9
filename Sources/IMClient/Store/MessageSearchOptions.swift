import IMCore

/// What ``ChatManager/searchMsgsByOptions(_:)`` looks for in the local store (semantics §3.9
/// `MessageSearchOptions`, plus the keyword).
public struct MessageSearchOptions: Sendable, Hashable, Codable {
    /// Text a message's content (or attachment file name) contains, case-insensitive; nil or "" matches all.
    public var keyword: String?
    /// Body types to include; nil or empty means all.
    public var types: [BodyType]?
    /// Only messages from this sender.
    public var from: String?
    /// Where the search starts (`serverTime`, inclusive); −1 is the newest (`up`) or the oldest (`down`) end.
    public var ts: Int64
    /// At most this many results, 1–400 (else 110).
    public var count: Int
    /// `up` searches older messages, newest first; `down` newer ones, oldest first.
    public var direction: FetchDirection

    /// The valid range of ``count``.
    public static let countRange = 1...400

    public init(keyword: String? = nil, types: [BodyType]? = nil, from: String? = nil, ts: Int64 = -1, count: Int = 10, direction: FetchDirection = .up) {
        self.keyword = keyword
        self.types = types
        self.from = from
        self.ts = ts
        self.count = count
        self.direction = direction
    }
}
