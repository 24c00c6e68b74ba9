#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IMCore
import Testing

@testable import IMClient

@Suite("libcurl transport against a loopback HTTP server", .timeLimit(.minutes(1)))
struct CurlTransportTests {
    private func request(_ port: UInt16, _ path: String, timeout: Duration = .seconds(10)) -> HTTPRequest {
        HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)\(path)", headers: [], body: nil, timeout: timeout)
    }

    @Test func sequentialRequestsReuseOneConnection() async throws {
        let server = try LoopbackHTTPServer { _, target in .init(body: #"{"path":"\#(target)"}"#) }
        defer { server.stop() }
        let transport = Transport.curl()
        let first = try await transport.send(request(server.port, "/one"))
        let second = try await transport.send(request(server.port, "/two"))
        #expect(first.status == 200)
        #expect(String(decoding: second.body, as: UTF8.self) == #"{"path":"/two"}"#)
        #expect(second.headers["content-type"] == "application/json")
        #expect(server.acceptedConnections == 1)
        #expect(server.requestLines == ["GET /one", "GET /two"])
    }

    @Test func postSendsTheBody() async throws {
        let server = try LoopbackHTTPServer { method, _ in .init(status: 201, body: #"{"method":"\#(method)"}"#) }
        defer { server.stop() }
        var post = request(server.port, "/v1/messages")
        post.method = "POST"
        post.body = Data(#"{"to":"bob"}"#.utf8)
        let response = try await Transport.curl().send(post)
        #expect(response.status == 201)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"method":"POST"}"#)
    }

    @Test func heldRequestPastItsTimeoutFailsWith301() async throws {
        let server = try LoopbackHTTPServer { _, _ in .init(delay: .seconds(3)) }
        defer { server.stop() }
        let error = await #expect(throws: IMClientError.self) {
            try await Transport.curl().send(request(server.port, "/slow", timeout: .milliseconds(300)))
        }
        #expect(error?.chatError.code == .serverTimeout)
    }

    @Test("a file transfer that moves no byte for its stall limit fails with 301 long before its whole limit")
    func stalledFileTransferFailsWith301() async throws {
        let server = try LoopbackHTTPServer { _, _ in .init(delay: .seconds(20)) }
        defer { server.stop() }
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        var stalled = request(server.port, "/v1/files/stalled", timeout: .seconds(60))
        stalled.stallTimeout = .seconds(1)
        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: IMClientError.self) {
            try await Transport.curl().stream(stalled, FileStreams(download: directory.path + "/part"))
        }
        #expect(error?.chatError.code == .serverTimeout)
        // libcurl checks the speed once a second; the bound leaves room for a loaded machine, far below 20 s.
        #expect(clock.now - start < .seconds(12))
    }

    @Test func refusedConnectionFailsWith300() async throws {
        let port = try LoopbackHTTPServer.closedPort()
        let error = await #expect(throws: IMClientError.self) {
            try await Transport.curl().send(request(port, "/"))
        }
        #expect(error?.chatError.code == .serverNotReachable)
    }

    @Test func cancellingAHeldRequestEndsItPromptly() async throws {
        let server = try LoopbackHTTPServer { _, _ in .init(delay: .seconds(20)) }
        defer { server.stop() }
        let transport = Transport.curl()
        let clock = ContinuousClock()
        let start = clock.now
        let task = Task { try await transport.send(request(server.port, "/held", timeout: .seconds(30))) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let result = await task.result
        let elapsed = clock.now - start
        #expect(throws: IMClientError.cancelled) { try result.get() }
        // Without cancellation the transfer would last the server's 20 s delay; libcurl notices the flag within about
        // a second when idle, and the bound leaves room for a loaded machine.
        #expect(elapsed < .seconds(15), "cancel took \(elapsed)")
    }

    @Test func heldRequestsDoNotBlockOtherTasks() async throws {
        let server = try LoopbackHTTPServer { _, target in .init(delay: target == "/held" ? .seconds(8) : .zero) }
        defer { server.stop() }
        let transport = Transport.curl()
        let finishedHeld = Counter()
        // More held transfers than the cooperative pool has threads: if a transfer blocked a pool thread,
        // the quick tasks below could not run until the held ones end.
        let held = (0..<4).map { _ in
            Task {
                _ = try? await transport.send(request(server.port, "/held"))
                finishedHeld.increment()
            }
        }
        while server.requestLines.filter({ $0 == "GET /held" }).count < 4 { try await Task.sleep(for: .milliseconds(20)) }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<4 {
                group.addTask { try await transport.send(request(server.port, "/quick\(index)")).status }
            }
            for try await status in group { #expect(status == 200) }
        }
        #expect(finishedHeld.value == 0)
        for task in held { task.cancel() }
        for task in held { await task.value }
    }
}
