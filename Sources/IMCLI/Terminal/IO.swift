#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's standard streams as values, so tests can capture them.
public struct IO: Sendable {
    /// Standard input.
    public var stdin: InputReader
    /// Standard output (data only).
    public var stdout: Writer
    /// Standard error (messages, hints, warnings).
    public var stderr: Writer
    /// True when stdin is a terminal.
    public var stdinIsTTY: Bool
    /// True when stdout is a terminal.
    public var stdoutIsTTY: Bool
    /// True when stderr is a terminal.
    public var stderrIsTTY: Bool
    /// The terminal width when stdout is a terminal.
    public var terminalWidth: Int?
    /// True once the reader of stdout has gone away (lets a quiet stream notice `| head -1` without writing).
    public var stdoutClosed: @Sendable () -> Bool = { false }

    /// Creates an IO value.
    public init(
        stdin: InputReader, stdout: Writer, stderr: Writer, stdinIsTTY: Bool = false, stdoutIsTTY: Bool = false,
        stderrIsTTY: Bool = false, terminalWidth: Int? = nil
    ) {
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.stdinIsTTY = stdinIsTTY
        self.stdoutIsTTY = stdoutIsTTY
        self.stderrIsTTY = stderrIsTTY
        self.terminalWidth = terminalWidth
    }

    /// The real standard streams (file descriptors 0, 1, 2).
    public static func standard() -> IO {
        // A closed pipe must surface as EPIPE from write(2) (quiet exit 0), not kill the process.
        signal(SIGPIPE, SIG_IGN)
        var io = IO(
            stdin: InputReader(fd: STDIN_FILENO), stdout: .fileDescriptor(STDOUT_FILENO),
            stderr: .fileDescriptor(STDERR_FILENO), stdinIsTTY: TTY.isTerminal(STDIN_FILENO),
            stdoutIsTTY: TTY.isTerminal(STDOUT_FILENO), stderrIsTTY: TTY.isTerminal(STDERR_FILENO),
            terminalWidth: TTY.width(STDOUT_FILENO))
        io.stdoutClosed = { TTY.isClosedPipe(STDOUT_FILENO) }
        return io
    }

    /// Writes a line to stderr, ignoring a closed stderr.
    func warn(_ line: String) {
        try? stderr.write(line + "\n")
    }
}
