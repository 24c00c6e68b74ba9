import IMCore
import Synchronization

/// The hosted apps, cached in memory (every request names one); the store stays the source of truth.
final class AppRegistry: Sendable {
    private let apps: Mutex<[String: AppRecord]>

    init(_ records: [AppRecord]) {
        apps = Mutex(Dictionary(records.map { ($0.appKey, $0) }, uniquingKeysWith: { $1 }))
    }

    /// The app named by a key; malformed or not hosted → 100.
    func app(_ key: String?) throws(ChatError) -> AppRecord {
        guard let key else { throw ChatError(.invalidAppKey, "the request names no app (header \(Header.app))") }
        try Validation.appKey(key)
        guard let app = apps.withLock({ $0[key] }) else { throw ChatError(.invalidAppKey, "app '\(key)' is not hosted here") }
        return app
    }

    /// The app whose credentials these are, if any.
    func app(clientId: String, clientSecret: String) -> AppRecord? {
        apps.withLock { $0.values.first { $0.info.clientId == clientId && $0.info.clientSecret == clientSecret } }
    }

    /// Every app, oldest first.
    var all: [AppRecord] { apps.withLock { $0.values.sorted { $0.id < $1.id } } }

    /// Adds or replaces an app.
    func put(_ app: AppRecord) {
        apps.withLock { $0[app.appKey] = app }
    }

    /// Forgets an app.
    func remove(_ key: String) {
        apps.withLock { _ = $0.removeValue(forKey: key) }
    }
}
