import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IMCore
import NIOCore
import Synchronization
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A stand-in for an app's pre-send hook (the app's own web service, not ours) on 127.0.0.1: `/allow` answers
/// `{"allow":true}`, `/deny` `{"allow":false}`, `/fail` 500, `/slow` `{"allow":true}` after 3 s. It records each body.
final class PreSendHookStub: Sendable {
    let requests = Mutex<[JSONValue]>([])

    static func run(_ body: @Sendable (String, PreSendHookStub) async throws -> Void) async throws {
        let stub = PreSendHookStub()
        let router = Router()
        for (path, status, answer) in [("/allow", HTTPResponse.Status.ok, #"{"allow":true}"#), ("/deny", .ok, #"{"allow":false}"#),
            ("/fail", .internalServerError, #"{"allow":true}"#), ("/slow", .ok, #"{"allow":true}"#)]
        {
            router.post(RouterPath(path)) { request, _ in
                let received = try WireJSON.decode(JSONValue.self, from: Data(try await request.body.collect(upTo: 1 << 20).readableBytesView))
                stub.requests.withLock { $0.append(received) }
                if path == "/slow" { try await Task.sleep(for: .seconds(3)) }
                return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: answer)))
            }
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(try #require(client.port))", stub)
        }
    }
}

@Suite("preSendHook (semantics §1.7, §4.2)", .timeLimit(.minutes(1)))
struct PreSendHookTests {
    @Test("the hook sees each send; {\"allow\":false}, a non-2xx answer, no answer within 2 s or no connection → 508, nothing stored")
    func hookDecides() async throws {
        try await PreSendHookStub.run { base, stub in
            try await TestServer.withApp(settings: ["preSendHook": .string(base + "/deny")]) { server in
                let alice = try await server.login("alice")
                let bob = try await server.login("bob")
                #expect(try server.errorCode(try await alice.send(to: "bob", text: "refused")) == 508)
                let seen = try #require(stub.requests.withLock { $0.last })
                let message = seen.objectValue?["message"]?.objectValue
                #expect(seen.objectValue?["appKey"] == .string("org#app"))
                #expect(message?["body"]?.objectValue?["content"] == .string("refused"))
                #expect(message?["from"] == .string("alice"))

                for (path, expected) in [("/fail", 508), ("/slow", 508), ("/allow", 0)] {
                    try await server.patchSettings("org#app", ["preSendHook": .string(base + path)])
                    let reply = try await alice.send(to: "bob", text: path)
                    #expect((reply.status == .ok ? 0 : try server.errorCode(reply)) == expected, "\(path)")
                }
                try await server.patchSettings("org#app", ["preSendHook": .string("http://127.0.0.1:9/closed")])
                let unreachable = try await alice.send(to: "bob", text: "nobody home")
                #expect(try server.errorCode(unreachable) == 508)
                let said = String(decoding: unreachable.body.readableBytesView, as: UTF8.self)
                #expect(!said.contains("127.0.0.1"), "the sender must not learn the hook's address: \(said)")
                try await server.patchSettings("org#app", ["preSendHook": .null])
                #expect(try await alice.send(to: "bob", text: "no hook").status == .ok)

                let history = try server.decode(CursorResult<Message>.self, try await bob.call(.get, "/v1/conversations/alice/messages"))
                #expect(history.data.map(\.body.text) == ["no hook", "/allow"])

                // The hook sees only sends that get that far: not an unknown recipient, not a repeat of a used msgId.
                try await server.patchSettings("org#app", ["preSendHook": .string(base + "/deny")])
                let seenBefore = stub.requests.withLock { $0.count }
                #expect(try server.errorCode(try await alice.send(to: "nobody", text: "to no one")) == 204)
                let stored = try #require(history.data.last)
                let replay = try await alice.send(to: "bob", text: "/allow", msgId: stored.msgId)
                #expect(replay.status == .ok, "a replay answers the stored message whatever the hook says now")
                #expect(stub.requests.withLock { $0.count } == seenBefore)

                // The URL is taken literally: no curl globbing that would call /deny and /allow and blur the verdict.
                try await server.patchSettings("org#app", ["preSendHook": .string(base + "/{deny,allow}")])
                #expect(try server.errorCode(try await alice.send(to: "bob", text: "globbed")) == 508)
            }
        }
    }

    @Test("preSendHook must be an http(s) URL with a host and no spaces (110); the scheme's case does not matter")
    func hookURL() async throws {
        try await TestServer.withApp { server in
            for bad in ["notaurl", "ftp://host/x", "http://", "http:///x", "http://host/a b", "http://host/\n"] {
                let reply = try await server.admin(.patch, "/v1/admin/apps/current/settings", body: ["preSendHook": JSONValue.string(bad)])
                #expect(try server.errorCode(reply) == 110, "\(bad)")
            }
            let upper = try await server.admin(.patch, "/v1/admin/apps/current/settings", body: ["preSendHook": JSONValue.string("HTTP://127.0.0.1:9/x")])
            #expect(upper.status == .ok)
        }
    }
}
