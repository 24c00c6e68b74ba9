extension Route {
    /// `fetchSupportedLanguages`: the languages of the app's translation provider, `[]` when it has none.
    public static let supportedLanguages = Route("GET", "/v1/translation/languages")
    /// `translateMessage`: a text message translated into the requested languages; the result is not stored.
    public static let translateMessage = Route("POST", "/v1/messages/{msgId}/translations")

    /// The translation routes (semantics §4.4).
    public static let translationRoutes: [Route] = [supportedLanguages, translateMessage]
}
