import IMCore
import Synchronization

/// The state a ``ChatClient`` and its managers share: options, transport, stored login, local store,
/// handlers and connection state.
final class ClientCore: Sendable {
    let options: ChatOptions
    let credentials: CredentialStore
    let store: LocalStoreHandle
    private let transport: Transport
    private let connectionHandlers = Mutex<[String: @Sendable (ConnectionEvent) -> Void]>([:])
    private let eventHandlers = Mutex<[String: @Sendable (Event) -> Void]>([:])
    private let connected = Atomic<Bool>(false)

    init(options: ChatOptions, transport: Transport) {
        self.options = options
        self.transport = transport
        self.credentials = CredentialStore(path: options.credentialsPath)
        let directory = options.dataDirectory
        self.store = LocalStoreHandle(path: directory + "/store.sqlite") { () throws(ChatError) in try SecureFile.makeDirectory(directory) }
    }

    /// Opens the local store now rather than at its first use.
    func openStore() {
        try? store.with { _ throws(ChatError) in }
    }

    /// The API client for this app and server; `authenticated` adds the stored session's token and resource
    /// (201 when there is no stored login).
    func api(authenticated: Bool = true) throws(ChatError) -> APIClient {
        var api = APIClient(
            baseURL: options.serverURL, appKey: options.appKey, transport: transport, timeout: options.requestTimeout,
            maxAttempts: options.maxAttempts, maxRateWait: options.maxRateWait, debug: options.debugHTTP)
        if authenticated {
            let login = try session()
            api.auth = .bearer(token: login.token, resource: login.resource)
        }
        return api
    }

    /// The stored login, or 201 when there is none.
    func session() throws(ChatError) -> StoredLogin {
        guard let login = try credentials.load() else { throw ChatError(.userNotLogin, "not logged in") }
        return login
    }

    /// Updates the local store with what the server returned. The server is the source of truth and the call
    /// already succeeded, so a store failure does not fail it; it is reported to the debug trace.
    func cache(_ body: (LocalStore) throws(ChatError) -> Void) {
        do {
            try store.with(body)
        } catch {
            options.debugHTTP?("local store: \(error.description)")
        }
    }

    var isConnected: Bool { connected.load(ordering: .acquiring) }

    func addConnectionHandler(_ id: String, _ handler: @escaping @Sendable (ConnectionEvent) -> Void) {
        connectionHandlers.withLock { $0[id] = handler }
    }

    func removeConnectionHandler(_ id: String) {
        _ = connectionHandlers.withLock { $0.removeValue(forKey: id) }
    }

    func addEventHandler(_ id: String, _ handler: @escaping @Sendable (Event) -> Void) {
        eventHandlers.withLock { $0[id] = handler }
    }

    func removeEventHandler(_ id: String) {
        _ = eventHandlers.withLock { $0.removeValue(forKey: id) }
    }

    /// Records a connection change and tells the handlers.
    func notify(_ event: ConnectionEvent) {
        switch event {
        case .connected: connected.store(true, ordering: .releasing)
        case .disconnected, .loggedOut, .tokenDidExpire: connected.store(false, ordering: .releasing)
        case .tokenWillExpire: break
        }
        for handler in connectionHandlers.withLock({ Array($0.values) }) { handler(event) }
    }

    /// Tells the chat event handlers about an event.
    func notify(_ event: Event) {
        for handler in eventHandlers.withLock({ Array($0.values) }) { handler(event) }
    }
}
