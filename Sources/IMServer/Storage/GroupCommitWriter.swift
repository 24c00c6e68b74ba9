import Dispatch
import IMSQLite
import Logging
import Synchronization

/// The one writer of the database: requests queue their changes here, and a dedicated Dispatch queue commits
/// everything queued in ONE `BEGIN IMMEDIATE … COMMIT` (each item in its own savepoint, so a failing item undoes
/// only itself), then resumes each request and reports which users' event logs changed. A request is answered
/// only after its COMMIT, so an acknowledged write survives `kill -9`.
///
/// `@unchecked Sendable`: the connection is touched only on `queue`; the pending list is guarded by a Mutex.
final class GroupCommitWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "imctl.server.writer", qos: .userInitiated)
    private var connection: Connection?
    private let pending = Mutex<(items: [any PendingWriteProtocol], draining: Bool)>(([], false))
    private let onCommit: @Sendable (Set<UserKey>) -> Void
    private let logger: Logger

    /// Opens the writer connection and migrates the schema.
    init(path: String, logger: Logger, onCommit: @escaping @Sendable (Set<UserKey>) -> Void) throws {
        let connection = try Connection(path: path, synchronous: .full)
        try Schema.migrator.migrate(connection)
        self.connection = connection
        self.logger = logger
        self.onCommit = onCommit
    }

    /// Runs `body` in the next batch and returns its result once the batch has committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (WriteContext) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            enqueue(PendingWrite(body: body, continuation: continuation))
        }
    }

    /// Queues `body` for the next batch without waiting for it; a later write is always ordered after it.
    func submit(_ body: @escaping @Sendable (WriteContext) throws -> Void, onFailure: @escaping @Sendable (any Error) -> Void) {
        enqueue(DetachedWrite(body: body, onFailure: onFailure))
    }

    /// Closes the connection after every queued write has finished.
    func close() {
        queue.sync { connection = nil }
    }

    private func enqueue(_ item: any PendingWriteProtocol) {
        let startDrain = pending.withLock { state in
            state.items.append(item)
            if state.draining { return false }
            state.draining = true
            return true
        }
        if startDrain { queue.async { self.drain() } }
    }

    private func drain() {
        while true {
            let batch = pending.withLock { state in
                let items = state.items
                state.items.removeAll(keepingCapacity: true)
                if items.isEmpty { state.draining = false }
                return items
            }
            if batch.isEmpty { return }
            commit(batch)
        }
    }

    private func commit(_ batch: [any PendingWriteProtocol]) {
        guard let connection else {
            let closed = SQLiteError(code: 21, message: "the store is closed")
            return batch.forEach { $0.finish(closed) }
        }
        let context = WriteContext(connection: connection)
        do {
            try connection.execute("BEGIN IMMEDIATE")
        } catch {
            return batch.forEach { $0.finish(error) }
        }
        for item in batch { item.run(context) }
        do {
            try connection.execute("COMMIT")
        } catch {
            logger.error("group commit failed", metadata: ["error": "\(error)"])
            try? connection.execute("ROLLBACK")
            return batch.forEach { $0.finish(error) }
        }
        batch.forEach { $0.finish(nil) }
        if !context.wakeUsers.isEmpty { onCommit(context.wakeUsers) }
    }
}

/// A queued write, type-erased so one batch can hold writes of different result types.
private protocol PendingWriteProtocol: Sendable {
    func run(_ context: WriteContext)
    func finish(_ commitError: (any Error)?)
}

/// `@unchecked Sendable`: created by the caller, then touched only on the writer's queue.
private final class PendingWrite<T: Sendable>: PendingWriteProtocol, @unchecked Sendable {
    let body: @Sendable (WriteContext) throws -> T
    let continuation: CheckedContinuation<T, any Error>
    var result: Result<T, any Error>?

    init(body: @escaping @Sendable (WriteContext) throws -> T, continuation: CheckedContinuation<T, any Error>) {
        self.body = body
        self.continuation = continuation
    }

    func run(_ context: WriteContext) {
        result = Result { try context.item { try body(context) } }
    }

    func finish(_ commitError: (any Error)?) {
        if let commitError {
            continuation.resume(throwing: commitError)
        } else {
            continuation.resume(with: result ?? .failure(SQLiteError(code: 1, message: "write did not run")))
        }
    }
}

/// A queued write nobody waits for; failures go to `onFailure`.
private final class DetachedWrite: PendingWriteProtocol, @unchecked Sendable {
    let body: @Sendable (WriteContext) throws -> Void
    let onFailure: @Sendable (any Error) -> Void
    var failure: (any Error)?

    init(body: @escaping @Sendable (WriteContext) throws -> Void, onFailure: @escaping @Sendable (any Error) -> Void) {
        self.body = body
        self.onFailure = onFailure
    }

    func run(_ context: WriteContext) {
        do { try context.item { try body(context) } } catch { failure = error }
    }

    func finish(_ commitError: (any Error)?) {
        if let error = commitError ?? failure { onFailure(error) }
    }
}
