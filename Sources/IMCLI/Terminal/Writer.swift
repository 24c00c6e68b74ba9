#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Thrown when output cannot be written. When the reader went away (EPIPE, `imctl … | head`) the command ends quietly
/// with status 0; any other failure (a full disk, an I/O error) is an error of the command (exit 1).
public struct OutputWriteError: Error, Sendable, CustomStringConvertible {
    /// The `errno` of the failed write.
    public var errorNumber: Int32

    /// Creates the error of a failed write.
    public init(errorNumber: Int32 = EPIPE) { self.errorNumber = errorNumber }

    /// Whether the reader closed the pipe: nothing more is wanted, so it is not a failure.
    public var readerWentAway: Bool { errorNumber == EPIPE }

    public var description: String { "cannot write the output: \(String(cString: strerror(errorNumber)))" }
}

/// A destination for text: a file descriptor, or a buffer in tests.
public struct Writer: Sendable {
    /// Writes the text completely or throws ``OutputWriteError``.
    public var write: @Sendable (String) throws(OutputWriteError) -> Void

    /// Creates a writer from a closure.
    public init(write: @escaping @Sendable (String) throws(OutputWriteError) -> Void) { self.write = write }

    /// A writer on a file descriptor, through `write(2)`; every call reaches the descriptor before it returns.
    public static func fileDescriptor(_ fd: Int32) -> Writer {
        Writer { (text: String) throws(OutputWriteError) in
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { buffer in
                    Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputWriteError(errorNumber: errno)
                }
                offset += written
            }
        }
    }

    /// A writer that appends to `buffer` (tests).
    public static func buffer(_ buffer: TextBuffer) -> Writer {
        Writer { (text: String) throws(OutputWriteError) in buffer.append(text) }
    }
}

/// A thread-safe text buffer capturing output in tests.
public final class TextBuffer: Sendable {
    private let storage = Mutex("")

    /// Creates an empty buffer.
    public init() {}

    /// Appends text.
    public func append(_ text: String) { storage.withLock { $0 += text } }

    /// Everything written so far.
    public var text: String { storage.withLock { $0 } }
}
