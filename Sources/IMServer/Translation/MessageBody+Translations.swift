import IMCore

extension MessageBody {
    /// The body without server-made translations, for comparing what two sends asked for.
    var withoutTranslations: MessageBody {
        guard case .text(var text) = self else { return self }
        text.translations = nil
        return .text(text)
    }
}
