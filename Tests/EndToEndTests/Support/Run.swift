import Foundation

/// The outcome of one `imctl` process.
struct RunResult: Sendable {
    let exitCode: Int32
    let stdout: String
    let stderr: String

    /// Stdout decoded as one JSON value.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed]) }

    /// Stdout as NDJSON objects.
    func lines() throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// The error envelope on stderr (json mode).
    func errorEnvelope() throws -> [String: Any] {
        let line = stderr.split(separator: "\n").last.map(String.init) ?? ""
        return try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
    }
}

/// Runs a process to completion in `directory` (default: this one), feeding `stdin`, with a hard time limit (the
/// process is killed past it).
func runProcess(
    _ executable: String,
    _ arguments: [String],
    environment: [String: String],
    stdin: String? = nil,
    timeLimit: TimeInterval = 60,
    directory: String? = nil
) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
    let outData = ReadAll(out.fileHandleForReading), errData = ReadAll(err.fileHandleForReading)
    if exited.wait(timeout: .now() + timeLimit) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        exited.wait()
    }
    return RunResult(exitCode: process.terminationStatus, stdout: outData.wait(), stderr: errData.wait())
}

/// Reads a pipe to its end on a thread of its own so a chatty child never blocks on a full pipe.
final class ReadAll: @unchecked Sendable {
    // Safe: `data` is written once by the reader thread before `done` is signalled and read only after waiting on it.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> String {
        done.wait()
        done.signal()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Runs blocking work on a thread of its own, off Swift's cooperative pool, so waiting for a child process never
/// starves the other tests' tasks. Not on Dispatch's global queues: their thread pool is small on a 2-core machine,
/// and blocked waiters there could starve the pipe readers they wait for.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}

/// Non-throwing form of ``offPool(_:)``.
func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: body()) }
    }
}
