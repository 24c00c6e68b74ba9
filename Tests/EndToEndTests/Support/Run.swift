import Foundation

@testable import IMServer

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

/// Runs a process to completion in `directory` (default: this one), feeding `stdin`, with a hard time limit (its
/// process group is killed past it). Through the server's `Subprocess` (posix_spawn and poll), not Foundation's
/// `Process`, whose launch on Linux reads past a buffer while listing open descriptors and crashes now and then
/// (swift-corelibs-foundation PR 5472), and which leaves two pipe descriptors open per run.
func runProcess(
    _ executable: String,
    _ arguments: [String],
    environment: [String: String],
    stdin: String? = nil,
    timeLimit: TimeInterval = 60,
    directory: String? = nil
) throws -> RunResult {
    let output = try Subprocess.runBlocking(
        [executable] + arguments, input: Array((stdin ?? "").utf8), timeout: .milliseconds(Int64(timeLimit * 1000)),
        environment: environment, directory: directory)
    return RunResult(
        exitCode: output.exitStatus, stdout: String(decoding: output.stdout, as: UTF8.self),
        stderr: String(decoding: output.stderr, as: UTF8.self))
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
