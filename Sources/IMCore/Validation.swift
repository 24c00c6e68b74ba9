/// Format rules shared by the client (early, clear errors) and the server (enforcement), semantics §0–§3.
public enum Validation {
    /// Returns the lower-cased user ID, or throws 101 (empty or bad character) / 105 (longer than 64 bytes).
    public static func userId(_ raw: String) throws(ChatError) -> String {
        if raw.isEmpty { throw ChatError(.invalidUserName, "user ID is empty") }
        if raw.utf8.count > 64 { throw ChatError(.userNameTooLong, "user ID is longer than 64 bytes") }
        guard raw.utf8.allSatisfy(isUserIdByte) else {
            throw ChatError(.invalidUserName, "user ID '\(raw)' has a character outside [a-zA-Z0-9_.-]")
        }
        return raw.lowercased()
    }

    /// Throws 102 unless the password is 1–64 bytes.
    public static func password(_ raw: String) throws(ChatError) {
        guard (1...64).contains(raw.utf8.count) else {
            throw ChatError(.invalidPassword, "password must be 1 to 64 bytes")
        }
    }

    /// Throws 100 unless the key matches `^[a-z0-9_-]{1,64}#[a-z0-9_-]{1,64}$`.
    public static func appKey(_ raw: String) throws(ChatError) {
        let parts = raw.split(separator: "#", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && parts.allSatisfy { part in
            (1...64).contains(part.utf8.count) && part.utf8.allSatisfy(isAppKeyByte)
        }
        if !valid { throw ChatError(.invalidAppKey, "app key '\(raw)' is not of the form org#app ([a-z0-9_-]{1,64} each)") }
    }

    /// Throws 110 unless the message ID is 1–64 bytes of `[A-Za-z0-9_-]`.
    public static func msgId(_ raw: String) throws(ChatError) {
        let valid = (1...64).contains(raw.utf8.count) && raw.utf8.allSatisfy { isAlphanumeric($0) || $0 == 0x5F || $0 == 0x2D }
        if !valid { throw ChatError(.invalidParam, "message ID must be 1 to 64 characters of [A-Za-z0-9_-]") }
    }

    /// An http or https URL (scheme in any case) with a host, and no whitespace or control characters: the server
    /// `imctl` talks to, and the hooks and providers the server calls.
    public static func isWebURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard let scheme = ["http://", "https://"].first(where: { lowered.hasPrefix($0) }) else { return false }
        let host = text.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Whether `raw` is a well-formed group or room ID: 1 to 20 digits (semantics §2, 600 and 700).
    public static func isGroupOrRoomId(_ raw: String) -> Bool {
        (1...20).contains(raw.utf8.count) && raw.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// A byte of `[a-zA-Z0-9_.-]`: user IDs, and the CLI's profile names.
    public static func isUserIdByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == 0x5F || byte == 0x2E || byte == 0x2D
    }

    static func isAppKeyByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F || byte == 0x2D
    }
}
