import IMClient
import IMCore

extension Command {
    /// `imctl msg combined MSGID`.
    static let msgCombined = Command(
        name: "combined",
        summary: "Print the messages a combined message carries.",
        discussion: """
            MSGID must be a combined message in the local store (received through 'imctl events' or fetched with \
            'imctl msg history'). Downloads its file and prints the messages as one array.
            """,
        arguments: [Argument("msgid", help: "Id of a combined message.")],
        examples: [Example("imctl msg combined 9AbC", "Show what was forwarded.")],
        run: { invocation, context in
            let msgId = invocation.argument("msgid")!
            let manager = try context.loggedInClient(invocation).chatManager
            guard let message = try manager.getMessage(msgId) else { throw Command.notStored(msgId) }
            return try context.print(try await manager.fetchCombineMessageDetail(message), shape: Shapes.message)
        }
    )

    /// The error of a command that needs a message the local store does not have.
    static func notStored(_ msgId: String) -> CLIError {
        CLIError(
            code: .messageInvalid, message: "message '\(msgId)' is not in the local store",
            hint: "Receive it with 'imctl events' or fetch it with 'imctl msg history'")
    }
}
