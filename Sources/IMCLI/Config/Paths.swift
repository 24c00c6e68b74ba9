/// Where imctl keeps its files (cli-conventions §6); nothing is written to the current directory.
public struct Paths: Sendable, Hashable {
    /// `$IMCTL_CONFIG_DIR`, else `$XDG_CONFIG_HOME/imctl`, else `~/.config/imctl` (mode 0700).
    public var configDirectory: String
    /// `$IMCTL_DATA_DIR`, else `$XDG_DATA_HOME/imctl`, else `~/.local/share/imctl`.
    public var dataDirectory: String

    /// Resolves the directories from the environment.
    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        func xdg(_ name: String, _ fallback: String) -> String {
            guard let value = environment[name], value.hasPrefix("/") else { return home + "/" + fallback }
            return value
        }
        configDirectory = environment["IMCTL_CONFIG_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? xdg("XDG_CONFIG_HOME", ".config") + "/imctl"
        dataDirectory = environment["IMCTL_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? xdg("XDG_DATA_HOME", ".local/share") + "/imctl"
    }

    /// `config.json`: current profile and per-profile server and app.
    public var configFile: String { configDirectory + "/config.json" }

    /// The stored login of a profile.
    public func credentialsFile(profile: String) -> String { configDirectory + "/credentials/\(profile).json" }

    /// The local store directory of a profile.
    public func profileData(_ profile: String) -> String { dataDirectory + "/" + profile }

    /// The operator credentials a local `imctl serve` writes by default.
    public var defaultOperatorFile: String { dataDirectory + "/server/operator.json" }
}
