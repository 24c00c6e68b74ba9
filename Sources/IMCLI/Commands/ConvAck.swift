import IMClient
import IMCore

extension Command {
    /// `imctl conv ack CONV`.
    static let convAck = Command(
        name: "ack",
        summary: "Mark a whole conversation read and tell the peer.",
        discussion: """
            Sets the server's unread count to 0 and marks every message you received there read. The peer and your \
            other devices get onConversationRead. Prints {"conversationId":…,"cursor":…}.
            """,
        arguments: [Argument("conv", help: "Conversation: USER or user:ID.", completion: .dynamic("conversations"))],
        examples: [Example("imctl conv ack bob", "Mark the conversation with bob read.")],
        run: { invocation, context in
            let target = try Target(invocation.argument("conv")!)
            let manager = try context.loggedInClient(invocation).chatManager
            let result = try await manager.sendConversationReadAck(target.id, type: target.type)
            return try context.print(result, shape: Shapes.conversationReadAck)
        }
    )
}
