import Glibc
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IMCore
import Logging
import NIOCore
import Testing

@testable import IMServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A real server on a temp data directory, driven through HummingbirdTesting, with helpers speaking the wire
/// protocol. Each test gets its own directory (and so its own database).
struct TestServer {
    /// Sends one request and returns the reply.
    typealias Executor = @Sendable (String, HTTPRequest.Method, HTTPFields, ByteBuffer?) async throws -> Reply

    let execute: Executor
    /// The port of a live server, nil for the in-process router.
    let port: Int?
    let dataDirectory: String
    let operatorCredentials: OperatorCredentials

    /// Runs `body` against a fresh server; removes the data directory afterwards.
    static func run(
        _ setup: TestingSetup = .router,
        _ body: @Sendable (TestServer) async throws -> Void
    ) async throws {
        let configuration = testConfiguration()
        defer { _ = try? FileManager.default.removeItem(atPath: configuration.dataDirectory) }
        try await run(setup, configuration: configuration, body)
    }

    /// Runs `body` against a server on the given configuration's data directory, which it leaves in place.
    static func run(
        _ setup: TestingSetup = .router,
        configuration: ServerConfiguration,
        _ body: @Sendable (TestServer) async throws -> Void
    ) async throws {
        let directory = configuration.dataDirectory
        let app = try await buildApplication(configuration)
        let credentials = try operatorCredentials(in: directory)
        try await app.test(setup) { client in
            let execute: Executor = { uri, method, headers, body in
                let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
                return Reply(status: response.status, body: response.body, headers: response.headers)
            }
            try await body(TestServer(execute: execute, port: client.port, dataDirectory: directory, operatorCredentials: credentials))
        }
    }

    /// A configuration for a test server: a fresh data directory (the caller removes it), ephemeral port, quiet
    /// logs, cheap password hashing.
    static func testConfiguration() -> ServerConfiguration {
        var configuration = ServerConfiguration(dataDirectory: "/tmp/imserver-test-\(getpid())-\(Secrets.randomHex(12))")
        configuration.port = 0
        configuration.logLevel = .critical
        configuration.passwordHashIterations = 1_000
        return configuration
    }

    /// Runs `body` with a fresh server state and its configuration, without HTTP; the data directory is removed after.
    static func withState(_ body: (ServerState, ServerConfiguration) async throws -> Void) async throws {
        let configuration = testConfiguration()
        defer { _ = try? FileManager.default.removeItem(atPath: configuration.dataDirectory) }
        let state = try await ServerState.make(configuration)
        defer { state.store.close() }
        try await body(state, configuration)
    }

    /// Runs `body` on the SQLite store of a fresh server state, without HTTP; the data directory is removed after.
    static func withStore(_ body: (SQLiteChatStore) async throws -> Void) async throws {
        try await withState { state, _ in try await body(try #require(state.store as? SQLiteChatStore)) }
    }

    /// The operator credentials the server wrote to its data directory.
    static func operatorCredentials(in directory: String) throws -> OperatorCredentials {
        try WireJSON.decode(OperatorCredentials.self, from: try #require(FileManager.default.contents(atPath: directory + "/operator.json")))
    }

    /// Runs `body` against a fresh server hosting app `org#app` (with a settings patch) and the given users, each
    /// with password "secret".
    static func withApp(
        users: [String] = ["alice", "bob"],
        settings: [String: JSONValue] = [:],
        _ body: @Sendable (TestServer) async throws -> Void
    ) async throws {
        try await run { server in
            _ = try await server.createApp(settings: settings)
            for user in users { try await server.register(user) }
            try await body(server)
        }
    }

    /// The same live server reached through another connection.
    func with(client: TestClient) -> TestServer {
        Self.live(client: client, port: port, dataDirectory: dataDirectory, operatorCredentials: operatorCredentials)
    }

    /// A live server reached through a `TestClient` connection.
    static func live(client: TestClient, port: Int?, dataDirectory: String, operatorCredentials: OperatorCredentials) -> TestServer {
        let execute: Executor = { uri, method, headers, body in
            let response = try await client.execute(TestClient.Request(uri, method: method, headers: headers, body: body))
            return Reply(status: response.status, body: response.body ?? ByteBuffer(), headers: response.headers)
        }
        return TestServer(execute: execute, port: port, dataDirectory: dataDirectory, operatorCredentials: operatorCredentials)
    }

    // MARK: Raw requests

    /// Sends a request; `body` is JSON-encoded.
    func request(
        _ method: HTTPRequest.Method,
        _ uri: String,
        app: String? = nil,
        headers extra: [String: String] = [:],
        body: (any Encodable)? = nil
    ) async throws -> Reply {
        var headers: HTTPFields = [:]
        if let app { headers[HTTPField.Name(Header.app)!] = app }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        var buffer: ByteBuffer?
        if let body {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: try WireJSON.encode(body))
        }
        return try await execute(uri, method, headers, buffer)
    }

    /// Decodes a 200 response, failing the test with the error body otherwise.
    func decode<T: Decodable>(_ type: T.Type, _ response: Reply, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        let bytes = Data(response.body.readableBytesView)
        try #require(response.status == .ok, "status \(response.status): \(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
        return try WireJSON.decode(type, from: bytes)
    }

    /// The error code of a response, checking that its HTTP status matches the code.
    func errorCode(_ response: Reply, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let bytes = Data(response.body.readableBytesView)
        let body = try #require(
            try? WireJSON.decode(APIErrorBody.self, from: bytes), "not an error: \(String(decoding: bytes, as: UTF8.self))",
            sourceLocation: sourceLocation)
        #expect(response.status.code == body.error.code.httpStatus, sourceLocation: sourceLocation)
        #expect(body.error.name == body.error.code.name, sourceLocation: sourceLocation)
        return body.error.code.rawValue
    }

    // MARK: Operator

    var operatorHeaders: [String: String] {
        let raw = "\(operatorCredentials.clientId):\(operatorCredentials.clientSecret)"
        return ["Authorization": "Basic " + Data(raw.utf8).base64EncodedString()]
    }

    /// Creates an app and applies a settings patch.
    func createApp(_ appKey: String = "org#app", settings: [String: JSONValue] = [:]) async throws -> AppInfo {
        let info = try decode(
            AppInfo.self, try await request(.post, "/v1/admin/apps", headers: operatorHeaders, body: CreateAppRequest(appKey: appKey)))
        if !settings.isEmpty { try await patchSettings(appKey, settings) }
        return info
    }

    /// Patches an app's settings, returning the merged result.
    @discardableResult
    func patchSettings(_ appKey: String, _ patch: [String: JSONValue]) async throws -> AppSettings {
        try decode(AppSettings.self, try await request(.patch, "/v1/admin/apps/current/settings", app: appKey, headers: operatorHeaders, body: patch))
    }

    /// An operator call in an app.
    func admin(_ method: HTTPRequest.Method, _ uri: String, app: String = "org#app", body: (any Encodable)? = nil) async throws -> Reply {
        try await request(method, uri, app: app, headers: operatorHeaders, body: body)
    }

    /// An operator-issued token (`ttl` 0 never expires).
    func adminToken(_ userId: String, ttl: Int64?, app: String = "org#app") async throws -> TokenInfo {
        try decode(TokenInfo.self, try await admin(.post, "/v1/admin/users/\(userId)/tokens", app: app, body: IssueTokenRequest(ttl: ttl)))
    }

    // MARK: Users and sessions

    /// Registers a user through open registration.
    @discardableResult
    func register(_ userId: String, password: String = "secret", app: String = "org#app") async throws -> UserRecord {
        try decode(UserRecord.self, try await request(.post, "/v1/users", app: app, body: RegisterRequest(userId: userId, password: password)))
    }

    /// Logs in with a password (or token) and returns the session.
    func login(
        _ userId: String, password: String? = "secret", token: String? = nil, device: String? = nil, deviceName: String? = nil,
        app: String = "org#app"
    ) async throws -> TestSession {
        let body = LoginRequest(
            userId: userId, password: token == nil ? password : nil, token: token, deviceUUID: device ?? Secrets.randomHex(12),
            deviceName: deviceName
        )
        let response = try decode(LoginResponse.self, try await request(.post, "/v1/sessions", app: app, body: body))
        return TestSession(server: self, app: app, login: response)
    }

    /// A raw login response (for error checks).
    func loginResponse(_ body: LoginRequest, app: String = "org#app") async throws -> Reply {
        try await request(.post, "/v1/sessions", app: app, body: body)
    }
}

/// A logged-in session and the user calls it makes.
struct TestSession: Sendable {
    let server: TestServer
    let app: String
    let login: LoginResponse
    var token: String

    init(server: TestServer, app: String, login: LoginResponse) {
        self.server = server
        self.app = app
        self.login = login
        token = login.token.token
    }

    var userId: String { login.userId }
    var resource: String { login.resource }

    var headers: [String: String] { ["Authorization": "Bearer \(token)", Header.resource: resource] }

    /// A user call of this session.
    func call(_ method: HTTPRequest.Method, _ uri: String, body: (any Encodable)? = nil) async throws -> Reply {
        try await server.request(method, uri, app: app, headers: headers, body: body)
    }

    /// Sends a text (or any body) message.
    func send(to: String, text: String = "hi", msgId: String? = nil, body: MessageBody? = nil, attributes: [String: JSONValue] = [:])
        async throws -> Reply
    {
        var message = Message(msgId: msgId ?? "", conversationId: "", from: "", to: to, chatType: .chat, body: body ?? .text(TextBody(content: text)))
        message.attributes = attributes
        return try await call(.post, "/v1/messages", body: message)
    }

    /// Sends and decodes.
    @discardableResult
    func sendOK(to: String, text: String = "hi", msgId: String? = nil) async throws -> SendMessageResponse {
        try server.decode(SendMessageResponse.self, try await send(to: to, text: text, msgId: msgId))
    }

    /// One event request.
    func poll(cursor: String? = nil, wait: Int = 0) async throws -> Reply {
        var uri = "/v1/events?wait=\(wait)"
        if let cursor { uri += "&cursor=\(cursor)" }
        return try await call(.get, uri)
    }

    /// One event request, decoded.
    func events(cursor: String? = nil, wait: Int = 0) async throws -> EventBatch {
        try server.decode(EventBatch.self, try await poll(cursor: cursor, wait: wait))
    }
}

extension Event {
    /// The `code` of a forced-logout or token event.
    var code: Int64? { payload["code"]?.intValue }
}

/// A response as the tests see it, whichever client carried it.
struct Reply: Sendable {
    var status: HTTPResponse.Status
    var body: ByteBuffer
    var headers: HTTPFields = [:]
}
