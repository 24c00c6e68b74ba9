import IMClient
import IMCore

extension Command {
    /// `imctl conv pin CONV`.
    static let convPin = pinCommand(pin: true)
    /// `imctl conv unpin CONV`.
    static let convUnpin = pinCommand(pin: false)

    private static func pinCommand(pin: Bool) -> Command {
        Command(
            name: pin ? "pin" : "unpin",
            summary: pin ? "Pin a conversation of your server list." : "Unpin a conversation of your server list.",
            discussion: """
                The conversation must be in your server list ('imctl conv fetch'; else 110)\(pin ? "; at most 50 are pinned (4)" : ""). \
                Your other devices get onConversationsUpdate. Prints the change with the preceding cursor.
                """,
            arguments: [ServerListOptions.conversation],
            examples: [Example("imctl conv \(pin ? "pin" : "unpin") bob", pin ? "Pin the chat with bob." : "Unpin the chat with bob.")],
            run: { invocation, context in
                let target = try ServerListOptions.target(invocation)
                let update = try await context.loggedInClient(invocation).chatManager.pinConversation(
                    conversationId: target.id, type: target.type, isPinned: pin)
                return try context.print(update, shape: Shapes.conversationsUpdate)
            }
        )
    }

    /// `imctl conv mark`.
    static let convMark = Command(
        name: "mark",
        summary: "Add or remove a mark (0-19) on conversations of your server list.",
        subcommands: [markCommand(add: true), markCommand(add: false)]
    )

    private static func markCommand(add: Bool) -> Command {
        Command(
            name: add ? "add" : "remove",
            summary: add ? "Mark conversations." : "Unmark conversations.",
            discussion: "MARK is 0-19, its meaning is up to you; at most 20 conversations, each in your server list (else 110). Your other devices get onConversationsUpdate.",
            arguments: [
                Argument("mark", help: "The mark, 0-19."),
                Argument("conv", help: "Conversations: USER or group:ID.", isVariadic: true, completion: .dynamic("conversations")),
            ],
            examples: [Example("imctl conv mark \(add ? "add" : "remove") 3 bob carol", add ? "Give bob and carol mark 3." : "Take mark 3 off bob and carol.")],
            run: { invocation, context in
                let text = invocation.argument("mark")!
                guard let mark = Int(text), (0...19).contains(mark) else {
                    throw UsageError.invalidValue(option: "MARK", value: text, reason: "expected 0 to 19")
                }
                let targets = try invocation.argumentValues("conv").map { word throws(UsageError) in try Target(word) }
                let type = targets.first?.type ?? .chat
                guard targets.allSatisfy({ $0.type == type }) else { throw UsageError.other("give conversations of one type per call") }
                let manager = try context.loggedInClient(invocation).chatManager
                let ids = targets.map(\.id)
                let update = add
                    ? try await manager.addConversationMark(conversationIds: ids, type: type, mark: mark)
                    : try await manager.removeConversationMark(conversationIds: ids, type: type, mark: mark)
                return try context.print(update, shape: Shapes.conversationsUpdate)
            }
        )
    }

    /// `imctl conv delete CONV`.
    static let convDelete = Command(
        name: "delete",
        summary: "Delete a conversation from your server list.",
        discussion: """
            Removes the entry from your server list and, unless --keep-messages, deletes your whole history there \
            one-way (the peer keeps theirs) and the local messages. The next message re-creates the entry. \
            Destructive: asks on a terminal, needs --yes otherwise. Your other devices get onConversationsUpdate.
            """,
        arguments: [ServerListOptions.conversation],
        options: [
            Option(long: "keep-messages", help: "Remove only the list entry; keep the history."),
            DestructiveConfirmation.yes,
        ],
        examples: [Example("imctl conv delete bob --yes", "Delete the chat with bob and your history there.")],
        run: { invocation, context in
            let target = try ServerListOptions.target(invocation)
            try DestructiveConfirmation.require(invocation, context, "Delete the conversation '\(target.id)'?")
            let update = try await context.loggedInClient(invocation).chatManager.deleteRemoteConversation(
                conversationId: target.id, type: target.type, isDeleteRemoteMessage: !invocation.flag("keep-messages"))
            return try context.print(update, shape: Shapes.conversationsUpdate)
        }
    )

    /// `imctl msg delete-remote CONV [MSGID...] [--before TS]`.
    static let msgDeleteRemote = Command(
        name: "delete-remote",
        summary: "Delete messages one-way: hidden from your history only.",
        discussion: """
            Hides up to 50 messages by id, or with --before TS every message older than TS, from your own history \
            and conversation list (the peer keeps them), and removes them from the local store. Your other devices \
            get onConversationsUpdate (messagesRemoved).
            """,
        arguments: [
            ServerListOptions.conversation,
            Argument("msgid", help: "Message ids (up to 50).", isOptional: true, isVariadic: true),
        ],
        options: [Option(long: "before", value: "MS", help: "Every message before this Unix time in ms.")],
        examples: [
            Example("imctl msg delete-remote bob m1 m2", "Hide two messages of the chat with bob from yourself."),
            Example("imctl msg delete-remote bob --before 1700000000000", "Hide everything before a time."),
        ],
        run: { invocation, context in
            let target = try ServerListOptions.target(invocation)
            let ids = invocation.argumentValues("msgid")
            let before = try OptionParsing.timestamp(invocation, "before")
            let manager = try context.loggedInClient(invocation).chatManager
            let update: ConversationsUpdate
            switch (ids.isEmpty, before) {
            case (false, nil): update = try await manager.deleteRemoteMessagesWithIds(conversationId: target.id, type: target.type, msgIds: ids)
            case (true, let before?): update = try await manager.deleteRemoteMessagesBefore(conversationId: target.id, type: target.type, timestamp: before)
            default: throw UsageError.other("give message ids or --before, exactly one")
            }
            return try context.print(update, shape: Shapes.conversationsUpdate)
        }
    )
}

/// Arguments shared by the server-list commands.
enum ServerListOptions {
    /// The conversation argument.
    static let conversation = Argument("conv", help: "Conversation: USER, user:ID or group:ID.", completion: .dynamic("conversations"))

    /// The parsed conversation argument.
    static func target(_ invocation: Invocation) throws(UsageError) -> Target { try Target(invocation.argument("conv")!) }
}
