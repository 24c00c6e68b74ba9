import IMClient
import IMCore

extension Command {
    /// `imctl lang`.
    static let lang = Command(
        name: "lang",
        summary: "Languages of the app's translation provider.",
        subcommands: [.langList]
    )

    /// `imctl lang list`.
    static let langList = Command(
        name: "list",
        summary: "List the languages messages can be translated into.",
        discussion: """
            Asks the server which languages the app's translation provider (Apertium or a LibreTranslate \
            endpoint, set by the operator) translates into. Prints [] when the app has no provider. Use the \
            languageCode values with 'imctl msg translate' and 'imctl msg send --translate'.
            """,
        examples: [Example("imctl lang list -o id", "Print the language codes.")],
        run: { invocation, context in
            let languages = try await context.loggedInClient(invocation).chatManager.fetchSupportedLanguages()
            return try context.print(languages, shape: Shapes.language)
        }
    )
}
