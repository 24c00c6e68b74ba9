import IMCLI
import IMCore
import IMServer
import Logging

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The run of `imctl serve`: flags → `ServerConfiguration` → `runServer`.
enum ServeCommand {
    static let run: Command.Run = { invocation, context in
        let paths = try context.settings(invocation).paths
        var configuration = ServerConfiguration(dataDirectory: invocation.value("data-dir") ?? paths.dataDirectory + "/server")
        if let listen = invocation.value("listen") {
            guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
                  (0...65_535).contains(port), colon > listen.startIndex
            else {
                throw CLIError(code: .invalidParam, message: "--listen takes HOST:PORT, got '\(listen)'", exitCode: ExitCode.usage)
            }
            configuration.host = String(listen[..<colon])
            configuration.port = port
        }
        if let level = invocation.value("log-level") {
            guard let parsed = Logger.Level(rawValue: level) else {
                throw CLIError(code: .invalidParam, message: "unknown log level '\(level)'", exitCode: ExitCode.usage)
            }
            configuration.logLevel = parsed
        }
        if let iterations = invocation.value("password-hash-iterations") {
            guard let count = Int(iterations), count >= 1 else {
                throw CLIError(code: .invalidParam, message: "--password-hash-iterations takes a positive integer", exitCode: ExitCode.usage)
            }
            configuration.passwordHashIterations = count
        }
        let readyFile = invocation.value("ready-file")
        try await runServer(configuration) { host, port in
            guard let readyFile else { return }
            let temporary = readyFile + ".tmp"
            try? Data("\(host):\(port)\n".utf8).write(to: URL(fileURLWithPath: temporary))
            _ = rename(temporary, readyFile)
        }
        return ExitCode.success
    }
}
