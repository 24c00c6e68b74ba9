import Dispatch
#if canImport(Glibc)
    import Glibc
#endif
import IMSQLite
import Logging
import Synchronization

/// The one writer of the database: requests queue their changes here, and a dedicated Dispatch queue commits
/// everything queued in ONE `BEGIN IMMEDIATE … COMMIT` (each item in its own savepoint, so a failing item undoes
/// only itself). The COMMIT itself does not wait for the disk: a second queue flushes the WAL once for every batch
/// committed meanwhile, and only then resumes the requests, advances ``durableCursor`` and reports which users' event
/// logs changed. So the writer builds the next batch while the last one reaches the disk, and a request is answered
/// only when its write would survive `kill -9` or a power cut. Checkpoints run on a third connection.
///
/// `@unchecked Sendable`: the connection is touched only on the writer's queue.
final class GroupCommitWriter: @unchecked Sendable {
    /// WAL size (in frames) past which a passive checkpoint is started.
    static let checkpointFrames = 1_000
    /// How long a deferred write waits for a batch to join (``submitDeferred(_:onFailure:)``).
    static let deferral = DispatchTimeInterval.milliseconds(5)
    /// Under load (the previous batch held several writes), the writer waits this long before it commits a batch
    /// smaller than ``fullBatch``, so that the requests being handled meanwhile join it: fewer, larger commits, each
    /// paying its WAL pages and flush once (as PostgreSQL's `commit_delay`). A lone write never waits.
    static let coalescingMicroseconds: UInt32 = 100
    static let fullBatch = 32

    private let writes = BatchingQueue<any PendingWriteProtocol>(label: "imctl.server.writer")
    private let deferred = Mutex<[any PendingWriteProtocol]>([])
    private let flushes = BatchingQueue<CommittedBatch>(label: "imctl.server.wal-flush")
    private var connection: Connection?
    /// The size of the last batch (touched only on the writer's queue).
    private var lastBatchSize = 0
    private let writeAheadLog: WriteAheadLogFile
    private let checkpointer: Checkpointer
    private let durable: Atomic<Int64>
    private let onDurable: @Sendable (Set<UserKey>) -> Void
    private let logger: Logger

    /// Opens the writer connection and migrates the schema; `onDurable` learns whose event logs changed.
    init(path: String, logger: Logger, onDurable: @escaping @Sendable (Set<UserKey>) -> Void) throws {
        let connection = try Connection(path: path, synchronous: .normal)
        try Schema.migrator.migrate(connection)
        connection.countWriteAheadLogFrames()
        durable = Atomic(try WriteContext(connection: connection).currentCursor())
        writeAheadLog = try WriteAheadLogFile(databasePath: path)
        checkpointer = try Checkpointer(path: path, logger: logger)
        self.connection = connection
        self.logger = logger
        self.onDurable = onDurable
    }

    /// The end of the event log as far as it is on disk: readers never hand out an entry past it, so an entry a client
    /// has seen is never lost and its `seq` never reused after a crash.
    var durableCursor: Int64 { durable.load(ordering: .acquiring) }

    /// Runs `body` in the next batch and returns its result once the batch is durable.
    func write<T: Sendable>(_ body: @escaping @Sendable (WriteContext) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            enqueue(PendingWrite(body: body, continuation: continuation))
        }
    }

    /// Queues `body` for the next batch without waiting for it; a later write is always ordered after it.
    func submit(_ body: @escaping @Sendable (WriteContext) throws -> Void, onFailure: @escaping @Sendable (any Error) -> Void) {
        enqueue(DetachedWrite(body: body, onFailure: onFailure))
    }

    /// Queues `body` like ``submit(_:onFailure:)``, but lets it wait up to ``deferral`` for the next batch to take it
    /// along, rather than waking the writer and flushing the WAL for it alone right now. For bookkeeping that nobody
    /// waits on and that must not slow the response being built (delivery records). Every batch takes the deferred
    /// writes first, so a later write is still ordered after it.
    func submitDeferred(_ body: @escaping @Sendable (WriteContext) throws -> Void, onFailure: @escaping @Sendable (any Error) -> Void) {
        let isFirst = deferred.withLock { waiting in
            waiting.append(DetachedWrite(body: body, onFailure: onFailure))
            return waiting.count == 1
        }
        guard isFirst else { return }
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + Self.deferral) { self.commitDeferred() }
    }

    /// Frees the page caches of the writer's and the checkpointer's connections, after the batches queued before.
    func releaseMemory() {
        writes.sync { connection?.releaseMemory() }
        checkpointer.releaseMemory()
    }

    /// Closes the connection after every queued write has finished and reached the disk.
    func close() {
        commitDeferred()
        writes.sync { connection = nil }
        flushes.sync {}
        checkpointer.close()
    }

    /// Queues an empty write, whose batch takes the deferred writes along — unless a batch already took them all.
    private func commitDeferred() {
        guard deferred.withLock({ !$0.isEmpty }) else { return }
        enqueue(DetachedWrite(body: { _ in }, onFailure: { _ in }))
    }

    private func enqueue(_ item: any PendingWriteProtocol) {
        writes.append([item]) { batch in self.commit(batch) }
    }

    private func commit(_ queued: [any PendingWriteProtocol]) {
        var queued = queued
        if lastBatchSize > 1, queued.count < Self.fullBatch {
            usleep(Self.coalescingMicroseconds)
            queued += writes.takePending()
        }
        lastBatchSize = queued.count
        let batch = deferred.withLock { waiting in
            defer { waiting.removeAll() }
            return waiting
        } + queued
        guard let connection else {
            let closed = SQLiteError(code: 21, message: "the store is closed")
            return batch.forEach { $0.finish(closed) }
        }
        let context = WriteContext(connection: connection)
        let end: Int64
        do {
            try connection.run("BEGIN IMMEDIATE")
        } catch {
            return batch.forEach { $0.finish(error) }
        }
        for item in batch { item.run(context) }
        do {
            end = try context.currentCursor()
            try connection.run("COMMIT")
        } catch {
            logger.error("group commit failed", metadata: ["error": "\(error)"])
            try? connection.run("ROLLBACK")
            return batch.forEach { $0.finish(error) }
        }
        if connection.writeAheadLogFrames >= Self.checkpointFrames { checkpointer.start() }
        // With no write waiting, the writer flushes this batch itself instead of waking the flush queue.
        let committed = CommittedBatch(items: batch, wakeUsers: context.wakeUsers, cursor: end)
        flushes.append([committed], here: !writes.hasPending) { committed in self.makeDurable(committed) }
    }

    private func makeDurable(_ committed: [CommittedBatch]) {
        do {
            try writeAheadLog.synchronize()
        } catch {
            logger.critical("flushing the WAL failed", metadata: ["error": "\(error)"])
            return committed.forEach { batch in batch.items.forEach { $0.finish(error) } }
        }
        if let end = committed.map(\.cursor).max() { durable.store(end, ordering: .releasing) }
        var users: Set<UserKey> = []
        for batch in committed {
            batch.items.forEach { $0.finish(nil) }
            users.formUnion(batch.wakeUsers)
        }
        if !users.isEmpty { onDurable(users) }
    }
}

/// A committed batch waiting for the WAL flush.
private struct CommittedBatch: Sendable {
    var items: [any PendingWriteProtocol]
    var wakeUsers: Set<UserKey>
    var cursor: Int64
}

/// Passive checkpoints on a connection of their own, one at a time, so the writer never copies the WAL itself.
///
/// `@unchecked Sendable`: the connection is touched only on `queue`.
private final class Checkpointer: @unchecked Sendable {
    private let queue = DispatchQueue(label: "imctl.server.checkpoint", qos: .utility)
    private var connection: Connection?
    private let running = Atomic<Bool>(false)
    private let logger: Logger

    init(path: String, logger: Logger) throws {
        connection = try Connection(path: path, synchronous: .full)
        self.logger = logger
    }

    /// Starts a checkpoint unless one is running.
    func start() {
        guard !running.exchange(true, ordering: .acquiringAndReleasing) else { return }
        queue.async {
            do {
                try self.connection?.checkpointPassively()
            } catch {
                self.logger.warning("checkpoint failed", metadata: ["error": "\(error)"])
            }
            self.running.store(false, ordering: .releasing)
        }
    }

    func releaseMemory() {
        queue.sync { connection?.releaseMemory() }
    }

    func close() {
        queue.sync { connection = nil }
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
