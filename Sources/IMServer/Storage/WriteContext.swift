import IMSQLite

/// What a queued write sees: the writer's connection inside the open batch transaction, and the set of users
/// whose event log it changed (woken after COMMIT).
///
/// Not Sendable: it lives on the writer's queue for the duration of one batch.
final class WriteContext {
    /// The writer's connection; a transaction is open.
    let connection: Connection
    /// Users whose event log changed in items that succeeded.
    private(set) var wakeUsers: Set<UserKey> = []
    private var itemWakeUsers: Set<UserKey> = []

    init(connection: Connection) {
        self.connection = connection
    }

    /// Marks a user's event log as changed by the current item.
    func wake(_ user: UserKey) {
        itemWakeUsers.insert(user)
    }

    /// Runs one item in a savepoint; its wake-ups count only if it succeeds.
    func item<T>(_ body: () throws -> T) throws -> T {
        itemWakeUsers.removeAll(keepingCapacity: true)
        let result = try connection.savepoint(body)
        wakeUsers.formUnion(itemWakeUsers)
        return result
    }
}

@available(*, unavailable)
extension WriteContext: Sendable {}
