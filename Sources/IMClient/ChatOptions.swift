/// Options for a client (`client.method.init`).
public struct ChatOptions: Sendable {
    /// The app key `org#app`; ``ChatClient/init(options:)`` checks its format (100).
    public var appKey: String
    /// The server's base URL, e.g. `http://127.0.0.1:8080`.
    public var serverURL: String
    /// The per-profile directory for the local store (`store.sqlite`) and device UUID; created 0700 if missing.
    public var dataDirectory: String
    /// The JSON file (0600, written atomically) holding the stored login; cleared on forced logout.
    public var credentialsPath: String
    /// nil: generated once and kept in `dataDirectory/device-uuid`.
    public var deviceUUID: String?
    /// `[a-z0-9]{1,16}`, sent at login.
    public var platform: String = "linux"
    /// Sent at login; the server defaults it to the platform.
    public var deviceName: String? = nil
    /// The time limit of one request (the event long-poll uses its hold time plus a margin instead).
    public var requestTimeout: Duration = .seconds(30)
    /// Attempts of idempotent requests (cli-conventions §5).
    public var maxAttempts: Int = 3
    /// The longest `Retry-After` of a 429 that is waited out before retrying.
    public var maxRateWait: Duration = .seconds(30)
    /// Receives request/response trace lines with secrets redacted (`IMCTL_DEBUG=http`).
    public var debugHTTP: (@Sendable (String) -> Void)? = nil

    /// Options with defaults for everything but the app, server and profile paths.
    public init(appKey: String, serverURL: String, dataDirectory: String, credentialsPath: String) {
        self.appKey = appKey
        self.serverURL = serverURL
        self.dataDirectory = dataDirectory
        self.credentialsPath = credentialsPath
    }
}
