import IMCore
import IMClient

extension Command {
    /// `imctl conv`.
    static let conv = Command(
        name: "conv",
        summary: "Conversations: the server list, the local store, read acks.",
        subcommands: [
            .convList, .convFetch, .convAck, .convShow, .convMessages, .convRead, .convExt, .convClear, .convRemoveMessage,
            .convPin, .convUnpin, .convMark, .convDelete,
        ]
    )

    /// `imctl conv list`.
    static let convList = Command(
        name: "list",
        summary: "List the conversations in the local store.",
        discussion: "Reads only the local store, which 'imctl events' and sends keep up to date.",
        examples: [Example("imctl conv list -o id", "Print the conversation ids.")],
        isOffline: true,
        run: { invocation, context in
            let conversations = try context.loggedInClient(invocation).chatManager.loadAllConversations()
            return try context.print(conversations, shape: Shapes.localConversation)
        }
    )

    /// `imctl conv fetch`.
    static let convFetch = Command(
        name: "fetch",
        summary: "Fetch the conversation list from the server.",
        discussion: "Follows every page and prints ONE array.",
        options: [
            Option(long: "pinned", help: "Only pinned conversations."),
            Option(long: "mark", value: "N", help: "Only conversations with this mark."),
        ],
        examples: [Example("imctl conv fetch --pinned", "List the pinned conversations.")],
        run: { invocation, context in
            let mark = try invocation.value("mark").map { text throws(UsageError) in
                guard let mark = Int(text) else {
                    throw .invalidValue(option: "--mark", value: text, reason: "expected a number")
                }
                return mark
            }
            let options = ConversationFetchOptions(pinned: invocation.flag("pinned"), mark: mark)
            let manager = try context.loggedInClient(invocation).chatManager
            var conversations: [ServerConversation] = []
            var cursor: String?
            repeat {
                let page = try await manager.fetchConversationsByOptions(options, cursor: cursor, pageSize: 50)
                conversations += page.data
                cursor = page.data.isEmpty ? nil : page.cursor
            } while cursor != nil
            return try context.print(conversations, shape: Shapes.serverConversation)
        }
    )
}
