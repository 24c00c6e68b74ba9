import Dispatch
import Glibc
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Runs a program to completion: feeds it `input` on stdin, collects stdout and stderr, and kills its whole
/// process group when the time limit passes. The blocking part (spawn, poll, wait) runs on a Dispatch queue of its
/// own, never on Hummingbird's event loops or the cooperative pool.
enum Subprocess {
    /// What a finished program left.
    struct Output: Sendable {
        /// The exit code, or 128 + the signal that ended it.
        var exitStatus: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]

        /// Stderr as text, trimmed, for error messages.
        var errorText: String {
            String(decoding: stderr, as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
        }
    }

    /// Why a program could not be run to completion.
    enum Failure: Error, CustomStringConvertible {
        case notFound(String)
        case system(String, errno: Int32)
        case timedOut(String, Duration)
        case outputTooLarge

        var description: String {
            switch self {
            case .notFound(let program): "'\(program)' is not installed (not found on PATH)"
            case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
            case .timedOut(let program, let limit): "'\(program)' did not finish within \(limit)"
            case .outputTooLarge: "the program wrote more than \(Subprocess.maxOutputBytes) bytes"
            }
        }
    }

    /// The most stdout + stderr a program may write before it is killed.
    static let maxOutputBytes = 4 << 20

    private static let queue = DispatchQueue(label: "imctl.server.subprocess", attributes: .concurrent)

    /// A program that exits before reading all its input must not kill the server with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Runs `arguments[0]` (looked up on PATH) with the rest as its arguments.
    static func run(_ arguments: [String], input: [UInt8] = [], timeout: Duration) async throws -> Output {
        precondition(!arguments.isEmpty, "no program to run")
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try runBlocking(arguments, input: input, timeout: timeout) })
            }
        }
    }

    /// ``run(_:input:timeout:)`` on the calling thread, which it blocks; with `environment` instead of the server's and
    /// in `directory` when given (the end-to-end tests run `imctl` this way).
    static func runBlocking(
        _ arguments: [String], input: [UInt8], timeout: Duration, environment: [String: String]? = nil, directory: String? = nil
    ) throws -> Output {
        _ = ignoreBrokenPipes
        let deadline = ContinuousClock.now + timeout
        let launch = Launch(arguments: arguments, environment: environment, directory: directory)
        let (pid, ends) = try spawnLock.withLock { _ in try spawnWithPipes(launch) }
        var io = PipeIO(stdin: ends.stdin, stdout: ends.stdout, stderr: ends.stderr, input: input)
        defer { io.closeAll() }
        do {
            try io.pump(until: deadline) { Failure.timedOut(arguments[0], timeout) }
        } catch {
            _ = kill(-pid, SIGKILL)
            _ = reap(pid, until: nil)
            throw error
        }
        guard let status = reap(pid, until: deadline) else { throw Failure.timedOut(arguments[0], timeout) }
        return Output(exitStatus: status, stdout: io.output, stderr: io.errorOutput)
    }

    /// Glibc has no `pipe2` for Swift, so pipes get FD_CLOEXEC after creation. Creating them and spawning under
    /// one lock keeps another spawn from inheriting this child's pipe ends in between (its reader would then wait
    /// for that other child's end of file).
    private static let spawnLock = Mutex(())

    /// What to start: the program and its arguments, and optionally its environment and working directory.
    private struct Launch {
        var arguments: [String]
        var environment: [String: String]?
        var directory: String?
    }

    /// Starts the program on three new pipes; returns its pid and the parent's ends.
    private static func spawnWithPipes(_ launch: Launch) throws -> (pid_t, (stdin: Int32, stdout: Int32, stderr: Int32)) {
        var created: [Int32] = []
        do {
            let stdinPipe = try makePipe(&created), stdoutPipe = try makePipe(&created), stderrPipe = try makePipe(&created)
            let pid = try spawn(launch, stdin: stdinPipe.read, stdout: stdoutPipe.write, stderr: stderrPipe.write)
            [stdinPipe.read, stdoutPipe.write, stderrPipe.write].forEach { _ = close($0) }
            return (pid, (stdinPipe.write, stdoutPipe.read, stderrPipe.read))
        } catch {
            created.forEach { _ = close($0) }
            throw error
        }
    }

    private static func makePipe(_ created: inout [Int32]) throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw Failure.system("pipe", errno: errno) }
        created += fds
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29+), which Swift's Glibc module does not declare.
    private static let addChangeDirectory: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    }()

    /// Starts the program in a process group of its own (so a timeout kills its children too), with default
    /// signal handling and the server's environment.
    private static func spawn(_ launch: Launch, stdin: Int32, stdout: Int32, stderr: Int32) throws -> pid_t {
        let arguments = launch.arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (source, target) in [(stdin, STDIN_FILENO), (stdout, STDOUT_FILENO), (stderr, STDERR_FILENO)] {
            posix_spawn_file_actions_adddup2(&actions, source, target)
        }
        if let directory = launch.directory {
            guard let addChangeDirectory else { throw Failure.system("posix_spawn_file_actions_addchdir_np", errno: ENOSYS) }
            _ = addChangeDirectory(&actions, directory)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = arguments.map { strdup($0) } + [nil]
        let environment = (launch.environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environment).forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environment)
        guard result == 0 else {
            throw result == ENOENT ? Failure.notFound(arguments[0]) : Failure.system("posix_spawnp", errno: result)
        }
        return pid
    }

    /// Waits for the process to end; nil when `deadline` passes first (the group is then killed and reaped).
    private static func reap(_ pid: pid_t, until deadline: ContinuousClock.Instant?) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, deadline == nil ? 0 : WNOHANG)
            if result == pid { break }
            if result < 0, errno != EINTR { return nil }
            if let deadline, result == 0 {
                guard ContinuousClock.now < deadline else {
                    _ = kill(-pid, SIGKILL)
                    _ = reap(pid, until: nil)
                    return nil
                }
                usleep(2_000)
            }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}

/// The parent's ends of the three pipes: writes the input while reading both outputs, so neither side can fill
/// a pipe and stall the other.
private struct PipeIO {
    var stdin: Int32
    var stdout: Int32
    var stderr: Int32
    var pending: ArraySlice<UInt8>
    var output: [UInt8] = []
    var errorOutput: [UInt8] = []

    init(stdin: Int32, stdout: Int32, stderr: Int32, input: [UInt8]) {
        (self.stdin, self.stdout, self.stderr) = (stdin, stdout, stderr)
        pending = input[...]
        for fd in [stdin, stdout, stderr] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        if pending.isEmpty { closeInput() }
    }

    /// Runs until both outputs reach end of file.
    mutating func pump(until deadline: ContinuousClock.Instant, timedOut: () -> Subprocess.Failure) throws {
        while stdout >= 0 || stderr >= 0 {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw timedOut() }
            var fds = [(stdin, POLLOUT), (stdout, POLLIN), (stderr, POLLIN)]
                .filter { $0.0 >= 0 }
                .map { pollfd(fd: $0.0, events: Int16($0.1), revents: 0) }
            let milliseconds = Int32(min(max(1, remaining / .milliseconds(1)), 60_000))
            let ready = poll(&fds, nfds_t(fds.count), milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw Subprocess.Failure.system("poll", errno: errno)
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdin {
                    writeInput()
                } else if entry.fd == stdout {
                    Self.read(&stdout, into: &output)
                } else {
                    Self.read(&stderr, into: &errorOutput)
                }
            }
            if output.count + errorOutput.count > Subprocess.maxOutputBytes { throw Subprocess.Failure.outputTooLarge }
        }
    }

    private mutating func writeInput() {
        let written = pending.withUnsafeBytes { Glibc.write(stdin, $0.baseAddress, $0.count) }
        if written > 0 { pending = pending.dropFirst(written) }
        if pending.isEmpty || (written < 0 && errno != EAGAIN && errno != EINTR) { closeInput() }
    }

    private static func read(_ fd: inout Int32, into buffer: inout [UInt8]) {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer += chunk[..<count]
        } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
            _ = close(fd)
            fd = -1
        }
    }

    private mutating func closeInput() {
        if stdin >= 0 { _ = close(stdin) }
        stdin = -1
    }

    mutating func closeAll() {
        for fd in [stdin, stdout, stderr] where fd >= 0 { _ = close(fd) }
        (stdin, stdout, stderr) = (-1, -1, -1)
    }
}
