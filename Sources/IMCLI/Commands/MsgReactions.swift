import IMClient
import IMCore

/// One row of `msg reactions`: a reaction of one message.
struct ReactionRow: Encodable {
    var msgId: String
    var reaction: String
    var userCount: Int
    var isAddedBySelf: Bool
    var userList: [String]
}

extension Command {
    /// `imctl msg reactions MSGID...` / `imctl msg reactions MSGID --detail REACTION`.
    static let msgReactions = Command(
        name: "reactions",
        summary: "List the reactions of messages, or who gave one reaction.",
        discussion: """
            Without --detail: one row per message and reaction (msgId, reaction, userCount, isAddedBySelf, userList: \
            the first three users), for up to 20 messages; messages without reactions are left out. With --detail \
            REACTION: every user who gave it to the one MSGID, earliest first (all pages merged).
            """,
        arguments: [Argument("msgid", help: "Message ids (at most 20).", isVariadic: true)],
        options: [Option(long: "detail", value: "REACTION", help: "List the users who gave this reaction.")],
        examples: [
            Example("imctl msg reactions 3kF9x2 7hQ1zz", "The reactions of two messages."),
            Example("imctl msg reactions 3kF9x2 --detail 👍", "Who gave a thumbs-up."),
        ],
        run: { invocation, context in
            let msgIds = invocation.argumentValues("msgid")
            let manager = try context.loggedInClient(invocation).chatManager
            guard let reaction = invocation.value("detail") else {
                let lists = try await manager.fetchReactionList(msgIds)
                let rows = msgIds.flatMap { msgId in
                    (lists[msgId] ?? []).map {
                        ReactionRow(msgId: msgId, reaction: $0.reaction, userCount: $0.userCount, isAddedBySelf: $0.isAddedBySelf, userList: $0.userList)
                    }
                }
                return try context.print(rows, shape: Shapes.reaction)
            }
            guard msgIds.count == 1 else { throw UsageError.other("--detail takes exactly one MSGID") }
            var users: [ReactionUser] = []
            var cursor: String?
            repeat {
                let page = try await manager.fetchReactionDetail(msgIds[0], reaction: reaction, cursor: cursor, pageSize: 50)
                users += page.data
                cursor = page.data.isEmpty ? nil : page.cursor
            } while cursor != nil
            return try context.print(users, shape: Shapes.reactionUser)
        }
    )
}
