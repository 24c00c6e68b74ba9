/// An error of the system: a code of semantics §2 and a human description.
///
/// The server sends it as `{"error":{"code":…,"name":…,"description":…}}` (``APIErrorBody``); the client
/// library throws it to its callers.
public struct ChatError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public var code: ErrorCode
    public var name: String
    public var description: String
    /// For a rate limit (HTTP 429: 502, 509), the seconds after which a retry can succeed.
    public var retryAfter: Int64?

    public init(_ code: ErrorCode, _ description: String, retryAfter: Int64? = nil) {
        self.code = code
        self.name = code.name
        self.description = description
        self.retryAfter = retryAfter
    }
}

/// The JSON body of every error response.
public struct APIErrorBody: Sendable, Hashable, Codable {
    public var error: ChatError

    public init(error: ChatError) { self.error = error }
}
