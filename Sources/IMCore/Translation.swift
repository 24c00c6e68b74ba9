/// A language the app's translation provider translates into (semantics §3.8 `TranslateLanguage`).
public struct TranslateLanguage: Sendable, Hashable, Codable {
    /// The code to pass as a target language: ISO 639-1 where one exists (`es`), else what the provider uses.
    public var languageCode: String
    /// The language's English name.
    public var languageName: String
    /// The language's name in that language.
    public var languageNativeName: String

    public init(languageCode: String, languageName: String, languageNativeName: String) {
        self.languageCode = languageCode
        self.languageName = languageName
        self.languageNativeName = languageNativeName
    }
}

/// The body of `POST /v1/messages/{msgId}/translations`.
public struct TranslateMessageRequest: Sendable, Hashable, Codable {
    /// 1–10 codes from the supported languages.
    public var targetLanguages: [String]

    public init(targetLanguages: [String]) { self.targetLanguages = targetLanguages }
}

/// Translation limits (semantics §7).
public enum TranslationLimits {
    /// The most target languages of one translation or send.
    public static let maxTargetLanguages = 10
}
