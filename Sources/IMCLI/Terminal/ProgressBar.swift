import IMClient
import Synchronization

/// A one-line transfer progress bar on stderr (`\r`-redrawn), shown only when stderr is a terminal; redrawn
/// only when the whole percentage changes, since libcurl reports very often.
final class ProgressBar: Sendable {
    private let stderr: Writer
    private let label: String
    private let lastPercent = Mutex<Int>(-1)

    /// A bar for `label`, or nil when stderr is not a terminal (no bar at all then).
    static func make(_ label: String, io: IO) -> ProgressBar? {
        io.stderrIsTTY ? ProgressBar(label: label, stderr: io.stderr) : nil
    }

    private init(label: String, stderr: Writer) {
        self.label = label
        self.stderr = stderr
    }

    /// Redraws the bar for `done` of `total` bytes (total 0: unknown, nothing drawn).
    func update(_ done: Int64, _ total: Int64) {
        guard total > 0 else { return }
        let percent = Int(min(100, done * 100 / total))
        let changed = lastPercent.withLock { last in
            guard percent != last else { return false }
            last = percent
            return true
        }
        guard changed else { return }
        let filled = percent * 30 / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        try? stderr.write("\r\(label) [\(bar)] \(percent)% \(Self.size(done))/\(Self.size(total))")
    }

    /// ``update(_:_:)`` as the client library's progress callback.
    var callback: TransferProgress {
        { [self] done, total in update(done, total) }
    }

    /// Ends the bar's line.
    func finish() {
        if lastPercent.withLock({ $0 >= 0 }) { try? stderr.write("\n") }
    }

    private static func size(_ bytes: Int64) -> String {
        bytes >= 1_048_576 ? "\(bytes * 10 / 1_048_576 / 10).\(bytes * 10 / 1_048_576 % 10) MiB" : "\(bytes / 1024) KiB"
    }
}
