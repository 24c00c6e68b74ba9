import IMSQLite
import Synchronization

/// Reads on the calling thread: each read borrows an idle connection (opening one when all are busy) and gives it back.
/// Reads are short lookups of pages that SQLite and the OS have cached, so running them where the request runs costs
/// less than a hop to a reader thread and back. In WAL mode they run beside the writer and see every committed batch.
final class ReadPool: Sendable {
    /// Idle connections kept open; more are opened under load and closed when given back.
    static let keptIdle = 4

    private let path: String
    private let state = Mutex<(idle: [PooledConnection], closed: Bool)>(([], false))

    /// Checks that the (already migrated) database opens.
    init(path: String) throws {
        self.path = path
        let first = PooledConnection(try Connection(path: path))
        state.withLock { $0.idle.append(first) }
    }

    /// Runs `body` with a connection of its own.
    func read<T>(_ body: (Connection) throws -> T) throws -> T {
        let borrowed = try borrow()
        defer { giveBack(borrowed) }
        return try body(borrowed.connection)
    }

    /// Frees the page caches of the idle connections (a borrowed one keeps its cache).
    func releaseMemory() {
        state.withLock { state in
            for pooled in state.idle { pooled.connection.releaseMemory() }
        }
    }

    /// Closes the idle connections now and the borrowed ones when they come back.
    func close() {
        state.withLock { state in
            state.closed = true
            state.idle.removeAll()
        }
    }

    private func borrow() throws -> PooledConnection {
        let taken = try state.withLock { state throws(SQLiteError) -> PooledConnection? in
            if state.closed { throw SQLiteError(code: 21, message: "the store is closed") }
            return state.idle.popLast()
        }
        return try taken ?? PooledConnection(try Connection(path: path))
    }

    private func giveBack(_ pooled: PooledConnection) {
        state.withLock { state in
            if !state.closed, state.idle.count < Self.keptIdle { state.idle.append(pooled) }
        }
    }
}

/// A connection owned by one borrower at a time (the pool's lock hands it over).
private final class PooledConnection: @unchecked Sendable {
    let connection: Connection

    init(_ connection: Connection) {
        self.connection = connection
    }
}
