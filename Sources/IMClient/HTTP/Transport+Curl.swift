import Dispatch
import Synchronization

extension Transport {
    /// The libcurl transport. Keeps a small pool of easy handles, each with its own serial Dispatch queue, so
    /// blocking transfers never run on Swift's cooperative pool and sequential requests reuse one connection.
    static func curl() -> Transport {
        let pool = CurlHandlePool()
        return Transport(
            send: { request throws(IMClientError) in try await pool.perform(request, files: nil) },
            stream: { request, files throws(IMClientError) in try await pool.perform(request, files: files) }
        )
    }
}

/// Idle easy handles of one transport. A handle is checked out by exactly one transfer at a time.
final class CurlHandlePool: Sendable {
    private let idle = Mutex<[PooledCurlHandle]>([])

    /// An idle handle, or a new one when all are busy.
    func checkOut() -> PooledCurlHandle {
        idle.withLock { $0.popLast() } ?? PooledCurlHandle()
    }

    /// Returns a handle after its transfer finished.
    func checkIn(_ handle: PooledCurlHandle) {
        idle.withLock { $0.append(handle) }
    }

    /// Runs one transfer on a pooled handle's queue; task cancellation aborts it.
    func perform(_ request: HTTPRequest, files: FileStreams?) async throws(IMClientError) -> HTTPResponse {
        let cancel = CancelFlag()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponse, IMClientError>, Never>) in
                let lease = checkOut()
                lease.queue.async {
                    let result = lease.easy.perform(request, cancel: cancel, files: files)
                    self.checkIn(lease)
                    continuation.resume(returning: result)
                }
            }
        } onCancel: {
            cancel.cancel()
        }
        return try result.get()
    }
}

/// An easy handle with the serial queue its transfers run on.
///
/// `@unchecked Sendable` is safe because the handle is only touched on `queue`, and only by the one transfer
/// that checked it out of ``CurlHandlePool`` (the pool's mutex hands it over between transfers).
final class PooledCurlHandle: @unchecked Sendable {
    let queue = DispatchQueue(label: "imctl.curl")
    /// Made by the first transfer, on `queue`: a process's first handle may wait there for libcurl to load.
    private(set) lazy var easy = CurlEasy()
}
