import Dispatch
import Synchronization

/// A serial Dispatch queue that takes items in batches: whatever was appended while one batch was being processed is
/// the next batch. No thread waits when there is nothing to do, and a burst costs one wake-up.
final class BatchingQueue<Item: Sendable>: Sendable {
    private let queue: DispatchQueue
    private let pending = Mutex<(items: [Item], draining: Bool)>(([], false))

    init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    /// Appends items; when no batch is being processed, `process` starts with everything pending: on the queue, or on
    /// the calling thread when `here` (a caller with nothing else to do saves a thread wake-up).
    func append(_ items: [Item], here: Bool = false, process: @escaping @Sendable ([Item]) -> Void) {
        let startDrain = pending.withLock { state in
            state.items.append(contentsOf: items)
            if state.draining { return false }
            state.draining = true
            return true
        }
        guard startDrain else { return }
        if here {
            drain(process)
        } else {
            queue.async { self.drain(process) }
        }
    }

    /// Takes the items waiting for the next batch (called while processing one, to widen it).
    func takePending() -> [Item] {
        pending.withLock { state in
            defer { state.items.removeAll(keepingCapacity: true) }
            return state.items
        }
    }

    /// Whether items are waiting for the next batch.
    var hasPending: Bool {
        pending.withLock { !$0.items.isEmpty }
    }

    /// Runs `body` on the queue once the batches appended before it have been processed.
    func sync<T>(_ body: () throws -> T) rethrows -> T {
        try queue.sync(execute: body)
    }

    private func drain(_ process: @Sendable ([Item]) -> Void) {
        while true {
            let batch = pending.withLock { state in
                let items = state.items
                state.items.removeAll(keepingCapacity: true)
                if items.isEmpty { state.draining = false }
                return items
            }
            if batch.isEmpty { return }
            process(batch)
        }
    }
}
