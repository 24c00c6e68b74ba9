import IMClient
import IMCore

extension Command {
    /// `imctl msg search [KEYWORD]`.
    static let msgSearch = Command(
        name: "search",
        summary: "Search the local messages of every conversation.",
        discussion: """
            Matches KEYWORD anywhere in a text message (or an attachment's file name), case-insensitive, using the \
            local full-text index. Newest first; --before TS searches at or before TS (newest first), --after TS at \
            or after TS (oldest first). Reaches no server.
            """,
        arguments: [Argument("keyword", help: "Text to look for.", isOptional: true)],
        options: [
            Option(long: "types", value: "A,B", help: "Only these body types (text, file, …)."),
            Option(long: "from", value: "USER", help: "Only messages from this user.", completion: .dynamic("users")),
            Option(long: "before", value: "MS", help: "At or before this Unix time in ms, newest first."),
            Option(long: "after", value: "MS", help: "At or after this Unix time in ms, oldest first."),
            Option(long: "limit", value: "N", help: "At most N messages, 1-400 (default 10)."),
        ],
        examples: [
            Example("imctl msg search invoice", "The 10 newest messages containing 'invoice'."),
            Example("imctl msg search --from bob --types file --limit 50", "Files bob sent."),
        ],
        isOffline: true,
        run: { invocation, context in
            var options = MessageSearchOptions(keyword: invocation.argument("keyword"), types: try OptionParsing.bodyTypes(invocation, "types"))
            options.from = invocation.value("from")
            let before = try OptionParsing.timestamp(invocation, "before")
            let after = try OptionParsing.timestamp(invocation, "after")
            if before != nil, after != nil { throw UsageError.other("give --before or --after, not both") }
            if let after { (options.ts, options.direction) = (after, .down) }
            if let before { options.ts = before }
            if let text = invocation.value("limit") {
                guard let limit = Int(text), MessageSearchOptions.countRange.contains(limit) else {
                    throw UsageError.invalidValue(option: "--limit", value: text, reason: "expected 1 to 400")
                }
                options.count = limit
            }
            let messages = try context.loggedInClient(invocation).chatManager.searchMsgsByOptions(options)
            return try context.print(messages, shape: Shapes.message)
        }
    )

    /// `imctl msg import FILE|-`.
    static let msgImport = Command(
        name: "import",
        summary: "Import messages into the local store from NDJSON.",
        discussion: """
            Reads one message object per line (the shape 'imctl msg history' prints) from FILE or standard input. \
            Every message must be from or to the logged-in user (500, and nothing is imported). Blank lines are \
            skipped. Prints {"imported":N}. Reaches no server.
            """,
        arguments: [Argument("file", help: "NDJSON file, or '-' for standard input.", completion: .file)],
        examples: [Example("imctl msg history bob -o ndjson | imctl msg import -", "Copy bob's history into the local store.")],
        isOffline: true,
        run: { invocation, context in
            let text = try OptionParsing.input(invocation.argument("file")!, context)
            var messages: [Message] = []
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.allSatisfy(\.isWhitespace) {
                messages.append(try OptionParsing.message(String(line), source: "line \(index + 1)"))
            }
            try context.loggedInClient(invocation).chatManager.importMessages(messages)
            return try context.print(["imported": messages.count])
        }
    )

    /// `imctl msg insert FILE|-`.
    static let msgInsert = Command(
        name: "insert",
        summary: "Insert one message into its local conversation.",
        discussion: """
            Reads one message object (JSON) from FILE or standard input and stores it in the conversation its \
            conversationId and chatType name, at its time; --append moves it after the conversation's newest \
            message. Prints the stored message. Reaches no server.
            """,
        arguments: [Argument("file", help: "JSON file, or '-' for standard input.", completion: .file)],
        options: [Option(long: "append", help: "Put it after the newest message.")],
        examples: [Example("imctl msg insert note.json --append", "Append a local note to its conversation.")],
        isOffline: true,
        run: { invocation, context in
            let message = try OptionParsing.message(try OptionParsing.input(invocation.argument("file")!, context), source: "message")
            guard !message.conversationId.isEmpty else { throw UsageError.other("the message needs a conversationId") }
            let manager = try context.loggedInClient(invocation).chatManager
            let conversation = try manager.getConversation(message.conversationId, type: message.chatType, createIfNeeded: true)!
            let stored = invocation.flag("append") ? try conversation.appendMessage(message) : try conversation.insertMessage(message)
            return try context.print(stored, shape: Shapes.message)
        }
    )

    /// `imctl msg update FILE|-`.
    static let msgUpdate = Command(
        name: "update",
        summary: "Replace a message in the local store.",
        discussion: "Reads one message object (JSON) from FILE or standard input; the stored message with its msgId is replaced (500 when there is none). Reaches no server.",
        arguments: [Argument("file", help: "JSON file, or '-' for standard input.", completion: .file)],
        examples: [Example("imctl msg update edited.json", "Replace the local copy of a message.")],
        isOffline: true,
        run: { invocation, context in
            let message = try OptionParsing.message(try OptionParsing.input(invocation.argument("file")!, context), source: "message")
            let manager = try context.loggedInClient(invocation).chatManager
            try manager.updateMessage(message)
            return try context.print(try manager.getMessage(message.msgId), shape: Shapes.message)
        }
    )

    /// `imctl msg prune --before TS`.
    static let msgPrune = Command(
        name: "prune",
        summary: "Delete local messages older than a time.",
        discussion: "Deletes every local message whose serverTime is before --before, in all conversations. The server's history is untouched. Prints {\"before\":TS}.",
        options: [Option(long: "before", value: "MS", help: "Unix time in ms (required).")],
        examples: [Example("imctl msg prune --before 1700000000000", "Forget local messages before Nov 2023.")],
        isOffline: true,
        run: { invocation, context in
            guard let before = try OptionParsing.timestamp(invocation, "before") else { throw UsageError.missingArgument("--before") }
            try context.loggedInClient(invocation).chatManager.deleteMessagesBefore(before)
            return try context.print(["before": before])
        }
    )
}
