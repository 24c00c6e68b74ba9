import IMCore
import Synchronization

/// The app's translation provider, chosen by its settings (§1.7), and the rules around it (§3.3, §4.4, §7):
/// `[]` and 1111 without a provider; 1–10 distinct codes, each one the provider offers, else 1110.
/// What a provider offers is remembered for ``languagesMaxAge``, so a translation does not list it again.
final class TranslationService: Sendable {
    /// How long a provider's language list is reused.
    let languagesMaxAge: Duration
    private let offered = Mutex<[String: (loaded: ContinuousClock.Instant, targets: [TranslationTarget])]>([:])

    init(languagesMaxAge: Duration = .seconds(60)) {
        self.languagesMaxAge = languagesMaxAge
    }

    /// The provider an app's settings name; nil for `none`.
    func provider(for settings: AppSettings) -> (any TranslationProvider)? {
        switch settings.translationProvider {
        case "apertium": ApertiumProvider()
        case "libretranslate": settings.translationURL.map { LibreTranslateProvider(endpoint: $0, apiKey: settings.translationAPIKey) }
        default: nil
        }
    }

    /// `fetchSupportedLanguages`: what the app's provider offers, `[]` without one.
    func supportedLanguages(_ settings: AppSettings) async throws -> [TranslateLanguage] {
        guard let provider = provider(for: settings) else { return [] }
        return try await targets(of: provider).map(\.language)
    }

    /// `text` translated into each language, keyed by language code.
    func translate(_ text: String, into languages: [String], settings: AppSettings) async throws -> [String: String] {
        let provider = try requireProvider(settings)
        var requested: [String] = []
        for code in languages where !requested.contains(where: { $0.lowercased() == code.lowercased() }) { requested.append(code) }
        guard (1...TranslationLimits.maxTargetLanguages).contains(requested.count) else {
            throw ChatError(.translateParamInvalid, "give 1 to \(TranslationLimits.maxTargetLanguages) target languages")
        }
        let offered = try await targets(of: provider)
        let targets = try requested.map { code in
            guard let target = offered.first(where: { $0.language.languageCode.lowercased() == code.lowercased() }) else {
                throw ChatError(.translateParamInvalid, "'\(code)' is not a supported language (see fetchSupportedLanguages)")
            }
            return target
        }
        return try await withThrowingTaskGroup(of: (String, String).self) { group in
            for target in targets {
                group.addTask { (target.language.languageCode, try await provider.translate(text, into: target)) }
            }
            var translations: [String: String] = [:]
            for try await (code, translation) in group { translations[code] = translation }
            return translations
        }
    }

    /// The app's provider, or 1111.
    func requireProvider(_ settings: AppSettings) throws -> any TranslationProvider {
        guard let provider = provider(for: settings) else {
            throw ChatError(.translateServiceNotEnabled, "the app has no translation provider (translationProvider is none)")
        }
        return provider
    }

    /// A message as stored at send (§3.3): see ``translated(_:settings:)``.
    func translatedAtSend(_ message: Message, settings: AppSettings) async throws -> Message {
        var translated = message
        translated.body = try await self.translated(message.body, settings: settings)
        return translated
    }

    /// A body as stored at send or edit: a text body with `targetLanguages` gets its `translations` from the provider;
    /// whatever `translations` the client sent are dropped.
    func translated(_ body: MessageBody, settings: AppSettings) async throws -> MessageBody {
        guard case .text(var text) = body else { return body }
        text.translations = nil
        if let languages = text.targetLanguages, !languages.isEmpty {
            text.translations = try await translate(text.content, into: languages, settings: settings)
        }
        return .text(text)
    }

    private func targets(of provider: any TranslationProvider) async throws -> [TranslationTarget] {
        let now = ContinuousClock.now
        if let cached = offered.withLock({ $0[provider.cacheKey] }), now - cached.loaded < languagesMaxAge {
            return cached.targets
        }
        let targets = try await provider.targets()
        offered.withLock { $0[provider.cacheKey] = (now, targets) }
        return targets
    }
}
