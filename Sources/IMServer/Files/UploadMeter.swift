import Crypto
import IMCore
import NIOCore
import Synchronization

/// Counts and hashes an upload's bytes as they stream to disk, and stops it at the size limit (405) — so an
/// oversize upload without a `Content-Length` is refused as soon as it crosses the limit, never read whole.
final class UploadMeter: Sendable {
    private struct State {
        var count: Int64 = 0
        var hasher = SHA256()
    }

    let limit: Int64
    private let state = Mutex(State())

    init(limit: Int64) { self.limit = limit }

    /// Passes a chunk through, or throws 405 once the total exceeds the limit.
    func take(_ buffer: ByteBuffer) throws -> ByteBuffer {
        try state.withLock { state throws(ChatError) in
            state.count += Int64(buffer.readableBytes)
            if state.count > limit { throw UploadMeter.tooLarge(limit: limit) }
            buffer.withUnsafeReadableBytes { state.hasher.update(bufferPointer: $0) }
        }
        return buffer
    }

    /// The bytes seen so far.
    var count: Int64 { state.withLock { $0.count } }

    /// Hex SHA-256 of everything seen: the content address.
    var digest: String { state.withLock { Secrets.hex($0.hasher.finalize()) } }

    static func tooLarge(limit: Int64) -> ChatError {
        ChatError(.fileTooLarge, "the file is larger than the app's maxFileBytes (\(limit) bytes)")
    }
}
