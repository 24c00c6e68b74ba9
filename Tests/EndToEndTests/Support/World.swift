import Foundation

/// One test's world: a temp directory, a real server, an app, and a shell per user with its own config and data dirs.
final class World: Sendable {
    let directory: TempDirectory
    let server: ServerProcess
    let appKey: String

    init(appKey: String = "e2e#app") async throws {
        let directory = try TempDirectory()
        self.directory = directory
        server = try await offPool { try ServerProcess(directory: directory) }
        self.appKey = appKey
        let created = try await admin("app", "create", appKey)
        guard created.exitCode == 0 else { throw ServerStartError(message: "app create failed: \(created.stderr)") }
    }

    /// Runs `imctl admin …` with the operator credentials, JSON output.
    func admin(_ arguments: String..., stdin: String? = nil) async throws -> RunResult {
        let environment = baseEnvironment(home: directory.sub("operator")).merging(["IMCTL_OPERATOR_FILE": server.operatorFile]) { $1 }
        return try await offPool { try runProcess(Binary.imctl, ["admin"] + arguments, environment: environment, stdin: stdin) }
    }

    /// A shell for one user: its own home (the working directory of its commands) with separate XDG config and data
    /// directories, this server and app, JSON output.
    func user(_ name: String) -> UserShell {
        let home = directory.sub("home-\(name)")
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return UserShell(name: name, environment: baseEnvironment(home: home))
    }

    /// Creates users with the password `pw-<name>` and logs each in under its own profile.
    func loggedIn(_ names: String...) async throws -> [UserShell] {
        var shells: [UserShell] = []
        for name in names {
            let shell = user(name)
            let registered = try await shell.run("register", name, "--password-stdin", stdin: "pw-\(name)\n")
            guard registered.exitCode == 0 else { throw ServerStartError(message: "register \(name): \(registered.stderr)") }
            let login = try await shell.run("login", name, "--password-stdin", stdin: "pw-\(name)\n")
            guard login.exitCode == 0 else { throw ServerStartError(message: "login \(name): \(login.stderr)") }
            shells.append(shell)
        }
        return shells
    }

    private func baseEnvironment(home: String) -> [String: String] {
        [
            "HOME": home,
            "XDG_CONFIG_HOME": "\(home)/config",
            "XDG_DATA_HOME": "\(home)/data",
            "IMCTL_SERVER": server.url,
            "IMCTL_APP": appKey,
            "IMCTL_OUTPUT": "json",
            "PATH": "/usr/bin:/bin",
        ]
    }
}

/// Runs `imctl` as one user, in the user's home directory.
struct UserShell: Sendable {
    let name: String
    let environment: [String: String]

    func run(_ arguments: String..., stdin: String? = nil, timeLimit: TimeInterval = 60) async throws -> RunResult {
        try await run(arguments: arguments, stdin: stdin, timeLimit: timeLimit)
    }

    func run(arguments: [String], stdin: String? = nil, timeLimit: TimeInterval = 60) async throws -> RunResult {
        let environment = environment
        return try await offPool {
            try runProcess(Binary.imctl, arguments, environment: environment, stdin: stdin, timeLimit: timeLimit, directory: environment["HOME"])
        }
    }

    /// Starts a long-running `imctl` (e.g. `events`) whose stdout lines can be awaited.
    func start(_ arguments: String...) throws -> StreamingProcess {
        try StreamingProcess(arguments: arguments, environment: environment)
    }
}
