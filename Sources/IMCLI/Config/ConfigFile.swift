#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IMCore

/// `config.json`: `{"currentProfile":…, "profiles":{name:{server, app}}}`.
public struct ConfigFile: Sendable, Hashable, Codable {
    /// One profile's saved settings.
    public struct Profile: Sendable, Hashable, Codable {
        /// Server base URL.
        public var server: String?
        /// App key.
        public var app: String?

        /// Creates a profile.
        public init(server: String? = nil, app: String? = nil) {
            self.server = server
            self.app = app
        }
    }

    /// The profile used when neither `--profile` nor IMCTL_PROFILE names one.
    public var currentProfile: String?
    /// Profiles by name.
    public var profiles: [String: Profile]

    /// Creates a config.
    public init(currentProfile: String? = nil, profiles: [String: Profile] = [:]) {
        self.currentProfile = currentProfile
        self.profiles = profiles
    }

    /// Reads the file; a missing file is an empty config.
    static func load(_ path: String) throws(CLIError) -> ConfigFile {
        guard let text = try SecureFile.read(path) else { return ConfigFile() }
        do {
            return try WireJSON.decode(ConfigFile.self, from: Data(text.utf8))
        } catch {
            throw CLIError(code: .invalidParam, message: "\(path) is not valid: \(error)", exitCode: ExitCode.usage)
        }
    }

    /// Writes the file atomically with mode 0600.
    func save(_ path: String) throws(CLIError) {
        let text = (try? WireJSON.encoder(pretty: true).encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        try SecureFile.write(text + "\n", to: path)
    }
}
