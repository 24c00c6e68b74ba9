import IMCore
import Synchronization

/// The lazily opened ``LocalStore`` of a client: a command that never touches the store never opens it.
///
/// `@unchecked Sendable` is safe because `store` is created, read and used only while `lock` is held, so
/// the non-Sendable connection is used by one thread at a time.
final class LocalStoreHandle: @unchecked Sendable {
    private let lock = Mutex<Void>(())
    private var store: LocalStore?
    /// The database file.
    let path: String
    private let prepare: @Sendable () throws(ChatError) -> Void

    /// - Parameter prepare: runs once before the first open (creates the data directory).
    init(path: String, prepare: @escaping @Sendable () throws(ChatError) -> Void = {}) {
        self.path = path
        self.prepare = prepare
    }

    /// Runs `body` with the store, opening it first if needed.
    func with<T: Sendable>(_ body: (LocalStore) throws(ChatError) -> T) throws(ChatError) -> T {
        let result: Result<T, ChatError> = lock.withLock { _ in
            do throws(ChatError) {
                if store == nil {
                    try prepare()
                    store = try LocalStore(path: path)
                }
                return .success(try body(store!))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
