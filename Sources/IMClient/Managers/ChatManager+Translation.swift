import IMCore

extension ChatManager {
    /// The languages the app's translation provider translates into; `[]` when the app has none
    /// (`chat.method.fetchSupportedLanguages`).
    public func fetchSupportedLanguages() async throws(ChatError) -> [TranslateLanguage] {
        try await core.api().call(.supportedLanguages, [TranslateLanguage].self)
    }

    /// A text message translated into 1–10 languages from ``fetchSupportedLanguages()``
    /// (`chat.method.translateMessage`). The caller must be a participant. The result is the message with the
    /// translations in its text body's `translations`; the server stores nothing.
    /// - Throws: 500 (unknown or not visible), 1110 (not text, bad language list), 1111 (no provider),
    ///   1112 / 1113 (the provider's quota or failure).
    public func translateMessage(msgId: String, targetLanguages: [String]) async throws(ChatError) -> Message {
        try await core.api().call(
            .translateMessage, Message.self, pathParameters: ["msgId": msgId],
            body: TranslateMessageRequest(targetLanguages: targetLanguages), idempotent: true)
    }
}
