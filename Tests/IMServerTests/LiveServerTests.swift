import Glibc
import HTTPTypes
import HummingbirdTesting
import IMCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite("The server over real HTTP", .timeLimit(.minutes(1)))
struct LiveServerTests {
    @Test("live: a held event request is answered when a send commits; data dir 0700, operator.json 0600")
    func liveLongPoll() async throws {
        try await TestServer.run(.live) { server in
            _ = try await server.createApp()
            try await server.register("alice")
            try await server.register("bob")
            let alice = try await server.login("alice")
            let bob = try await server.login("bob")
            _ = try await bob.events()
            let port = try #require(server.port)
            let batch = try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(40))) { second in
                let bobOnSecond = TestSession(server: server.with(client: second), app: bob.app, login: bob.login)
                async let held = bobOnSecond.events(wait: 30)
                try await Task.sleep(for: .milliseconds(200))
                try await alice.sendOK(to: "bob", text: "over the wire")
                return try await held
            }
            #expect(try batch.events.flatMap { try $0.messages() }.map(\.body.text) == ["over the wire"])
            #expect(Self.mode(server.dataDirectory) == 0o700)
            #expect(Self.mode(server.dataDirectory + "/operator.json") == 0o600)
        }
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return info.st_mode & 0o777
    }
}
