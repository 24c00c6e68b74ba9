import IMClient
import IMCore

extension Command {
    /// `imctl msg translate MSGID LANG…`.
    static let msgTranslate = Command(
        name: "translate",
        summary: "Translate a text message and print it with its translations.",
        discussion: """
            Translates a text message you sent or received into each LANG (1 to 10 codes from 'imctl lang \
            list'). Prints the message with body.translations {LANG: text}; the server stores nothing. Errors: \
            1110 (not a text message, unknown language, more than 10), 1111 (the app has no translation \
            provider), 1112 (the provider's quota is used up), 1113 (the provider failed).
            """,
        arguments: [
            Argument("msgid", help: "The message id."),
            Argument("lang", help: "Target language code, e.g. es.", isVariadic: true),
        ],
        examples: [
            Example("imctl msg translate 4Jd9x2kq es", "Translate a message into Spanish."),
            Example("imctl msg translate 4Jd9x2kq es fr --fields body.translations", "Print only the translations."),
        ],
        run: { invocation, context in
            let message = try await context.loggedInClient(invocation).chatManager.translateMessage(
                msgId: invocation.argument("msgid")!, targetLanguages: invocation.argumentValues("lang"))
            return try context.print(message, shape: Shapes.translatedMessage)
        }
    )
}
