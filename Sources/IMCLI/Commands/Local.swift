import IMClient
import IMCore

extension Command {
    /// `imctl local`.
    static let local = Command(
        name: "local",
        summary: "Manage the local message store.",
        subcommands: [.localReset]
    )

    /// `imctl local reset`.
    static let localReset = Command(
        name: "reset",
        summary: "Delete every local conversation and message.",
        discussion: "Destructive: asks on a terminal, needs --yes otherwise. The login and the event cursor stay; the server is untouched.",
        options: [DestructiveConfirmation.yes],
        examples: [Example("imctl local reset --yes", "Empty the local store.")],
        isOffline: true,
        run: { invocation, context in
            try DestructiveConfirmation.require(invocation, context, "Delete every local conversation and message?")
            try context.loggedInClient(invocation).chatManager.deleteAllMessageAndConversation()
            return try context.print(["reset": true])
        }
    )
}
