import IMCore

/// The stored login of a profile: what `credentialsPath` holds (JSON, 0600).
public struct StoredLogin: Sendable, Codable, Hashable {
    public var userId: String
    public var token: String
    public var resource: String
    /// Unix ms; 0 for a token that never expires.
    public var expiresAt: Int64
    public var serverURL: String
    public var appKey: String

    /// A stored login.
    public init(userId: String, token: String, resource: String, expiresAt: Int64, serverURL: String, appKey: String) {
        self.userId = userId
        self.token = token
        self.resource = resource
        self.expiresAt = expiresAt
        self.serverURL = serverURL
        self.appKey = appKey
    }
}
