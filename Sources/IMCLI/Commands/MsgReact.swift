import IMClient
import IMCore

extension Command {
    /// The `REACTION` argument of react and unreact.
    private static let reactionArgument = Argument("reaction", help: "The reaction: an emoji or a short string (1-128 bytes).")

    /// `imctl msg react MSGID REACTION`.
    static let msgReact = messageOperation(
        "react", summary: "Add your reaction to a message.",
        discussion: "Participants get onMessageReactionDidChange. Giving the same reaction twice fails (1301); a message takes 20 distinct reactions (1300).",
        arguments: [reactionArgument],
        examples: [Example("imctl msg react 3kF9x2 👍", "React with a thumbs-up.")]
    ) { manager, msgId, invocation, _ in
        try await manager.addReaction(invocation.argument("reaction")!, to: msgId)
    }

    /// `imctl msg unreact MSGID REACTION`.
    static let msgUnreact = messageOperation(
        "unreact", summary: "Remove a reaction you gave.",
        discussion: "Participants get onMessageReactionDidChange. Removing a reaction you did not give fails (1302).",
        arguments: [reactionArgument],
        examples: [Example("imctl msg unreact 3kF9x2 👍", "Take the thumbs-up back.")]
    ) { manager, msgId, invocation, _ in
        try await manager.removeReaction(invocation.argument("reaction")!, from: msgId)
    }
}
