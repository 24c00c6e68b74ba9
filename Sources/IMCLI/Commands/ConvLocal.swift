import IMClient
import IMCore

extension Command {
    /// `imctl conv show CONV`.
    static let convShow = Command(
        name: "show",
        summary: "Show one conversation of the local store.",
        discussion: "Prints the conversation (unread count, ext, latest and last received message) with localMessageCount. Exit 3 when the local store has no such conversation.",
        arguments: [LocalConversationTarget.argument],
        examples: [Example("imctl conv show bob", "The local conversation with bob.")],
        isOffline: true,
        run: { invocation, context in
            let conversation = try LocalConversationTarget.resolve(invocation, context)
            let details = LocalConversationDetails(conversation: try conversation.snapshot(), localMessageCount: try conversation.getLocalMessageCount())
            return try context.print(details, shape: Shapes.localConversation)
        }
    )

    /// `imctl conv messages CONV`.
    static let convMessages = Command(
        name: "messages",
        summary: "List a conversation's messages from the local store.",
        discussion: "Starts after --from (exclusive), or at the newest (up) / oldest (down) message, and prints them in that direction's order.",
        arguments: [LocalConversationTarget.argument],
        options: [
            Option(long: "from", value: "MSGID", help: "Start after this message."),
            Option(long: "direction", value: "DIR", help: "up (older, newest first; default) or down (newer, oldest first).",
                completion: .choices(["up", "down"])),
            Option(long: "limit", value: "N", help: "At most N messages, 1-400 (default 20)."),
        ],
        examples: [Example("imctl conv messages bob --limit 5", "The 5 newest local messages with bob.")],
        isOffline: true,
        run: { invocation, context in
            let direction = try OptionParsing.direction(invocation)
            let limit = try invocation.value("limit").map { text throws(UsageError) in try positive(text, "--limit") } ?? 20
            let conversation = try LocalConversationTarget.resolve(invocation, context)
            let messages = try conversation.loadMessages(startMsgId: invocation.value("from"), count: limit, direction: direction)
            return try context.print(messages, shape: Shapes.message)
        }
    )

    /// `imctl conv read CONV [MSGID]`.
    static let convRead = Command(
        name: "read",
        summary: "Mark a conversation, or one of its messages, as read locally.",
        discussion: "Changes local flags only; no read receipt is sent. Prints the conversation afterwards.",
        arguments: [LocalConversationTarget.argument, Argument("msgid", help: "Only this message.", isOptional: true)],
        examples: [Example("imctl conv read bob", "Clear bob's unread count.")],
        isOffline: true,
        run: { invocation, context in
            let conversation = try LocalConversationTarget.resolve(invocation, context)
            if let msgId = invocation.argument("msgid") {
                try conversation.markMessageAsRead(msgId)
            } else {
                try conversation.markAllMessagesAsRead()
            }
            return try context.print(try conversation.snapshot(), shape: Shapes.localConversation)
        }
    )

    /// `imctl conv ext CONV`.
    static let convExt = Command(
        name: "ext",
        summary: "Show or change a conversation's local extension fields.",
        discussion: "The fields stay on this device and are never uploaded. Without --set or --unset, prints them.",
        arguments: [Argument("conv", help: "Conversation: USER, user:ID, group:ID or room:ID.", completion: .dynamic("conversations"))],
        options: [
            Option(long: "set", value: "K=V", help: "Set a field.", isRepeatable: true),
            Option(long: "unset", value: "K", help: "Remove a field.", isRepeatable: true),
        ],
        examples: [Example("imctl conv ext bob --set draft=hello", "Keep a draft with the conversation.")],
        isOffline: true,
        run: { invocation, context in
            let target = try Target(invocation.argument("conv")!)
            var changes: [String: String?] = [:]
            for pair in invocation.values("set") {
                let (key, value) = try MessageBuilder.split(pair, option: "--set")
                changes[key] = value
            }
            for key in invocation.values("unset") { changes[key] = .some(nil) }
            let manager = try context.loggedInClient(invocation).chatManager
            let conversation = try manager.getConversation(target.id, type: target.type, createIfNeeded: !changes.isEmpty)
            guard let conversation else { return try context.print([String: String]()) }
            if !changes.isEmpty {
                var ext = try conversation.ext
                for (key, value) in changes { ext[key] = value }
                try conversation.setExt(ext)
            }
            return try context.print(try conversation.ext)
        }
    )

    /// `imctl conv clear CONV`.
    static let convClear = Command(
        name: "clear",
        summary: "Delete every local message of a conversation.",
        discussion: "The conversation stays in the local store; the server's history is untouched.",
        arguments: [LocalConversationTarget.argument],
        examples: [Example("imctl conv clear bob", "Forget the local messages with bob.")],
        isOffline: true,
        run: { invocation, context in
            let conversation = try LocalConversationTarget.resolve(invocation, context)
            try conversation.deleteAllMessages()
            return try context.print(try conversation.snapshot(), shape: Shapes.localConversation)
        }
    )

    /// `imctl conv remove-message CONV MSGID...`.
    static let convRemoveMessage = Command(
        name: "remove-message",
        summary: "Delete messages of a conversation from the local store.",
        discussion: "Local only: the server's history is untouched (see 'imctl msg delete-remote'). Every id must be in the conversation (500, nothing deleted).",
        arguments: [LocalConversationTarget.argument, Argument("msgid", help: "Message ids.", isVariadic: true)],
        examples: [Example("imctl conv remove-message bob m1 m2", "Delete two local messages.")],
        isOffline: true,
        run: { invocation, context in
            let conversation = try LocalConversationTarget.resolve(invocation, context)
            try conversation.deleteMessages(invocation.argumentValues("msgid"))
            return try context.print(try conversation.snapshot(), shape: Shapes.localConversation)
        }
    )
}
