#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Standard input, read lazily: whole (`readAll`) or line by line (`readLine`, for `batch`).
public final class InputReader: Sendable {
    private struct State {
        var buffer: [UInt8]
        var atEnd: Bool
    }

    private let fd: Int32
    private let state: Mutex<State>

    /// Reads from a file descriptor.
    public init(fd: Int32) {
        self.fd = fd
        state = Mutex(State(buffer: [], atEnd: false))
    }

    /// Reads from fixed text (tests).
    public init(text: String) {
        fd = -1
        state = Mutex(State(buffer: Array(text.utf8), atEnd: true))
    }

    /// The next line without its newline, or nil at end of input.
    public func readLine() -> String? {
        state.withLock { state in
            while true {
                if let newline = state.buffer.firstIndex(of: 10) {
                    let line = String(decoding: state.buffer[..<newline], as: UTF8.self)
                    state.buffer.removeSubrange(...newline)
                    return line
                }
                if state.atEnd {
                    guard !state.buffer.isEmpty else { return nil }
                    defer { state.buffer = [] }
                    return String(decoding: state.buffer, as: UTF8.self)
                }
                fill(&state)
            }
        }
    }

    /// All remaining input as text.
    public func readAll() -> String {
        state.withLock { state in
            while !state.atEnd { fill(&state) }
            defer { state.buffer = [] }
            return String(decoding: state.buffer, as: UTF8.self)
        }
    }

    private func fill(_ state: inout State) {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { return }
        if count <= 0 {
            state.atEnd = true
        } else {
            state.buffer += chunk[..<count]
        }
    }
}
