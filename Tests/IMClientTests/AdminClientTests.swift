import IMCore
import Testing

@testable import IMClient

@Suite("AdminClient through a fake transport")
struct AdminClientTests {
    private func admin(_ fake: FakeTransport) -> AdminClient {
        AdminClient(
            serverURL: "http://127.0.0.1:9", credentials: OperatorCredentials(clientId: "op", clientSecret: "s3"), appKey: "acme#chat",
            requestTimeout: .seconds(5), transport: fake.transport)
    }

    @Test func appCreationOmitsTheAppHeader() async throws {
        let json = try WireJSON.string(AppInfo(appKey: "acme#new", clientId: "c", clientSecret: "s", createdAt: 1, settings: AppSettings()))
        let fake = FakeTransport(json: json)
        let app = try await admin(fake).createApp("acme#new")
        #expect(app.settings == AppSettings())
        let request = try #require(fake.requests.first)
        #expect(request.method == "POST")
        #expect(request.url == "http://127.0.0.1:9/v1/admin/apps")
        #expect(request.header("X-IM-App") == nil)
        #expect(request.header("Authorization") == "Basic b3A6czM=")
    }

    @Test func userCallsNameTheAppAndEncodeTheUser() async throws {
        let fake = FakeTransport(json: #"{"userId":"bob","sessionsEnded":2,"tokensRevoked":0}"#)
        let result = try await admin(fake).forceLogout("Bob")
        #expect(result.sessionsEnded == 2)
        let request = try #require(fake.requests.first)
        #expect(request.url == "http://127.0.0.1:9/v1/admin/users/bob/logout")
        #expect(request.header("X-IM-App") == "acme#chat")
    }

    @Test func serverErrorsSurfaceAsChatErrors() async {
        let fake = FakeTransport(status: 404, json: #"{"error":{"code":204,"name":"USER_NOT_FOUND","description":"no bob"}}"#)
        let error = await #expect(throws: ChatError.self) { try await admin(fake).deleteUser("bob") }
        #expect(error?.code == .userNotFound)
    }
}
