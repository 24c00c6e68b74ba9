import Glibc
import HummingbirdTesting
import IMCore
import Logging
import ServiceLifecycle
import Testing

@testable import IMServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite("Graceful shutdown", .timeLimit(.minutes(1)))
struct GracefulShutdownTests {
    @Test("onListening reports the bound port; graceful shutdown answers a held event request at once")
    func releasesHeldRequests() async throws {
        let configuration = TestServer.testConfiguration()
        let directory = configuration.dataDirectory
        defer { _ = try? FileManager.default.removeItem(atPath: directory) }
        let (listening, listener) = AsyncStream.makeStream(of: Int.self)
        let app = try await buildApplication(configuration) { host, port in
            #expect(host == "127.0.0.1")
            listener.yield(port)
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "test")))
        let running = Task { try await group.run() }
        var ports = listening.makeAsyncIterator()
        let port = try #require(await ports.next())
        #expect(port > 0)
        let credentials = try TestServer.operatorCredentials(in: directory)
        try await TestClient.withClient(host: "127.0.0.1", port: port) { setupClient in
            let server = TestServer.live(client: setupClient, port: port, dataDirectory: directory, operatorCredentials: credentials)
            _ = try await server.createApp()
            try await server.register("bob")
            let bob = try await server.login("bob")
            _ = try await bob.events()
            try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(40))) { holdClient in
                let held = TestSession(server: server.with(client: holdClient), app: bob.app, login: bob.login)
                let started = ContinuousClock.now
                async let batch = held.events(wait: 30)
                try await Task.sleep(for: .milliseconds(300))
                await group.triggerGracefulShutdown()
                #expect(try await batch.events.isEmpty)
                #expect(ContinuousClock.now - started < .seconds(20))
            }
        }
        try await running.value
    }
}
