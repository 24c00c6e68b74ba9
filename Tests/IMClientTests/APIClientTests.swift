#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IMCore
import Testing

@testable import IMClient

@Suite("APIClient through a fake transport")
struct APIClientTests {
    private func client(_ fake: FakeTransport, appKey: String? = "acme#chat", attempts: Int = 3) -> APIClient {
        var api = APIClient(
            baseURL: "http://127.0.0.1:9/", appKey: appKey, transport: fake.transport, timeout: .seconds(5),
            maxAttempts: attempts, maxRateWait: .seconds(2))
        api.retryBackoff = Backoff(base: .milliseconds(1), cap: .milliseconds(2))
        return api
    }

    @Test func buildsURLWithPercentEncodedPathAndQuery() {
        let api = client(FakeTransport())
        let request = api.makeRequest(
            .history, pathParameters: ["conversationId": "a b/c#d"],
            query: [("type", "chat"), ("cursor", nil), ("from", "x&y=z"), ("msgTypes", "text,custom")])
        #expect(request.method == "GET")
        #expect(request.url == "http://127.0.0.1:9/v1/conversations/a%20b%2Fc%23d/messages?type=chat&from=x%26y%3Dz&msgTypes=text%2Ccustom")
    }

    @Test func addsAppBearerAndResourceHeaders() {
        let request = client(FakeTransport()).makeRequest(.eventCursor, auth: .bearer(token: "tok", resource: "linux_0123"))
        #expect(request.header("X-IM-App") == "acme#chat")
        #expect(request.header("Authorization") == "Bearer tok")
        #expect(request.header("X-IM-Resource") == "linux_0123")
        #expect(request.header("Content-Type") == nil)
    }

    @Test func basicAuthEncodesCredentialsAndOmitsAppWhenNil() {
        let request = client(FakeTransport(), appKey: nil).makeRequest(.adminListApps, auth: .basic(clientId: "id", clientSecret: "secret"))
        #expect(request.header("Authorization") == "Basic aWQ6c2VjcmV0")
        #expect(request.header("X-IM-App") == nil)
    }

    @Test func decodesJSONAndSendsJSONBody() async throws {
        let fake = FakeTransport(json: #"{"cursor":"42"}"#)
        let info = try await client(fake).call(.eventCursor, CursorInfo.self, body: RenewTokenRequest(token: "t"))
        #expect(info.cursor == "42")
        let sent = try #require(fake.requests.first)
        #expect(sent.header("Content-Type") == "application/json")
        #expect(String(decoding: sent.body ?? Data(), as: UTF8.self) == #"{"token":"t"}"#)
    }

    @Test func mapsTheServerErrorBody() async throws {
        let body = #"{"error":{"code":204,"name":"USER_NOT_FOUND","description":"no such user"}}"#
        let fake = FakeTransport(status: 404, json: body)
        let error = await #expect(throws: ChatError.self) { try await client(fake).call(.eventCursor, CursorInfo.self) }
        #expect(error == ChatError(.userNotFound, "no such user"))
        #expect(fake.requests.count == 1)
    }

    @Test func foreignErrorBodiesFallBackByStatus() {
        #expect(IMClientError.http(status: 503, body: Array("<html>".utf8)).chatError.code == .serverBusy)
        #expect(IMClientError.http(status: 500, body: []).chatError.code == .serverUnknownError)
        #expect(IMClientError.http(status: 404, body: []).chatError.code == .serverUnknownError)
    }

    @Test func undecodableSuccessIsADecodingError() async {
        let error = await #expect(throws: ChatError.self) { try await client(FakeTransport(json: "[]")).call(.eventCursor, CursorInfo.self) }
        #expect(error?.code == .serverUnknownError)
    }

    @Test func retries503ThenSurfacesIt() async {
        let fake = FakeTransport(status: 503, json: #"{"error":{"code":302,"name":"SERVER_BUSY","description":"busy"}}"#)
        let error = await #expect(throws: ChatError.self) { try await client(fake).call(.eventCursor, CursorInfo.self) }
        #expect(fake.requests.count == 3)
        #expect(error?.code == .serverBusy)
    }

    @Test func retriedRequestCanSucceed() async throws {
        let fake = FakeTransport([
            .failure(.transport(code: 7, message: "refused")),
            .response(HTTPResponse(status: 502)),
            .response(HTTPResponse(status: 200, body: Data(#"{"cursor":"7"}"#.utf8))),
        ])
        #expect(try await client(fake).call(.eventCursor, CursorInfo.self).cursor == "7")
        #expect(fake.requests.count == 3)
    }

    @Test func doesNotRetry400() async {
        let fake = FakeTransport(status: 400, json: #"{"error":{"code":110,"name":"INVALID_PARAM","description":"bad"}}"#)
        let error = await #expect(throws: ChatError.self) { try await client(fake).call(.eventCursor, CursorInfo.self) }
        #expect(fake.requests.count == 1)
        #expect(error?.code == .invalidParam)
    }

    @Test func doesNotRetryPostUnlessIdempotent() async {
        let fake = FakeTransport(status: 503)
        _ = await #expect(throws: ChatError.self) { try await client(fake).call(.login, Empty.self) }
        #expect(fake.requests.count == 1)
        _ = await #expect(throws: ChatError.self) { try await client(fake).call(.sendMessage, Empty.self, idempotent: true) }
        #expect(fake.requests.count == 4)
    }

    @Test func timeoutIsNotRetriedAndMapsTo301() async {
        let fake = FakeTransport([.failure(.transport(code: 28, message: "timed out"))])
        let error = await #expect(throws: ChatError.self) { try await client(fake).call(.eventCursor, CursorInfo.self) }
        #expect(fake.requests.count == 1)
        #expect(error?.code == .serverTimeout)
    }

    @Test func honoursRetryAfterWithinTheLimitOnly() {
        let api = client(FakeTransport())
        let short = HTTPResponse(status: 429, headers: ["Retry-After": "1"])
        let long = HTTPResponse(status: 429, headers: ["Retry-After": "60"])
        #expect(api.retryDelay(for: .success(short), attempt: 1) == .seconds(1))
        #expect(api.retryDelay(for: .success(long), attempt: 1) == nil)
    }

    @Test func aZeroRateWaitNeverRetriesA429() {
        var api = client(FakeTransport())
        api.maxRateWait = .zero
        #expect(api.retryDelay(for: .success(HTTPResponse(status: 429, headers: ["Retry-After": "1"])), attempt: 1) == nil)
        #expect(api.retryDelay(for: .success(HTTPResponse(status: 429, headers: [:])), attempt: 1) == nil)
        #expect(api.retryDelay(for: .success(HTTPResponse(status: 503, headers: [:])), attempt: 1) != nil)
    }

    @Test func mapsCurlCodes() {
        #expect(IMClientError.transportCode(7) == .serverNotReachable)
        #expect(IMClientError.transportCode(28) == .serverTimeout)
        #expect(IMClientError.transportCode(6) == .connectionDNSError)
        #expect(IMClientError.transportCode(56) == .connectionIOError)
        #expect(IMClientError.transportCode(52) == .connectionStreamClosed)
        #expect(IMClientError.transportCode(1) == .networkError)
    }

    @Test func debugTraceRedactsSecrets() async throws {
        let lines = LineCollector()
        var api = client(FakeTransport(json: #"{"token":"secret-token","userId":"bob"}"#))
        api.debug = { lines.append($0) }
        api.auth = .bearer(token: "bearer-secret", resource: "r")
        _ = try await api.call(.login, JSONValue.self, body: LoginRequest(userId: "bob", password: "hunter2", deviceUUID: "d"))
        let text = lines.all.joined(separator: "\n")
        #expect(!text.contains("hunter2"))
        #expect(!text.contains("secret-token"))
        #expect(!text.contains("bearer-secret"))
        #expect(text.contains("Bearer <redacted>"))
        #expect(text.contains(#""userId":"bob""#))
    }
}
