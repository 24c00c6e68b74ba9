import Dispatch
import IMSQLite

/// A read-only connection on its own Dispatch queue, so reads neither wait for the writer nor block the
/// cooperative pool. In WAL mode it sees every committed batch.
///
/// `@unchecked Sendable`: the connection is touched only on `queue`.
final class ReadQueue: @unchecked Sendable {
    private let queue: DispatchQueue
    private var connection: Connection?

    /// Opens a connection to the (already migrated) database.
    init(path: String, label: String) throws {
        queue = DispatchQueue(label: label, qos: .userInitiated)
        connection = try Connection(path: path, synchronous: .full)
    }

    /// Runs `body` on the reader's queue.
    func read<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                guard let connection = self.connection else {
                    return continuation.resume(throwing: SQLiteError(code: 21, message: "the store is closed"))
                }
                continuation.resume(with: Result { try body(connection) })
            }
        }
    }

    /// Closes the connection after the queued reads.
    func close() {
        queue.sync { connection = nil }
    }
}
