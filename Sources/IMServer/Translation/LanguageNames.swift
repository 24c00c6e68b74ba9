import IMCore

/// Names of the languages translation providers commonly offer, to turn a provider's code (ISO 639-3 for
/// Apertium, ISO 639-1 for LibreTranslate) into a ``IMCore/TranslateLanguage`` with our code: ISO 639-1 where
/// one exists. Variants keep their suffix: Apertium's `eng_US` becomes `en-US`.
enum LanguageNames {
    private struct Entry {
        var threeLetter: String
        var code: String
        var name: String
        var nativeName: String
    }

    private static let entries: [Entry] = [
        Entry(threeLetter: "afr", code: "af", name: "Afrikaans", nativeName: "Afrikaans"),
        Entry(threeLetter: "ara", code: "ar", name: "Arabic", nativeName: "العربية"),
        Entry(threeLetter: "arg", code: "an", name: "Aragonese", nativeName: "Aragonés"),
        Entry(threeLetter: "ast", code: "ast", name: "Asturian", nativeName: "Asturianu"),
        Entry(threeLetter: "aze", code: "az", name: "Azerbaijani", nativeName: "Azərbaycanca"),
        Entry(threeLetter: "bel", code: "be", name: "Belarusian", nativeName: "Беларуская"),
        Entry(threeLetter: "ben", code: "bn", name: "Bengali", nativeName: "বাংলা"),
        Entry(threeLetter: "bre", code: "br", name: "Breton", nativeName: "Brezhoneg"),
        Entry(threeLetter: "bul", code: "bg", name: "Bulgarian", nativeName: "Български"),
        Entry(threeLetter: "cat", code: "ca", name: "Catalan", nativeName: "Català"),
        Entry(threeLetter: "ces", code: "cs", name: "Czech", nativeName: "Čeština"),
        Entry(threeLetter: "cym", code: "cy", name: "Welsh", nativeName: "Cymraeg"),
        Entry(threeLetter: "dan", code: "da", name: "Danish", nativeName: "Dansk"),
        Entry(threeLetter: "deu", code: "de", name: "German", nativeName: "Deutsch"),
        Entry(threeLetter: "ell", code: "el", name: "Greek", nativeName: "Ελληνικά"),
        Entry(threeLetter: "eng", code: "en", name: "English", nativeName: "English"),
        Entry(threeLetter: "epo", code: "eo", name: "Esperanto", nativeName: "Esperanto"),
        Entry(threeLetter: "est", code: "et", name: "Estonian", nativeName: "Eesti"),
        Entry(threeLetter: "eus", code: "eu", name: "Basque", nativeName: "Euskara"),
        Entry(threeLetter: "fas", code: "fa", name: "Persian", nativeName: "فارسی"),
        Entry(threeLetter: "fin", code: "fi", name: "Finnish", nativeName: "Suomi"),
        Entry(threeLetter: "fra", code: "fr", name: "French", nativeName: "Français"),
        Entry(threeLetter: "gle", code: "ga", name: "Irish", nativeName: "Gaeilge"),
        Entry(threeLetter: "glg", code: "gl", name: "Galician", nativeName: "Galego"),
        Entry(threeLetter: "heb", code: "he", name: "Hebrew", nativeName: "עברית"),
        Entry(threeLetter: "hin", code: "hi", name: "Hindi", nativeName: "हिन्दी"),
        Entry(threeLetter: "hrv", code: "hr", name: "Croatian", nativeName: "Hrvatski"),
        Entry(threeLetter: "hun", code: "hu", name: "Hungarian", nativeName: "Magyar"),
        Entry(threeLetter: "ind", code: "id", name: "Indonesian", nativeName: "Bahasa Indonesia"),
        Entry(threeLetter: "isl", code: "is", name: "Icelandic", nativeName: "Íslenska"),
        Entry(threeLetter: "ita", code: "it", name: "Italian", nativeName: "Italiano"),
        Entry(threeLetter: "jpn", code: "ja", name: "Japanese", nativeName: "日本語"),
        Entry(threeLetter: "kaz", code: "kk", name: "Kazakh", nativeName: "Қазақша"),
        Entry(threeLetter: "kor", code: "ko", name: "Korean", nativeName: "한국어"),
        Entry(threeLetter: "lit", code: "lt", name: "Lithuanian", nativeName: "Lietuvių"),
        Entry(threeLetter: "lav", code: "lv", name: "Latvian", nativeName: "Latviešu"),
        Entry(threeLetter: "mkd", code: "mk", name: "Macedonian", nativeName: "Македонски"),
        Entry(threeLetter: "mlt", code: "mt", name: "Maltese", nativeName: "Malti"),
        Entry(threeLetter: "msa", code: "ms", name: "Malay", nativeName: "Bahasa Melayu"),
        Entry(threeLetter: "nld", code: "nl", name: "Dutch", nativeName: "Nederlands"),
        Entry(threeLetter: "nno", code: "nn", name: "Norwegian Nynorsk", nativeName: "Norsk nynorsk"),
        Entry(threeLetter: "nob", code: "nb", name: "Norwegian Bokmål", nativeName: "Norsk bokmål"),
        Entry(threeLetter: "oci", code: "oc", name: "Occitan", nativeName: "Occitan"),
        Entry(threeLetter: "pol", code: "pl", name: "Polish", nativeName: "Polski"),
        Entry(threeLetter: "por", code: "pt", name: "Portuguese", nativeName: "Português"),
        Entry(threeLetter: "ron", code: "ro", name: "Romanian", nativeName: "Română"),
        Entry(threeLetter: "rus", code: "ru", name: "Russian", nativeName: "Русский"),
        Entry(threeLetter: "slk", code: "sk", name: "Slovak", nativeName: "Slovenčina"),
        Entry(threeLetter: "slv", code: "sl", name: "Slovenian", nativeName: "Slovenščina"),
        Entry(threeLetter: "spa", code: "es", name: "Spanish", nativeName: "Español"),
        Entry(threeLetter: "sqi", code: "sq", name: "Albanian", nativeName: "Shqip"),
        Entry(threeLetter: "srd", code: "sc", name: "Sardinian", nativeName: "Sardu"),
        Entry(threeLetter: "swe", code: "sv", name: "Swedish", nativeName: "Svenska"),
        Entry(threeLetter: "tat", code: "tt", name: "Tatar", nativeName: "Татарча"),
        Entry(threeLetter: "tha", code: "th", name: "Thai", nativeName: "ไทย"),
        Entry(threeLetter: "tur", code: "tr", name: "Turkish", nativeName: "Türkçe"),
        Entry(threeLetter: "ukr", code: "uk", name: "Ukrainian", nativeName: "Українська"),
        Entry(threeLetter: "urd", code: "ur", name: "Urdu", nativeName: "اردو"),
        Entry(threeLetter: "vie", code: "vi", name: "Vietnamese", nativeName: "Tiếng Việt"),
        Entry(threeLetter: "zho", code: "zh", name: "Chinese", nativeName: "中文"),
    ]

    private static let byCode: [String: Entry] = Dictionary(
        entries.flatMap { [($0.threeLetter, $0), ($0.code, $0)] }, uniquingKeysWith: { first, _ in first })

    /// The language a provider calls `providerCode` (`spa`, `es`, `eng_US`, `pt-BR`); `name` is the provider's
    /// own English name, used when the table does not know the code.
    static func language(_ providerCode: String, name: String? = nil) -> TranslateLanguage {
        let parts = providerCode.split(whereSeparator: { $0 == "_" || $0 == "-" }).map(String.init)
        guard let base = parts.first.flatMap({ byCode[$0.lowercased()] }) else {
            return TranslateLanguage(languageCode: providerCode, languageName: name ?? providerCode, languageNativeName: name ?? providerCode)
        }
        guard parts.count > 1 else {
            return TranslateLanguage(languageCode: base.code, languageName: base.name, languageNativeName: base.nativeName)
        }
        let variant = parts.dropFirst().joined(separator: "-")
        return TranslateLanguage(
            languageCode: base.code + "-" + variant, languageName: name ?? "\(base.name) (\(variant))",
            languageNativeName: "\(base.nativeName) (\(variant))")
    }
}
