import IMCore

/// A machine-translation engine behind `fetchSupportedLanguages` and `translateMessage` (semantics §1.7, §4.4).
/// Failures are thrown as `ChatError` 1112 (the provider reports its quota exhausted) or 1113 (anything else).
protocol TranslationProvider: Sendable {
    /// Identifies the provider and its configuration, for caching what it offers.
    var cacheKey: String { get }
    /// The languages it really translates into right now.
    func targets() async throws -> [TranslationTarget]
    /// `text` translated into `target`, one of ``targets()``.
    func translate(_ text: String, into target: TranslationTarget) async throws -> String
}

/// One language a provider translates into, with the provider's own names for it.
struct TranslationTarget: Sendable, Hashable {
    /// The language as clients see it.
    var language: TranslateLanguage
    /// What the provider calls it: Apertium modes that end in it (`eng-spa`), or a LibreTranslate code (`es`).
    var providerCodes: [String]
}

extension ChatError {
    /// 1113: the provider failed.
    static func translationFailed(_ reason: String) -> ChatError {
        ChatError(.translateMessageFail, "the translation provider failed: \(reason)")
    }

    /// 1112: the provider's quota is exhausted.
    static func translationQuotaExhausted(_ reason: String) -> ChatError {
        ChatError(.translateUsageLimit, "the translation provider's quota is exhausted: \(reason)")
    }
}
