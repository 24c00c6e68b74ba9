#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IMCore
import Testing

@testable import IMClient

@Suite("ChatManager translation calls through a fake transport", .timeLimit(.minutes(1)))
struct ChatManagerTranslationTests {
    /// A logged-in client whose later requests `answer` handles.
    private func client(
        _ directory: TemporaryDirectory, answer: @escaping @Sendable (HTTPRequest) -> FakeTransport.Answer
    ) async throws -> (ChatClient, FakeTransport) {
        let fake = FakeTransport { request in
            request.url.hasSuffix("/v1/sessions") ? .json(ChatClientTests.loginJSON) : answer(request)
        }
        var options = ChatOptions(
            appKey: "acme#chat", serverURL: "http://127.0.0.1:9", dataDirectory: directory.path + "/data",
            credentialsPath: directory.path + "/config/credentials.json")
        options.maxAttempts = 2
        let client = try ChatClient(options: options, transport: fake.transport)
        _ = try await client.loginWithPassword(userId: "alice", password: "pw")
        return (client, fake)
    }

    @Test func fetchSupportedLanguagesDecodesTheList() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let (client, fake) = try await client(directory) { _ in
            .json(#"[{"languageCode":"es","languageName":"Spanish","languageNativeName":"Español"}]"#)
        }
        let languages = try await client.chatManager.fetchSupportedLanguages()
        #expect(languages == [TranslateLanguage(languageCode: "es", languageName: "Spanish", languageNativeName: "Español")])
        let request = try #require(fake.requests.last)
        #expect(request.method == "GET")
        #expect(request.url == "http://127.0.0.1:9/v1/translation/languages")
    }

    @Test func translateMessagePostsTheLanguagesRetriesAndSurfacesErrors() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let attempts = Counter()
        let (client, fake) = try await client(directory) { request in
            attempts.increment()
            if attempts.value == 1 { return .response(HTTPResponse(status: 503)) }
            if request.url.contains("/m-2/") {
                return .json(#"{"error":{"code":1110,"name":"TRANSLATE_PARAM_INVALID","description":"zz"}}"#, status: 403)
            }
            var body = TextBody(content: "hello")
            body.translations = ["es": "hola"]
            let message = Message(msgId: "m-1", conversationId: "bob", from: "bob", to: "alice", chatType: .chat, body: .text(body))
            return .json(try! WireJSON.string(message))
        }
        let message = try await client.chatManager.translateMessage(msgId: "m-1", targetLanguages: ["es"])
        guard case .text(let text) = message.body else { Issue.record("not text"); return }
        #expect(text.translations == ["es": "hola"])
        let posts = fake.requests.filter { $0.method == "POST" && $0.url.hasSuffix("/v1/messages/m-1/translations") }
        #expect(posts.count == 2)
        #expect(try WireJSON.decode(TranslateMessageRequest.self, from: try #require(posts[0].body)).targetLanguages == ["es"])
        let error = await #expect(throws: ChatError.self) {
            try await client.chatManager.translateMessage(msgId: "m-2", targetLanguages: ["zz"])
        }
        #expect(error?.code.rawValue == 1110)
    }
}
