import IMCore
import Logging

/// How `imctl serve` runs the server: where it listens, where it keeps its data, and its tunables.
public struct ServerConfiguration: Sendable {
    /// The address to bind; the server is meant for 127.0.0.1 unless deployed behind a proxy.
    public var host: String = "127.0.0.1"
    /// The TCP port; 0 picks an ephemeral port (reported through `onListening`).
    public var port: Int = 8480
    /// Created 0700 when missing; holds `server.sqlite` (+ WAL) and `operator.json`.
    public var dataDirectory: String
    /// The server's log level.
    public var logLevel: Logger.Level = .info
    /// The longest an event request is held, in seconds (the `wait` query parameter is capped by it).
    public var maxHoldSeconds: Int = EventPolling.maxHoldSeconds
    /// PBKDF2-SHA256 iterations for new password hashes; each hash stores its own count, so this can change.
    public var passwordHashIterations: Int = 210_000

    /// A configuration with defaults for everything but the data directory.
    public init(dataDirectory: String) {
        self.dataDirectory = dataDirectory
    }

    var databasePath: String { dataDirectory + "/server.sqlite" }
    var operatorCredentialsPath: String { dataDirectory + "/operator.json" }
}
