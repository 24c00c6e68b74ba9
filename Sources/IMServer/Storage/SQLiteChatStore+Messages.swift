import IMCore
import IMSQLite

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SQLiteChatStore {
    /// Stores and fans out a one-to-one message (§4.2, §5); a repeated `msgId` with the same content returns
    /// the stored message and delivers nothing. Returns the sender's view and the cursor before the write.
    func send(_ plan: SendPlan) async throws -> SendResult {
        let likely = try SendEncoding(plan.message, serverTime: plan.now)
        return try await write { context in
            let db = context.connection
            let app = plan.app.id
            var message = plan.message
            guard try db.user(UserKey(app: app, userId: message.to)) != nil else { throw ChatErrorFactory.userNotFound(message.to) }
            if let resource = plan.toResource {
                guard let target = try db.session(resource), target.app == app, target.userId == message.from, !target.isEnding,
                    resource != plan.senderResource
                else { throw ChatError(.userNotFound, "no other session '\(resource)' of '\(message.from)'") }
            }
            let cursor = try context.currentCursor()
            if let replayed = try context.replay(of: message, app: app, cursor: cursor) { return replayed }
            let isSelf = message.from == message.to
            if plan.app.settings.friendsOnlyMessaging, !isSelf {
                throw ChatError(.userNotOnRoster, "'\(message.to)' is not a contact and the app allows messages to contacts only")
            }
            if let limitError = plan.limitError { throw limitError }

            let pair = message.pairKey
            let latest = try db.first("SELECT MAX(server_time) FROM messages WHERE app = ? AND pair = ?", app, pair)?.optionalInt(0)
            let encoding = try likely.at(serverTime: max(plan.now, (latest ?? 0) + 1))
            message = encoding.message
            let storedJSON = encoding.storedJSON
            let isCmd = message.body.type == .cmd
            let type = isCmd ? EventType.cmdMessagesReceived : EventType.messagesReceived
            if let targets = plan.onlineTargets {
                try context.deliverOnline(encoding, type: type, to: targets, app: app)
                try context.recordOnlineOnly(encoding, app: app, cursor: cursor)
                try context.grantAttachments(of: message, app: app)
                return encoding.result(cursor: cursor)
            }
            try db.query(
                """
                INSERT INTO messages (app, msg_id, sender, recipient, pair, body_type, server_time, json, send_cursor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                app, message.msgId, message.from, message.to, pair, message.body.type.rawValue, message.serverTime, storedJSON, cursor
            )
            if !isCmd { try context.updateConversations(app: app, message: message) }
            try context.grantAttachments(of: message, app: app)

            let sender = UserKey(app: app, userId: message.from)
            if !isSelf {
                try context.appendEvent(
                    to: UserKey(app: app, userId: message.to), type: type,
                    payloadJSON: encoding.receivedPayload,
                    time: message.serverTime, kind: .receivedMessage, msgId: message.msgId
                )
            }
            try context.appendEvent(
                to: sender, type: type, payloadJSON: MessagePayload.json(encoded: storedJSON), time: message.serverTime,
                only: plan.toResource, except: plan.toResource == nil ? plan.senderResource : nil, kind: .sentMessage, msgId: message.msgId
            )
            return encoding.result(cursor: cursor)
        }
    }

    /// One page of a one-to-one history, keyset-paged by (`serverTime`, `msgId`) in the query's direction.
    func history(_ query: HistoryQuery) async throws -> CursorResult<Message> {
        try await read { db in
            let pair = OneWayDeletes.pair(query.viewer, query.peer)
            var sql = "SELECT json, delivered, server_time, msg_id FROM messages WHERE app = ? AND pair = ? AND body_type <> 'cmd'" + OneWayDeletes.visible
            var values: [any SQLBindable] = [query.app, pair] + OneWayDeletes.values(viewer: query.viewer)
            let up = query.options.direction == .up
            if let position = query.position {
                sql += up ? " AND (server_time, msg_id) < (?, ?)" : " AND (server_time, msg_id) > (?, ?)"
                values += [position.time, position.msgId]
            }
            if query.options.startTs >= 0 {
                sql += " AND server_time >= ?"
                values.append(query.options.startTs)
            }
            if let keptSince = query.keptSince {
                sql += " AND server_time >= ?"
                values.append(keptSince)
            }
            if query.options.endTs >= 0 {
                sql += " AND server_time <= ?"
                values.append(query.options.endTs)
            }
            if let from = query.options.from {
                sql += " AND sender = ?"
                values.append(from)
            }
            if let types = query.options.msgTypes, !types.isEmpty {
                sql += " AND body_type IN (\(types.map { _ in "?" }.joined(separator: ", ")))"
                values += types.map(\.rawValue)
            }
            sql += up ? " ORDER BY server_time DESC, msg_id DESC LIMIT ?" : " ORDER BY server_time, msg_id LIMIT ?"
            values.append(query.pageSize + 1)
            let rows = try db.query(sql, values: values)
            let page = rows.prefix(query.pageSize)
            let messages = try page.map {
                try db.withServerState(
                    WireJSON.decode(Message.self, from: Data($0.string(0).utf8)).viewed(by: query.viewer, delivered: $0.bool(1)),
                    app: query.app, viewer: query.viewer)
            }
            let next = rows.count > query.pageSize ? page.last.map { PageCursor.history(time: $0.int(2), msgId: $0.string(3), up: up, viewer: query.viewer, peer: query.peer) } : nil
            return CursorResult(cursor: next, data: messages)
        }
    }
}

extension WriteContext {
    /// Delivers a `deliverOnlineOnly` message to the given online sessions only (§8.2); nothing is stored.
    func deliverOnline(_ encoding: SendEncoding, type: String, to targets: [SessionTarget], app: Int64) throws {
        let message = encoding.message
        for target in targets {
            let isSenderCopy = target.userId == message.from
            try appendEvent(
                to: UserKey(app: app, userId: target.userId), type: type,
                payloadJSON: isSenderCopy ? MessagePayload.json(encoded: encoding.storedJSON) : encoding.receivedPayload, time: message.serverTime,
                only: target.resource, kind: isSenderCopy ? .sentMessage : .receivedMessage, msgId: message.msgId
            )
        }
    }

    /// Moves both parties' conversation entries to this message; the recipient's unread count grows.
    func updateConversations(app: Int64, message: Message) throws {
        try moveConversation(app: app, owner: message.from, peer: message.to, unread: 0, to: message)
        if message.from != message.to {
            try moveConversation(app: app, owner: message.to, peer: message.from, unread: 1, to: message)
        }
    }

    /// Points one entry at the message, creating it when missing; only a new entry can push the owner past the cap,
    /// so only then are the entries counted.
    private func moveConversation(app: Int64, owner: String, peer: String, unread: Int64, to message: Message) throws {
        try connection.query(
            "UPDATE conversations SET unread = unread + ?, latest_msg_id = ?, latest_time = ? WHERE app = ? AND owner = ? AND peer = ?",
            unread, message.msgId, message.serverTime, app, owner, peer)
        guard connection.changes == 0 else { return }
        try connection.query(
            "INSERT INTO conversations (app, owner, peer, chat_type, unread, latest_msg_id, latest_time) VALUES (?, ?, ?, 'chat', ?, ?, ?)",
            app, owner, peer, unread, message.msgId, message.serverTime)
        try trimConversations(app: app, owner: owner)
    }
}

/// A history request, validated.
struct HistoryQuery: Sendable {
    var app: Int64
    var viewer: String
    var peer: String
    var options: FetchMessageOptions
    var position: (time: Int64, msgId: String)?
    var pageSize: Int
    /// The oldest `serverTime` the app keeps (`historyRetentionDays`), or nil when it keeps history forever.
    var keptSince: Int64?
}
