import IMClient
import IMCore

/// Connection settings resolved with precedence flag > environment > profile > default (cli-conventions §6).
public struct Settings: Sendable, Hashable {
    /// The default server when nothing else names one.
    public static let defaultServer = "http://127.0.0.1:8480"

    /// Profile name.
    public var profile: String
    /// Server base URL.
    public var server: String
    /// App key, if any source names one.
    public var app: String?
    /// Per-request timeout.
    public var requestTimeout: Duration
    /// The longest `Retry-After` (or back-off) a rate-limited request waits for before retrying.
    public var maxRateWait: Duration
    /// File locations.
    public var paths: Paths

    /// Resolves the settings of an invocation. Reads `config.json` (nothing else).
    static func resolve(_ invocation: Invocation, environment: [String: String]) throws -> Settings {
        let paths = Paths(environment: environment)
        let config = try ConfigFile.load(paths.configFile)
        let profile = invocation.value("profile") ?? config.currentProfile ?? "default"
        try validateProfile(profile)
        let saved = config.profiles[profile]
        let timeout = try requestTimeout(invocation.value("timeout")) ?? .seconds(30)
        let maxRateWait = try maxRateWait(invocation.value("max-rate-wait"))
        let server = invocation.value("server") ?? saved?.server ?? defaultServer
        try validateServer(server)
        return Settings(
            profile: profile,
            server: server,
            app: invocation.value("app") ?? saved?.app,
            requestTimeout: timeout,
            maxRateWait: maxRateWait ?? .seconds(30),
            paths: paths)
    }

    /// A `--timeout` value as the per-request timeout; nil for none given or `none` (the default applies).
    static func requestTimeout(_ text: String?) throws(UsageError) -> Duration? {
        guard let text, text != "none" else { return nil }
        return try DurationParser.require(text, option: "--timeout")
    }

    /// A `--max-rate-wait` value; nil for none given.
    static func maxRateWait(_ text: String?) throws(UsageError) -> Duration? {
        try text.map { text throws(UsageError) in try DurationParser.require(text, option: "--max-rate-wait") }
    }

    /// A profile name becomes a file name and a directory name under imctl's own directories: 1–64 of
    /// `[A-Za-z0-9_.-]`, not starting with a dot, and not `server` (the default data directory of `imctl serve`).
    static func validateProfile(_ name: String) throws(UsageError) {
        guard name.utf8.allSatisfy(Validation.isUserIdByte), (1...64).contains(name.utf8.count), !name.hasPrefix(".") else {
            throw .invalidValue(option: "--profile", value: name, reason: "expected 1-64 of A-Z a-z 0-9 _ . - not starting with '.'")
        }
        guard name != "server" else {
            throw .invalidValue(option: "--profile", value: name, reason: "'server' is the default data directory of imctl serve")
        }
    }

    /// The server is an `http://` or `https://` URL with a host (and optionally a port and a path prefix).
    static func validateServer(_ url: String) throws(UsageError) {
        guard Validation.isWebURL(url) else {
            throw .invalidValue(option: "--server", value: url, reason: "expected a URL such as http://127.0.0.1:8480")
        }
    }

    /// The stored-login file of this profile.
    public var credentialsFile: String { paths.credentialsFile(profile: profile) }

    /// The app key, or a usage error naming the ways to give one.
    func requireApp() throws(CLIError) -> String {
        guard let app else {
            throw CLIError(
                code: .invalidAppKey, message: "no app key given",
                hint: "Pass --app org#app, set IMCTL_APP, or log in once with --app to save it in the profile.",
                exitCode: ExitCode.usage)
        }
        return app
    }

    /// Options for a ``ChatClient`` of this profile.
    func chatOptions(debug: (@Sendable (String) -> Void)?) throws(CLIError) -> ChatOptions {
        var options = ChatOptions(
            appKey: try requireApp(), serverURL: server, dataDirectory: paths.profileData(profile),
            credentialsPath: credentialsFile)
        options.requestTimeout = requestTimeout
        options.maxRateWait = maxRateWait
        options.debugHTTP = debug
        return options
    }
}
