import IMCore
import IMSQLite

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The most entries a user's server conversation list holds (§4.5, §7).
enum ConversationLimits {
    static let maxEntries = 1_000
    static let maxPinned = 50
}

/// One conversation of one user's server list, and the session acting on it.
struct ConversationRef: Sendable {
    var app: Int64
    var owner: String
    var peer: String
    var type: ChatType
    /// The calling session: its other sessions get the `onConversationsUpdate` event.
    var resource: String

    var user: UserKey { UserKey(app: app, userId: owner) }
}

/// A conversation-list request, validated.
struct ConversationQuery: Sendable {
    /// Which entries, in which order (§4.5).
    enum Mode: Sendable, Equatable {
        case all, pinned
        case mark(Int)
    }

    var app: Int64
    var owner: String
    var mode: Mode = .all
    var position: (time: Int64, peer: String)?
    var pageSize: Int
    /// The oldest `serverTime` the app keeps (`historyRetentionDays`), or nil when it keeps history forever.
    var keptSince: Int64?
}

extension SQLiteChatStore {
    /// One page of the caller's list: newest activity first; `pinned`: newest pin first; `mark`: most recently
    /// marked first. `latestMessage` is the newest message the app still keeps (§8.1) and the owner has not deleted
    /// one-way. The answer's `eventCursor` is the end of the event log in the same snapshot as the counts.
    func conversations(_ query: ConversationQuery) async throws -> ConversationPage {
        try await read { db in try db.snapshot { try Self.conversations(query, db) } }
    }

    private static func conversations(_ query: ConversationQuery, _ db: Connection) throws -> ConversationPage {
        let (timeColumn, join): (String, String) =
            switch query.mode {
            case .all: ("c.latest_time", "")
            case .pinned: ("c.pinned_time", "")
            case .mark: (
                "k.marked_at",
                " JOIN conversation_marks k ON k.app = c.app AND k.owner = c.owner AND k.peer = c.peer AND k.mark = ?"
            )
            }
        var sql = "SELECT c.peer, c.chat_type, c.unread, c.pinned_time, \(timeColumn) FROM conversations c\(join) WHERE c.app = ? AND c.owner = ?"
        var values: [any SQLBindable] = []
        if case .mark(let mark) = query.mode { values.append(mark) }
        values += [query.app, query.owner]
        if query.mode == .pinned { sql += " AND c.pinned_time > 0" }
        if let position = query.position {
            sql += " AND (\(timeColumn), c.peer) < (?, ?)"
            values += [position.time, position.peer]
        }
        sql += " ORDER BY \(timeColumn) DESC, c.peer DESC LIMIT ?"
        values.append(query.pageSize + 1)
        let rows = try db.query(sql, values: values)
        let page = rows.prefix(query.pageSize)
        let data = try page.map { row in
            let peer = row.string(0)
            let marks = try db.query(
                "SELECT mark FROM conversation_marks WHERE app = ? AND owner = ? AND peer = ? ORDER BY mark", query.app, query.owner, peer)
            return ServerConversation(
                conversationId: peer, type: ChatType(rawValue: row.string(1)) ?? .chat, unreadCount: Int(row.int(2)),
                isPinned: row.int(3) > 0, pinnedTime: row.int(3), marks: marks.map { Int($0.int(0)) },
                latestMessage: try db.latestVisibleMessage(app: query.app, viewer: query.owner, peer: peer, keptSince: query.keptSince))
        }
        let next = rows.count > query.pageSize ? page.last.map { query.mode.cursor(time: $0.int(4), peer: $0.string(0), owner: query.owner) } : nil
        return ConversationPage(page: CursorResult(cursor: next, data: data), eventCursor: String(try db.eventLogEnd()))
    }

    /// Pins or unpins an existing entry (else 110); at most 50 pinned (4). Pinning a pinned entry or unpinning
    /// an unpinned one changes nothing and tells nobody.
    func pinConversation(_ ref: ConversationRef, isPinned: Bool, now: Int64) async throws -> ConversationsUpdate {
        try await write { context in
            let db = context.connection
            let cursor = try context.currentCursor()
            guard let pinnedTime = try db.entryPinnedTime(ref) else { throw ConversationErrors.noEntry(ref.peer) }
            var update = ConversationsUpdate(operation: isPinned ? .pin : .unpin, conversationIds: [ref.peer], conversationType: ref.type)
            if isPinned == (pinnedTime > 0) {
                update.pinnedTime = pinnedTime
                return update.answer(cursor)
            }
            if isPinned {
                let pinned = try db.first("SELECT COUNT(*) FROM conversations WHERE app = ? AND owner = ? AND pinned_time > 0", ref.app, ref.owner)?.int(0) ?? 0
                guard pinned < ConversationLimits.maxPinned else {
                    throw ChatError(.exceedServiceLimit, "at most \(ConversationLimits.maxPinned) conversations can be pinned")
                }
                update.pinnedTime = now
            }
            try db.query("UPDATE conversations SET pinned_time = ? WHERE app = ? AND owner = ? AND peer = ?", isPinned ? now : 0, ref.app, ref.owner, ref.peer)
            try context.notifyOtherDevices(ref, update, now: now)
            return update.answer(cursor)
        }
    }

    /// Adds or removes a mark on existing entries (each must exist, else 110 and nothing changes). The event
    /// names only the entries that changed; none changed → no event.
    func markConversations(_ refs: [ConversationRef], mark: Int, add: Bool, now: Int64) async throws -> ConversationsUpdate {
        try await write { context in
            let db = context.connection
            let cursor = try context.currentCursor()
            var changed: [String] = []
            for ref in refs {
                guard try db.entryPinnedTime(ref) != nil else { throw ConversationErrors.noEntry(ref.peer) }
                if add {
                    try db.query(
                        "INSERT INTO conversation_marks (app, owner, peer, mark, marked_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        ref.app, ref.owner, ref.peer, mark, now)
                } else {
                    try db.query("DELETE FROM conversation_marks WHERE app = ? AND owner = ? AND peer = ? AND mark = ?", ref.app, ref.owner, ref.peer, mark)
                }
                if db.changes > 0 { changed.append(ref.peer) }
            }
            let type = refs.first?.type ?? .chat
            if let first = refs.first, !changed.isEmpty {
                try context.notifyOtherDevices(first, ConversationsUpdate(operation: add ? .mark : .unmark, conversationIds: changed, conversationType: type, mark: mark), now: now)
            }
            return ConversationsUpdate(operation: add ? .mark : .unmark, conversationIds: refs.map(\.peer), conversationType: type, mark: mark).answer(cursor)
        }
    }

    /// Removes an entry (its pin and marks too) and, with `deleteMessages`, hides its whole history from the
    /// owner. No entry → nothing happens.
    func deleteConversation(_ ref: ConversationRef, deleteMessages: Bool, now: Int64) async throws -> ConversationsUpdate {
        try await write { context in
            let db = context.connection
            let cursor = try context.currentCursor()
            let update = ConversationsUpdate(operation: .delete, conversationIds: [ref.peer], conversationType: ref.type, deleteMessages: deleteMessages)
            guard try db.entryPinnedTime(ref) != nil else { return update.answer(cursor) }
            try db.query("DELETE FROM conversations WHERE app = ? AND owner = ? AND peer = ?", ref.app, ref.owner, ref.peer)
            try db.query("DELETE FROM conversation_marks WHERE app = ? AND owner = ? AND peer = ?", ref.app, ref.owner, ref.peer)
            if deleteMessages {
                let pair = OneWayDeletes.pair(ref.owner, ref.peer)
                let newest = try db.first("SELECT MAX(server_time) FROM messages WHERE app = ? AND pair = ?", ref.app, pair)?.optionalInt(0)
                if let newest { try db.hideBefore(ref, pair: pair, time: newest + 1) }
            }
            try context.notifyOtherDevices(ref, update, now: now)
            return update.answer(cursor)
        }
    }

    /// One-way deletes: hides messages of the conversation from the owner only, by id (ids of other
    /// conversations are ignored) or every message before `beforeTs`. Nothing newly hidden → no event.
    func removeMessages(_ ref: ConversationRef, msgIds: [String]?, beforeTs: Int64?, now: Int64) async throws -> ConversationsUpdate {
        try await write { context in
            let db = context.connection
            let cursor = try context.currentCursor()
            let pair = OneWayDeletes.pair(ref.owner, ref.peer)
            var changed = false
            var hidden: [String] = []
            for msgId in msgIds ?? [] {
                try db.query(
                    """
                    INSERT INTO hidden_messages (app, owner, msg_id)
                    SELECT app, ?, msg_id FROM messages WHERE app = ? AND msg_id = ? AND pair = ? ON CONFLICT DO NOTHING
                    """, ref.owner, ref.app, msgId, pair)
                if db.changes > 0 { hidden.append(msgId) }
            }
            changed = !hidden.isEmpty
            if let beforeTs { changed = try db.hideBefore(ref, pair: pair, time: beforeTs) || changed }
            let update = ConversationsUpdate(
                operation: .messagesRemoved, conversationIds: [ref.peer], conversationType: ref.type, msgIds: msgIds.map { _ in hidden }, beforeTs: beforeTs)
            if changed { try context.notifyOtherDevices(ref, update, now: now) }
            var answer = update
            answer.msgIds = msgIds
            return answer.answer(cursor)
        }
    }
}

extension WriteContext {
    /// Drops the least recently active unpinned entries beyond ``ConversationLimits/maxEntries`` (history stays).
    func trimConversations(app: Int64, owner: String) throws {
        let count = try connection.first("SELECT COUNT(*) FROM conversations WHERE app = ? AND owner = ?", app, owner)?.int(0) ?? 0
        guard count > ConversationLimits.maxEntries else { return }
        let victims = try connection.query(
            "SELECT peer FROM conversations WHERE app = ? AND owner = ? AND pinned_time = 0 ORDER BY latest_time, peer LIMIT ?",
            app, owner, Int(count) - ConversationLimits.maxEntries)
        for victim in victims {
            try connection.query("DELETE FROM conversations WHERE app = ? AND owner = ? AND peer = ?", app, owner, victim.string(0))
            try connection.query("DELETE FROM conversation_marks WHERE app = ? AND owner = ? AND peer = ?", app, owner, victim.string(0))
        }
    }

    /// `onConversationsUpdate` to the owner's other sessions (§5).
    fileprivate func notifyOtherDevices(_ ref: ConversationRef, _ update: ConversationsUpdate, now: Int64) throws {
        _ = try appendEvent(to: ref.user, type: EventType.conversationsUpdate, payloadJSON: try WireJSON.string(update), time: now, except: ref.resource)
    }
}

extension Connection {
    /// The entry's pin time (0 when unpinned), nil when the owner has no such entry.
    fileprivate func entryPinnedTime(_ ref: ConversationRef) throws -> Int64? {
        try first(
            "SELECT pinned_time FROM conversations WHERE app = ? AND owner = ? AND peer = ? AND chat_type = ?",
            ref.app, ref.owner, ref.peer, ref.type.rawValue)?.int(0)
    }

    /// Hides the pair's messages before `time` from the owner; false when an equal or later bound already did.
    @discardableResult
    fileprivate func hideBefore(_ ref: ConversationRef, pair: String, time: Int64) throws -> Bool {
        try query(
            """
            INSERT INTO hidden_before (app, owner, pair, before_time) VALUES (?, ?, ?, ?)
            ON CONFLICT (app, owner, pair) DO UPDATE SET before_time = excluded.before_time WHERE excluded.before_time > before_time
            """, ref.app, ref.owner, pair, time)
        return changes > 0
    }

    /// The newest message since `keptSince` of a one-to-one conversation the viewer has not deleted one-way, as the
    /// viewer sees it.
    fileprivate func latestVisibleMessage(app: Int64, viewer: String, peer: String, keptSince: Int64?) throws -> Message? {
        let row = try query(
            "SELECT json, delivered FROM messages WHERE app = ? AND pair = ? AND body_type <> 'cmd' AND server_time >= ?" + OneWayDeletes.visible
                + " ORDER BY server_time DESC, msg_id DESC LIMIT 1",
            values: [app, OneWayDeletes.pair(viewer, peer), keptSince ?? .min] + OneWayDeletes.values(viewer: viewer)
        ).first
        return try row.map {
            try withServerState(
                WireJSON.decode(Message.self, from: Data($0.string(0).utf8)).viewed(by: viewer, delivered: $0.bool(1)), app: app, viewer: viewer)
        }
    }
}

extension ConversationsUpdate {
    /// The update as a call's answer: with the cursor that preceded the write.
    fileprivate func answer(_ cursor: Int64) -> ConversationsUpdate {
        var answer = self
        answer.cursor = String(cursor)
        return answer
    }
}

extension ConversationQuery.Mode {
    /// A cursor of `owner`'s list in this mode after (`time`, `peer`).
    func cursor(time: Int64, peer: String, owner: String) -> String {
        "\(cursorPrefix(owner: owner)).\(time).\(peer)"
    }

    /// Parses a cursor issued for `owner`'s list in this mode (else 110).
    func parseCursor(_ raw: String, owner: String) throws(ChatError) -> (time: Int64, peer: String) {
        try PageCursor.parse(raw, prefix: cursorPrefix(owner: owner))
    }

    private func cursorPrefix(owner: String) -> String {
        switch self {
        case .all: PageCursor.ownedPrefix("c", owner)
        case .pinned: PageCursor.ownedPrefix("cp", owner)
        case .mark(let mark): PageCursor.ownedPrefix("cm\(mark)", owner)
        }
    }
}

/// Errors of the conversation-list calls.
enum ConversationErrors {
    /// The caller's list has no such entry (§4.5: 110).
    static func noEntry(_ peer: String) -> ChatError {
        ChatError(.invalidParam, "no conversation '\(peer)' in your conversation list")
    }
}
