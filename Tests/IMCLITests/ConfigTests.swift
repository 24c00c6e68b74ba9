#if canImport(Glibc)
import Glibc
#endif
@testable import IMCLI
import Testing

@Suite("Configuration and credentials")
struct ConfigTests {
    func settings(_ argv: [String], _ harness: CLIHarness, env: [String: String] = [:]) throws -> Settings {
        let environment = harness.environment.merging(env) { $1 }
        let invocation = try Parser.parse(argv, root: Command.root(), environment: environment)
        return try Settings.resolve(invocation, environment: environment)
    }

    @Test("CI set: a destructive command on a terminal refuses without --yes (exit 2) instead of asking")
    func continuousIntegration() async throws {
        let harness = CLIHarness()
        let asked = await harness.run(["local", "reset"], stdin: "n\n", tty: true, stdinIsTTY: true)
        #expect(asked.status == 1 && asked.stderr.contains("[y/N]"), "on a terminal it asks: \(asked.stderr)")
        for value in ["true", "1"] {
            let refused = await harness.run(["local", "reset"], environment: ["CI": value], stdin: "y\n", tty: true, stdinIsTTY: true)
            #expect(refused.status == 2 && !refused.stderr.contains("[y/N]"), "CI=\(value): \(refused.stderr)")
        }
        let notCI = await harness.run(["local", "reset"], environment: ["CI": "false"], stdin: "n\n", tty: true, stdinIsTTY: true)
        #expect(notCI.status == 1, "CI=false is no CI: \(notCI.stderr)")
    }

    @Test("precedence: flag > environment > profile > default")
    func precedence() throws {
        let harness = CLIHarness()
        #expect(try settings(["whoami"], harness).server == "http://127.0.0.1:8480")
        #expect(try settings(["whoami"], harness).profile == "default")
        #expect(try settings(["whoami"], harness).app == nil)
        let config = ConfigFile(
            currentProfile: "work", profiles: ["work": .init(server: "http://profile:1", app: "p#app")])
        try config.save(Paths(environment: harness.environment).configFile)
        let fromProfile = try settings(["whoami"], harness)
        #expect(fromProfile.profile == "work")
        #expect(fromProfile.server == "http://profile:1")
        #expect(fromProfile.app == "p#app")
        let env = ["IMCTL_SERVER": "http://env:1", "IMCTL_APP": "e#app"]
        let fromEnv = try settings(["whoami"], harness, env: env)
        #expect(fromEnv.server == "http://env:1")
        #expect(fromEnv.app == "e#app")
        let fromFlag = try settings(["whoami", "--server", "http://flag:1", "--app", "f#app"], harness, env: env)
        #expect(fromFlag.server == "http://flag:1")
        #expect(fromFlag.app == "f#app")
        let otherProfile = try settings(["whoami"], harness, env: ["IMCTL_PROFILE": "other"])
        #expect(otherProfile.profile == "other")
        #expect(otherProfile.server == "http://127.0.0.1:8480")
    }

    @Test("a profile name that could leave imctl's directories, or take the server's, is a usage error from any source")
    func profileNames() throws {
        let harness = CLIHarness()
        for name in ["work", "ci-2.alice", "A_b"] {
            #expect(try settings(["whoami", "--profile", name], harness).profile == name)
        }
        for name in ["", ".", "..", "../escape", "a/b", ".hidden", "server", "tab\t", String(repeating: "p", count: 65)] {
            #expect(throws: UsageError.self, "\(name)") { try settings(["whoami", "--profile", name], harness) }
            if !name.isEmpty {  // an empty variable counts as unset
                #expect(throws: UsageError.self, "\(name)") { try settings(["whoami"], harness, env: ["IMCTL_PROFILE": name]) }
            }
        }
        try ConfigFile(currentProfile: "../up").save(Paths(environment: harness.environment).configFile)
        #expect(throws: UsageError.self) { try settings(["whoami"], harness) }
    }

    @Test("the server must be an http(s) URL with a host, from any source (exit 2 rather than a failed connection)")
    func serverURLs() throws {
        let harness = CLIHarness()
        for url in ["http://127.0.0.1:8480", "https://chat.example/api", "HTTP://h"] {
            #expect(try settings(["whoami", "--server", url], harness).server == url)
        }
        for url in ["notaurl", "http://", "ftp://h", "http:///path", "http://h x"] {
            #expect(throws: UsageError.self, "\(url)") { try settings(["whoami", "--server", url], harness) }
            #expect(throws: UsageError.self, "\(url)") { try settings(["whoami"], harness, env: ["IMCTL_SERVER": url]) }
        }
    }

    @Test("XDG paths and IMCTL_CONFIG_DIR / IMCTL_DATA_DIR overrides")
    func paths() {
        let xdg = Paths(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/c", "XDG_DATA_HOME": "/d"])
        #expect(xdg.configFile == "/c/imctl/config.json")
        #expect(xdg.credentialsFile(profile: "p") == "/c/imctl/credentials/p.json")
        #expect(xdg.profileData("p") == "/d/imctl/p")
        #expect(xdg.defaultOperatorFile == "/d/imctl/server/operator.json")
        let home = Paths(environment: ["HOME": "/h"])
        #expect(home.configDirectory == "/h/.config/imctl")
        #expect(home.dataDirectory == "/h/.local/share/imctl")
        let overridden = Paths(environment: ["HOME": "/h", "IMCTL_CONFIG_DIR": "/x", "IMCTL_DATA_DIR": "/y"])
        #expect(overridden.configFile == "/x/config.json")
        #expect(overridden.profileData("p") == "/y/p")
    }

    @Test("config files are written 0600 in 0700 directories, atomically")
    func modes() throws {
        let harness = CLIHarness()
        let paths = Paths(environment: harness.environment)
        try ConfigFile(currentProfile: "a").save(paths.configFile)
        #expect(harness.mode(paths.configFile) == 0o600)
        #expect(harness.mode(paths.configDirectory) == 0o700)
        #expect(try ConfigFile.load(paths.configFile).currentProfile == "a")
        #expect(!SecureFile.exists(paths.configFile + ".tmp-\(getpid())"))
    }

    @Test(
        "a group/world-writable or damaged credentials file is refused with exit 4, saying why (not 'not logged in')",
        arguments: [("{}", mode_t(0o666), "writable by group or others"), ("{\"userId\":", mode_t(0o600), "is damaged")])
    func refusedCredentials(content: String, mode: mode_t, reason: String) async {
        let harness = CLIHarness()
        let paths = Paths(environment: harness.environment)
        harness.makeDirectory(paths.configDirectory + "/credentials")
        harness.write(content, to: paths.credentialsFile(profile: "default"), mode: mode)
        let result = await harness.run(["whoami", "--app", "a#b"])
        #expect(result.status == 4)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(reason))
    }

    @Test("an unsafe password file and a missing operator file are refused with exit 4")
    func unsafeSecretFiles() async {
        let harness = CLIHarness()
        harness.write("secret\n", to: harness.home + "/pw", mode: 0o622)
        let password = await harness.run(["register", "alice", "--password-file", harness.home + "/pw", "--app", "a#b"])
        #expect(password.status == 4)
        let admin = await harness.run(["admin", "user", "list", "--app", "a#b"], environment: ["IMCTL_ERROR_FORMAT": "json"])
        #expect(admin.status == 4)
        #expect(admin.stderr.contains(#""exitCode":4"#))
        #expect(admin.stderr.contains("operator.json"))
    }

    @Test("no app key anywhere is a usage error (exit 2) before anything is sent")
    func missingApp() async {
        let result = await CLIHarness().run(["msg", "send", "bob", "hi"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no app key given"))
    }

    @Test("nothing is written to the current directory or config dir by read-only commands")
    func startupWritesNothing() async {
        let harness = CLIHarness()
        _ = await harness.run(["help"])
        _ = await harness.run(["msg", "send", "--help"])
        #expect(!SecureFile.exists(harness.home + "/config"))
        #expect(!SecureFile.exists(harness.home + "/data"))
    }
}
