import Synchronization

/// A cancellation flag shared between a task's cancellation handler and libcurl's progress callback.
/// Sendable: its only state is an `Atomic<Bool>`.
final class CancelFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// True once ``cancel()`` ran.
    var isCancelled: Bool { flag.load(ordering: .acquiring) }

    /// Asks the transfer to stop.
    func cancel() { flag.store(true, ordering: .releasing) }
}
