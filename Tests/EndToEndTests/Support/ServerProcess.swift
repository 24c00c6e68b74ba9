import Foundation

/// A real `imctl serve` on an ephemeral 127.0.0.1 port with its own data directory, stopped by PID.
final class ServerProcess: @unchecked Sendable {
    // Safe: `process` is replaced only by `restart()`, which tests call from one task between other uses.
    private var process: Process
    let dataDirectory: String
    private(set) var url: String
    let operatorFile: String

    init(directory: TempDirectory) throws {
        dataDirectory = directory.sub("server")
        operatorFile = "\(dataDirectory)/operator.json"
        (process, url) = try Self.start(dataDirectory: dataDirectory, readyFile: directory.sub("ready-\(UUID().uuidString.prefix(6))"))
    }

    private static func start(dataDirectory: String, readyFile: String, listen: String = "127.0.0.1:0") throws -> (Process, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.imctl)
        process.arguments = ["serve", "--listen", listen, "--data-dir", dataDirectory, "--ready-file", readyFile, "--log-level", "warning"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.standardError
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let address = try? String(contentsOfFile: readyFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines),
               !address.isEmpty {
                return (process, "http://\(address)")
            }
            guard process.isRunning else { break }
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        throw ServerStartError(message: "imctl serve did not become ready")
    }

    /// Kills the server with SIGKILL (no chance to flush anything) and starts it again on the same port and data.
    func crashAndRestart() async throws {
        try await offPool { try self.blockingCrashAndRestart() }
    }

    private func blockingCrashAndRestart() throws {
        kill(process.processIdentifier, SIGKILL)
        Self.awaitExit(process)
        let listen = url.replacingOccurrences(of: "http://", with: "")
        (process, url) = try Self.start(dataDirectory: dataDirectory, readyFile: dataDirectory + "-ready2", listen: listen)
    }

    /// Stops the server gracefully (SIGTERM) and waits for it.
    func stop() async {
        await offPool { self.blockingStop() }
    }

    private func blockingStop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        Self.awaitExit(process)
    }

    /// Waits (on the calling thread, bounded) until the process has exited; SIGKILL after 10 s.
    private static func awaitExit(_ process: Process) {
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        while process.isRunning { usleep(10_000) }
    }

    var pid: Int32 { process.processIdentifier }

    /// Never blocks: a test's task may release the last reference on the cooperative pool.
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

struct ServerStartError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
