import Foundation

/// A background `imctl` whose NDJSON stdout is collected line by line as it arrives.
final class StreamingProcess: @unchecked Sendable {
    // Safe: `lines` and `errorText` are guarded by `condition`.
    private let process = Process()
    private let condition = NSCondition()
    private var lines: [String] = []
    private var errorText = ""
    private var pending = Data()

    init(arguments: [String], environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: Binary.imctl)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        Self.readUntilEnd(out.fileHandleForReading) { [weak self] data in self?.received(data) }
        Self.readUntilEnd(err.fileHandleForReading) { [weak self] data in
            guard let self else { return }
            self.condition.lock()
            self.errorText += String(decoding: data, as: UTF8.self)
            self.condition.unlock()
        }
    }

    /// Hands each chunk to `body` on a thread of its own until the end of the stream, then closes the handle (which
    /// Foundation would leave open: one leaked descriptor per stream).
    private static func readUntilEnd(_ handle: FileHandle, _ body: @escaping @Sendable (Data) -> Void) {
        Thread.detachNewThread {
            while case let data = handle.availableData, !data.isEmpty { body(data) }
            try? handle.close()
        }
    }

    private func received(_ data: Data) {
        condition.lock()
        pending.append(data)
        while let newline = pending.firstIndex(of: 0x0A) {
            lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
            pending.removeSubrange(pending.startIndex...newline)
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Waits (off the cooperative pool) until at least `count` lines arrived or the time is up; returns the lines so far.
    @discardableResult
    func waitForLines(_ count: Int, timeout: TimeInterval = 20) async -> [[String: Any]] {
        await offPool { self.blockingWaitForLines(count, timeout: timeout) }.map(\.value)
    }

    /// Waits (off the cooperative pool) until a line satisfies `predicate`, returning it, or nil when the time is up.
    func waitFor(timeout: TimeInterval = 20, _ predicate: @escaping @Sendable ([String: Any]) -> Bool) async -> [String: Any]? {
        await offPool { self.blockingWaitFor(timeout: timeout, predicate).map(Line.init) }?.value
    }

    /// Waits (off the cooperative pool) for the process to end by itself; nil if it still runs at the deadline.
    func waitForExit(timeout: TimeInterval = 20) async -> Int32? {
        await offPool { self.blockingWaitForExit(timeout: timeout) }
    }

    private func blockingWaitForLines(_ count: Int, timeout: TimeInterval) -> [Line] {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        while lines.count < count && condition.wait(until: deadline) {}
        let snapshot = lines
        condition.unlock()
        return snapshot.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }.map(Line.init)
    }

    private func blockingWaitFor(timeout: TimeInterval, _ predicate: ([String: Any]) -> Bool) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let parsed = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            if let match = parsed.first(where: predicate) { return match }
            if !condition.wait(until: deadline) { return nil }
        }
    }

    private func blockingWaitForExit(timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    var stderr: String {
        condition.lock()
        defer { condition.unlock() }
        return errorText
    }

    /// Stops the process (SIGTERM, then SIGKILL) by its PID, waiting off the cooperative pool.
    func stop() async {
        await offPool { self.blockingStop() }
    }

    private func blockingStop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Never blocks: a test's task may release the last reference on the cooperative pool.
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// One parsed NDJSON line, carried across threads (JSON objects from JSONSerialization are immutable once parsed).
struct Line: @unchecked Sendable {
    let value: [String: Any]
    init(_ value: [String: Any]) { self.value = value }
}
