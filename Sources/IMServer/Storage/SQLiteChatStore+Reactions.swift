import IMCore
import IMSQLite

extension SQLiteChatStore {
    /// The most distinct reactions one message takes (§7).
    static let maxReactionsPerMessage = 20

    /// §4.4 `addReaction` / `removeReaction`. Add: not in rooms (1302), once per user and reaction (1301), at most 20
    /// distinct reactions (1300). Remove: only a reaction the caller gave (1302). Participants except the calling
    /// session get `onMessageReactionDidChange` with the summary as each of them sees it.
    func react(_ call: UserCall, msgId: String, reaction: String, operate: ReactionOperate, now: Int64) async throws -> MessageOperationResult {
        let app = call.app.id
        let caller = call.session.userId
        return try await write { context in
            let db = context.connection
            let stored = try MessageAccess.visible(msgId, to: call, at: now, in: db)
            guard stored.message.chatType != .chatRoom else { throw ChatError(.reactionOperationIsIllegal, "messages in chat rooms take no reactions") }
            let given = try db.first(
                "SELECT 1 FROM reactions WHERE app = ? AND msg_id = ? AND reaction = ? AND user_id = ?", app, msgId, reaction, caller
            ) != nil
            switch operate {
            case .add:
                if given { throw ChatError(.reactionHasBeenOperated, "you already gave the reaction '\(reaction)'") }
                let distinct = try db.first("SELECT COUNT(DISTINCT reaction), MAX(reaction = ?) FROM reactions WHERE app = ? AND msg_id = ?", reaction, app, msgId)
                if let distinct, distinct.int(0) >= Self.maxReactionsPerMessage, !distinct.bool(1) {
                    throw ChatError(.reactionReachLimit, "the message already has \(Self.maxReactionsPerMessage) distinct reactions")
                }
            case .remove:
                if !given { throw ChatError(.reactionOperationIsIllegal, "you did not give the reaction '\(reaction)'") }
            }
            let cursor = try context.currentCursor()
            if operate == .add {
                try db.query("INSERT INTO reactions (app, msg_id, reaction, user_id, time) VALUES (?, ?, ?, ?, ?)", app, msgId, reaction, caller, now)
            } else {
                try db.query("DELETE FROM reactions WHERE app = ? AND msg_id = ? AND reaction = ? AND user_id = ?", app, msgId, reaction, caller)
            }
            let operation = ReactionOperation(userId: caller, reaction: reaction, operate: operate)
            try context.notifyParticipants(of: stored.message, app: app, caller: call.session, type: EventType.messageReactionDidChange, time: now) {
                user in
                let change = MessageReactionEvent(
                    conversationId: stored.message.conversationId(viewedBy: user), messageId: msgId,
                    reactions: try db.reactionSummaries(app: app, msgId: msgId, viewer: user), operations: [operation]
                )
                return try WireJSON.string(["changes": [change]])
            }
            return MessageOperationResult(msgId: msgId, cursor: String(cursor), message: try db.view(of: stored, app: app, viewer: caller))
        }
    }

    /// §4.4 `fetchReactionList`: messages the caller cannot see (or that expired by `now`), or without reactions, are
    /// left out.
    func reactionLists(_ call: UserCall, msgIds: [String], now: Int64) async throws -> [String: [MessageReaction]] {
        let app = call.app.id
        let caller = call.session.userId
        return try await read { db in
            var lists: [String: [MessageReaction]] = [:]
            for msgId in msgIds {
                guard (try? MessageAccess.visible(msgId, to: call, at: now, in: db)) != nil else { continue }
                let reactions = try db.reactionSummaries(app: app, msgId: msgId, viewer: caller)
                if !reactions.isEmpty { lists[msgId] = reactions }
            }
            return lists
        }
    }

    /// §4.4 `fetchReactionDetail`: keyset-paged by the order the reaction was given.
    func reactionDetail(_ call: UserCall, msgId: String, reaction: String, after position: Int64?, pageSize: Int, now: Int64) async throws
        -> CursorResult<ReactionUser>
    {
        let app = call.app.id
        return try await read { db in
            _ = try MessageAccess.visible(msgId, to: call, at: now, in: db)
            let rows = try db.query(
                "SELECT id, user_id, time FROM reactions WHERE app = ? AND msg_id = ? AND reaction = ? AND id > ? ORDER BY id LIMIT ?",
                app, msgId, reaction, position ?? 0, pageSize + 1
            )
            let page = rows.prefix(pageSize)
            let next = rows.count > pageSize ? page.last.map { PageCursor.reactionDetail(id: $0.int(0), msgId: msgId) } : nil
            return CursorResult(cursor: next, data: page.map { ReactionUser(userId: $0.string(1), time: $0.int(2)) })
        }
    }
}
