import IMClient
import IMCore

extension Command {
    /// `imctl msg pin MSGID`.
    static let msgPin = messageOperation(
        "pin", summary: "Pin a message in its conversation.",
        discussion: """
            Any participant may pin; pinning again takes over pinInfo. A conversation holds maxPinnedMessages pins \
            (default 20; more → 4). Participants get onMessagePinChanged.
            """,
        examples: [Example("imctl msg pin 3kF9x2", "Pin message 3kF9x2.")]
    ) { manager, msgId, _, _ in
        try await manager.pinMessage(msgId)
    }

    /// `imctl msg unpin MSGID`.
    static let msgUnpin = messageOperation(
        "unpin", summary: "Unpin a message, whoever pinned it.",
        discussion: "Participants get onMessagePinChanged; unpinning a message that is not pinned changes nothing.",
        examples: [Example("imctl msg unpin 3kF9x2", "Unpin message 3kF9x2.")]
    ) { manager, msgId, _, _ in
        try await manager.unpinMessage(msgId)
    }

    /// `imctl msg pins CONV`.
    static let msgPins = Command(
        name: "pins",
        summary: "List a conversation's pinned messages, newest pin first.",
        arguments: [Argument("conv", help: "Conversation: USER or user:ID.", completion: .dynamic("conversations"))],
        examples: [Example("imctl msg pins bob", "The messages pinned in the conversation with bob.")],
        run: { invocation, context in
            let target = try Target(invocation.argument("conv")!)
            let manager = try context.loggedInClient(invocation).chatManager
            let messages = try await manager.fetchPinnedMessages(conversationId: target.id, type: target.type)
            return try context.print(messages, shape: Shapes.message)
        }
    )
}
