import IMClient
import IMCore

extension Command {
    /// `imctl msg ack MSGID`.
    static let msgAck = messageOperation(
        "ack", summary: "Send a read receipt for a received one-to-one message.",
        discussion: "The sender's sessions get onMessagesRead; a repeat changes nothing. Acknowledging your own message fails (110).",
        examples: [Example("imctl msg ack 3kF9x2", "Tell the sender you read message 3kF9x2.")]
    ) { manager, msgId, _, _ in
        try await manager.sendMessageReadAck(msgId)
    }
}
