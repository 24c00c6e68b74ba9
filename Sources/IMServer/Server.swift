import Glibc
import Hummingbird
import IMCore
import Logging
import NIOCore
import ServiceLifecycle

/// Runs the server until SIGINT/SIGTERM. Graceful shutdown releases held event requests at once, then the
/// store closes. `onListening` gets the bound host and port once the socket listens (port 0 → the real one).
/// Refuses a data directory another server is using (``DataDirectoryLock``) and an address already taken.
public func runServer(_ configuration: ServerConfiguration, onListening: @escaping @Sendable (String, Int) -> Void) async throws {
    try Directory.create(configuration.dataDirectory)
    let lock = try DataDirectoryLock(directory: configuration.dataDirectory)
    defer { withExtendedLifetime(lock) {} }
    let (application, state) = try await makeApplication(configuration, onListening: onListening)
    defer { state.store.close() }
    do {
        try await application.runService()
    } catch let error as IOError where error.errnoCode == EADDRINUSE {
        throw ChatError(.generalError, "cannot listen on \(configuration.host):\(configuration.port): the address is already in use")
    }
}

/// The same application, for tests (Hummingbird `ApplicationProtocol`; run it with `.test(.live)` or `.router`).
public func buildApplication(
    _ configuration: ServerConfiguration,
    onListening: @escaping @Sendable (String, Int) -> Void = { _, _ in }
) async throws -> some ApplicationProtocol {
    try await makeApplication(configuration, onListening: onListening).application
}

private func makeApplication(
    _ configuration: ServerConfiguration,
    onListening: @escaping @Sendable (String, Int) -> Void
) async throws -> (application: Application<RouterResponder<BasicRequestContext>>, state: ServerState) {
    let state = try await ServerState.make(configuration)
    let router = Router(context: BasicRequestContext.self)
    RouteTable(state: state).register(on: router)
    // Added after the routes, so that it wraps only the responder of requests no route matches.
    router.add(middleware: UnknownRouteMiddleware())
    let host = configuration.host
    let application = Application(
        router: router,
        configuration: .init(address: .hostname(host, port: configuration.port), serverName: "imctl"),
        onServerRunning: { channel in onListening(host, channel.localAddress?.port ?? configuration.port) },
        logger: state.logger
    )
    return (application, state)
}

extension ServerState {
    /// Opens the data directory (0700), the operator credentials and the store, and loads the apps.
    static func make(_ configuration: ServerConfiguration) async throws -> ServerState {
        var logger = Logger(label: "imctl.server")
        logger.logLevel = configuration.logLevel
        try Directory.create(configuration.dataDirectory)
        let operatorCredentials = try OperatorCredentialsFile.loadOrCreate(at: configuration.operatorCredentialsPath)
        let hub = EventHub()
        let files = FileStore(dataDirectory: configuration.dataDirectory)
        let store: SQLiteChatStore
        do {
            store = try SQLiteChatStore(path: configuration.databasePath, logger: logger, releaseContent: files.removeContent) { users in
                Task { await hub.notify(users) }
            }
        } catch {
            throw ChatError(.generalError, "cannot open the database \(configuration.databasePath): \(error)")
        }
        return ServerState(
            configuration: configuration, store: store, hub: hub, apps: AppRegistry(try await store.apps()),
            operatorCredentials: operatorCredentials, hasher: PasswordHasher(iterations: configuration.passwordHashIterations),
            logger: logger
        )
    }
}
