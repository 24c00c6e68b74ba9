#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Thrown when the reader of stdout went away (EPIPE): the command ends quietly with status 0.
public struct OutputClosed: Error, Sendable {}

/// A destination for text: a file descriptor, or a buffer in tests.
public struct Writer: Sendable {
    /// Writes the text completely or throws ``OutputClosed``.
    public var write: @Sendable (String) throws(OutputClosed) -> Void

    /// Creates a writer from a closure.
    public init(write: @escaping @Sendable (String) throws(OutputClosed) -> Void) { self.write = write }

    /// A writer on a file descriptor, through `write(2)`; every call reaches the descriptor before it returns.
    public static func fileDescriptor(_ fd: Int32) -> Writer {
        Writer { (text: String) throws(OutputClosed) in
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { buffer in
                    Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputClosed()
                }
                offset += written
            }
        }
    }

    /// A writer that appends to `buffer` (tests).
    public static func buffer(_ buffer: TextBuffer) -> Writer {
        Writer { (text: String) throws(OutputClosed) in buffer.append(text) }
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
