import HTTPTypes
import HummingbirdTesting
import IMCore
import Synchronization
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite("Translation: providers, fetchSupportedLanguages, translateMessage, targetLanguages (§1.7, §3.3, §4.4)", .timeLimit(.minutes(1)))
struct TranslationTests {
    /// Runs `body` with an app using the given settings, users alice, bob and carol, and alice's and bob's sessions.
    func withUsers(
        settings: [String: JSONValue] = [:], _ body: @Sendable (TestServer, TestSession, TestSession) async throws -> Void
    ) async throws {
        try await TestServer.withApp(users: ["alice", "bob", "carol"], settings: settings) { server in
            try await body(server, try await server.login("alice"), try await server.login("bob"))
        }
    }

    /// Runs `body` against an app whose provider is the LibreTranslate stub.
    func withStub(_ body: @Sendable (TestServer, TestSession, TestSession, LibreTranslateStub) async throws -> Void) async throws {
        try await LibreTranslateStub.run { url, stub in
            let settings: [String: JSONValue] = [
                "translationProvider": .string("libretranslate"), "translationURL": .string(url), "translationAPIKey": .string("k-123"),
            ]
            try await withUsers(settings: settings) { server, alice, bob in try await body(server, alice, bob, stub) }
        }
    }

    @Test("no provider: fetchSupportedLanguages is []; translate and a send with targetLanguages → 1111, nothing stored")
    func withoutProvider() async throws {
        try await withUsers { server, alice, bob in
            #expect(try server.decode([TranslateLanguage].self, try await alice.call(.get, "/v1/translation/languages")) == [])
            let sent = try await alice.sendOK(to: "bob", text: "Hello")
            #expect(try server.errorCode(try await bob.translate(sent.message.msgId, ["es"])) == 1111)
            // 1111 comes after existence (§0): an unknown message is 500, an unknown recipient 204.
            #expect(try server.errorCode(try await bob.translate("nope", ["es"])) == 500)
            #expect(try server.errorCode(try await alice.send(to: "nobody", body: Self.text("Hello", ["es"]))) == 204)
            #expect(try server.errorCode(try await alice.send(to: "bob", msgId: "t-1", body: Self.text("Hello", ["es"]))) == 1111)
            #expect(try await bob.storedHistory(with: "alice").map(\.msgId) == [sent.message.msgId])
            #expect(try await bob.events().events.flatMap { try $0.messages() }.map(\.msgId) == [sent.message.msgId])
        }
    }

    @Test("settings: libretranslate needs an http(s) translationURL (110); URL and key can be set and cleared")
    func settings() async throws {
        try await TestServer.withApp { server in
            let patch = { (settings: [String: JSONValue]) in
                try await server.admin(.patch, "/v1/admin/apps/current/settings", body: settings)
            }
            #expect(try server.errorCode(try await patch(["translationProvider": .string("libretranslate")])) == 110)
            #expect(try server.errorCode(try await patch(["translationURL": .string("ftp://example.org")])) == 110)
            #expect(try server.errorCode(try await patch(["translationProvider": .string("deepl")])) == 110)
            let libreTranslate: [String: JSONValue] = [
                "translationProvider": .string("libretranslate"), "translationURL": .string("https://lt.example.org"),
                "translationAPIKey": .string("k"),
            ]
            let set = try server.decode(AppSettings.self, try await patch(libreTranslate))
            #expect(set.translationURL == "https://lt.example.org")
            #expect(set.translationAPIKey == "k")
            let none: [String: JSONValue] = ["translationProvider": .string("none"), "translationURL": .null, "translationAPIKey": .null]
            let cleared = try server.decode(AppSettings.self, try await patch(none))
            #expect(cleared.translationURL == nil)
            #expect(cleared.translationAPIKey == nil)
        }
    }

    @Test("LibreTranslate: the languages are the endpoint's targets, with our names where we know the code")
    func libreTranslateLanguages() async throws {
        try await withStub { server, alice, _, _ in
            let languages = try server.decode([TranslateLanguage].self, try await alice.call(.get, "/v1/translation/languages"))
            #expect(languages.map(\.languageCode) == ["en", "es", "xf", "xq"])
            #expect(languages[1] == TranslateLanguage(languageCode: "es", languageName: "Spanish", languageNativeName: "Español"))
            #expect(languages[3] == TranslateLanguage(languageCode: "xq", languageName: "xq", languageNativeName: "xq"))
        }
    }

    @Test("LibreTranslate: translateMessage returns the message with its translations and stores nothing")
    func libreTranslateTranslate() async throws {
        try await withStub { server, alice, bob, stub in
            let sent = try await alice.sendOK(to: "bob", text: "Hello world")
            let translated = try server.decode(Message.self, try await bob.translate(sent.message.msgId, ["es", "en"]))
            #expect(translated.msgId == sent.message.msgId)
            #expect(translated.conversationId == "alice")
            #expect(translated.direction == .receive)
            guard case .text(let body) = translated.body else { Issue.record("not a text body"); return }
            #expect(body.content == "Hello world")
            #expect(body.translations?["es"]?.hasPrefix("es#") == true)
            #expect(body.translations?["es"]?.hasSuffix(": Hello world") == true)
            #expect(body.translations?["en"]?.hasPrefix("en#") == true)
            let request = try #require(stub.requests.withLock { $0.first }?.objectValue)
            #expect(request["q"] == .string("Hello world"))
            #expect(request["source"] == .string("auto"))
            #expect(request["format"] == .string("text"))
            #expect(request["api_key"] == .string("k-123"))
            // The sender may translate too; the stored message has no translations.
            #expect(try server.decode(Message.self, try await alice.translate(sent.message.msgId, ["es"])).body.textTranslations?["es"] != nil)
            #expect(try await bob.storedHistory(with: "alice").first?.body.textTranslations == nil)
        }
    }

    @Test("translateMessage: participants only (500), text only (1110), 1 to 10 known codes (1110), duplicates collapsed")
    func translateRules() async throws {
        try await withStub { server, alice, bob, _ in
            let carol = try await server.login("carol")
            let id = try await alice.sendOK(to: "bob", text: "Hello").message.msgId
            #expect(try server.errorCode(try await carol.translate(id, ["es"])) == 500)
            #expect(try server.errorCode(try await bob.translate("unknown-id", ["es"])) == 500)
            #expect(try server.errorCode(try await bob.translate("bad.id", ["es"])) == 110)
            #expect(try server.errorCode(try await bob.translate(id, [])) == 1110)
            #expect(try server.errorCode(try await bob.translate(id, ["zz"])) == 1110)
            #expect(try server.errorCode(try await bob.translate(id, Array(repeating: "es", count: 10) + ["zz"])) == 1110)
            let eleven = (0..<11).map { "l\($0)" }
            #expect(try server.errorCode(try await bob.translate(id, eleven)) == 1110)
            let once = try server.decode(Message.self, try await bob.translate(id, ["es", "ES", "es"]))
            #expect(once.body.textTranslations?.keys.sorted() == ["es"])
            let location = try server.decode(
                SendMessageResponse.self, try await alice.send(to: "bob", body: .location(LocationBody(latitude: 1, longitude: 2))))
            #expect(try server.errorCode(try await bob.translate(location.message.msgId, ["es"])) == 1110)
        }
    }

    @Test("provider failures: quota exhausted → 1112, failure → 1113, unreachable endpoint → 1113")
    func providerFailures() async throws {
        try await withStub { server, alice, bob, _ in
            let id = try await alice.sendOK(to: "bob", text: "Hello").message.msgId
            #expect(try server.errorCode(try await bob.translate(id, ["xq"])) == 1112)
            #expect(try server.errorCode(try await bob.translate(id, ["xf"])) == 1113)
            #expect(try server.errorCode(try await alice.send(to: "bob", body: Self.text("Hello", ["es", "xf"]))) == 1113)
            try await server.patchSettings("org#app", ["translationURL": .string("http://127.0.0.1:1")])
            #expect(try server.errorCode(try await bob.translate(id, ["es"])) == 1113)
            #expect(try server.errorCode(try await bob.call(.get, "/v1/translation/languages")) == 1113)
        }
    }

    @Test("send with targetLanguages: stored with translations, delivered to the recipient and the sender's other devices")
    func translateAtSend() async throws {
        try await withStub { server, alice, bob, _ in
            let aliceOther = try await server.login("alice")
            var body = TextBody(content: "Good morning", targetLanguages: ["es", "en"])
            body.translations = ["es": "forged by the client"]
            let sent = try server.decode(SendMessageResponse.self, try await alice.send(to: "bob", body: .text(body)))
            let translations = try #require(sent.message.body.textTranslations)
            #expect(translations.keys.sorted() == ["en", "es"])
            #expect(translations["es"]?.hasSuffix(": Good morning") == true)
            for session in [bob, aliceOther] {
                let events = try await session.events().events
                let received = try events.filter { $0.type == EventType.messagesReceived }.flatMap { try $0.messages() }
                #expect(received.map(\.body.textTranslations) == [translations])
            }
            #expect(try await bob.storedHistory(with: "alice").first?.body.textTranslations == translations)
            #expect(try server.errorCode(try await alice.send(to: "bob", body: Self.text("Hi", (0..<11).map { "l\($0)" }))) == 1110)
            #expect(try server.errorCode(try await alice.send(to: "bob", body: Self.text("Hi", ["zz"]))) == 1110)
        }
    }

    @Test("a retried translated send returns the stored message although a new translation would differ")
    func idempotentRetry() async throws {
        try await withStub { server, alice, _, _ in
            let first = try server.decode(SendMessageResponse.self, try await alice.send(to: "bob", msgId: "tr-1", body: Self.text("Hello", ["es"])))
            let again = try server.decode(SendMessageResponse.self, try await alice.send(to: "bob", msgId: "tr-1", body: Self.text("Hello", ["es"])))
            #expect(again.message == first.message)
        }
    }

    @Test(
        "Apertium: the languages are the installed pairs' targets; a real English → Spanish translation",
        .enabled(if: Apertium.isInstalled, "apertium is not installed (scripts/install-deps.sh installs apertium apertium-en-es)"))
    func apertium() async throws {
        try await withUsers(settings: ["translationProvider": .string("apertium")]) { server, alice, bob in
            let languages = try server.decode([TranslateLanguage].self, try await bob.call(.get, "/v1/translation/languages"))
            #expect(languages.contains(TranslateLanguage(languageCode: "es", languageName: "Spanish", languageNativeName: "Español")))
            #expect(languages.contains { $0.languageCode == "en" })
            #expect(Set(languages.map(\.languageCode)).count == languages.count)

            let sent = try server.decode(SendMessageResponse.self, try await alice.send(to: "bob", body: Self.text("I like green apples", ["es"])))
            let atSend = try #require(sent.message.body.textTranslations?["es"])
            #expect(atSend.contains("manzanas verdes"), "apertium said: \(atSend)")

            let translated = try server.decode(Message.self, try await bob.translate(sent.message.msgId, ["es"]))
            let text = try #require(translated.body.textTranslations?["es"])
            #expect(text.contains("manzanas verdes"), "apertium said: \(text)")
            #expect(!text.contains("*"))
        }
    }

    static func text(_ content: String, _ languages: [String]) -> MessageBody {
        .text(TextBody(content: content, targetLanguages: languages))
    }
}

/// Whether Debian's `apertium` is on PATH (CI installs it with the English–Spanish pair).
enum Apertium {
    static let isInstalled: Bool = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/apertium") }
}

fileprivate extension TestSession {
    /// `POST /v1/messages/{msgId}/translations`.
    func translate(_ msgId: String, _ languages: [String]) async throws -> Reply {
        try await call(.post, "/v1/messages/\(msgId)/translations", body: TranslateMessageRequest(targetLanguages: languages))
    }

    /// The first page of the one-to-one history with `peer`.
    func storedHistory(with peer: String) async throws -> [Message] {
        try server.decode(CursorResult<Message>.self, try await call(.get, "/v1/conversations/\(peer)/messages")).data
    }
}

fileprivate extension MessageBody {
    /// The translations of a text body.
    var textTranslations: [String: String]? {
        if case .text(let text) = self { return text.translations }
        return nil
    }
}
