import IMCore
import IMClient

extension Command {
    /// `imctl msg history CONV`.
    static let msgHistory = Command(
        name: "history",
        summary: "Fetch a conversation's messages from the server.",
        discussion: "Follows every page and prints ONE array (newest first with --direction up, the default). The messages are also stored in the local store unless --no-save.",
        arguments: [Argument("conv", help: "Conversation: USER, user:ID, group:ID or room:ID.",
            completion: .dynamic("conversations"))],
        options: [
            Option(long: "direction", value: "DIR", help: "up (newest first, default) or down (oldest first).",
                completion: .choices(["up", "down"])),
            Option(long: "limit", value: "N", help: "At most N messages (default: all)."),
            Option(long: "from", value: "USER", help: "Only messages from this user.", completion: .dynamic("users")),
            Option(long: "types", value: "A,B", help: "Only these body types (text, custom, …)."),
            Option(long: "start-ts", value: "MS", help: "Only messages at or after this Unix time in ms."),
            Option(long: "end-ts", value: "MS", help: "Only messages at or before this Unix time in ms."),
            Option(long: "no-save", help: "Do not store the fetched messages in the local store."),
        ],
        examples: [Example("imctl msg history bob --limit 20", "The last 20 messages with bob.")],
        run: { invocation, context in
            let target = try Target(invocation.argument("conv")!)
            let options = try fetchOptions(invocation)
            let limit = try invocation.value("limit").map { text throws(UsageError) in try positive(text, "--limit") }
            let manager = try context.loggedInClient(invocation).chatManager
            var messages: [Message] = []
            var cursor: String?
            repeat {
                let pageSize = min(50, (limit ?? Int.max) - messages.count)
                let page = try await manager.fetchHistoryMessagesByOption(
                    conversationId: target.id, type: target.type, options: options, cursor: cursor, pageSize: pageSize)
                messages += page.data
                cursor = page.data.isEmpty ? nil : page.cursor
            } while cursor != nil && messages.count < (limit ?? Int.max)
            return try context.print(messages, shape: Shapes.message)
        }
    )

    private static func fetchOptions(_ invocation: Invocation) throws(UsageError) -> FetchMessageOptions {
        var options = FetchMessageOptions(direction: try OptionParsing.direction(invocation), needSave: !invocation.flag("no-save"))
        options.from = invocation.value("from")
        options.msgTypes = try OptionParsing.bodyTypes(invocation, "types")
        for (option, keyPath) in [("start-ts", \FetchMessageOptions.startTs), ("end-ts", \.endTs)] {
            guard let text = invocation.value(option) else { continue }
            guard let value = Int64(text) else {
                throw .invalidValue(option: "--" + option, value: text, reason: "expected Unix milliseconds")
            }
            options[keyPath: keyPath] = value
        }
        return options
    }

    /// Parses a positive integer option.
    static func positive(_ text: String, _ option: String) throws(UsageError) -> Int {
        guard let value = Int(text), value > 0 else {
            throw .invalidValue(option: option, value: text, reason: "expected a positive number")
        }
        return value
    }
}
