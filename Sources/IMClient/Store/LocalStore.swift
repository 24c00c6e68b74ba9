import IMCore
import IMSQLite
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The client's SQLite store of one profile (`<dataDirectory>/store.sqlite`): messages, conversations and
/// the event cursor. WAL with a busy timeout, so several `imctl` processes can use one profile at once.
/// Not Sendable: wraps one ``IMSQLite/Connection``.
final class LocalStore {
    let connection: Connection

    /// Opens (creating and migrating when needed) the store at `path`.
    init(path: String) throws(ChatError) {
        do {
            connection = try Connection(path: path, synchronous: .normal, busyTimeoutMilliseconds: 5_000)
            try connection.keepWriteAheadLogOnClose()
            try Migrator(Self.migrations).migrate(connection)
        } catch {
            throw Self.chatError(error)
        }
    }

    /// Stores messages and updates their conversations. Received messages new to the store count as unread
    /// when `countUnread` is set, unless the event that brought them (`eventSeq`) is already in a server count.
    /// `cmd` messages are never stored.
    func save(_ messages: [Message], countUnread: Bool, eventSeq: Int64? = nil) throws(ChatError) {
        try write {
            for message in messages where message.body.type != .cmd {
                try self.saveOne(message, countUnread: countUnread, eventSeq: eventSeq)
            }
        }
    }

    /// Stores entries of the server conversation list (their unread counts and latest messages). `eventCursor` is
    /// the position in the event log that the counts reflect.
    func save(_ conversations: [ServerConversation], eventCursor: Int64) throws(ChatError) {
        try write {
            for conversation in conversations {
                try self.ensureConversation(conversation.conversationId, conversation.type, isThread: false)
                try self.connection.query(
                    """
                    UPDATE conversations SET unreadCount = ?, unreadCountedThroughSeq = MAX(unreadCountedThroughSeq, ?)
                    WHERE conversationId = ? AND type = ?
                    """,
                    conversation.unreadCount, eventCursor, conversation.conversationId, conversation.type.rawValue)
                if let latest = conversation.latestMessage { try self.saveOne(latest, countUnread: false) }
            }
        }
    }

    /// Every conversation, the most recently active first.
    func conversations() throws(ChatError) -> [LocalConversation] {
        try read { try self.connection.query("SELECT * FROM conversations ORDER BY latestTime DESC, conversationId").map(Self.conversation) }
    }

    /// One conversation; with `create`, an empty one is created when missing.
    func conversation(_ id: String, type: ChatType, create: Bool) throws(ChatError) -> LocalConversation? {
        if create { try write { try self.ensureConversation(id, type, isThread: false) } }
        return try read {
            try self.connection.first("SELECT * FROM conversations WHERE conversationId = ? AND type = ?", id, type.rawValue)
                .map(Self.conversation)
        }
    }

    /// The stored messages of a conversation, oldest first.
    func messages(in conversationId: String, type: ChatType) throws(ChatError) -> [Message] {
        try read {
            try self.connection.query(
                "SELECT json FROM messages WHERE conversationId = ? AND chatType = ? ORDER BY serverTime, msgId",
                conversationId, type.rawValue
            ).map { try Self.decode(Message.self, $0.string(0)) }
        }
    }

    /// A stored string value (event cursor and similar), nil when absent.
    func value(forKey key: String) throws(ChatError) -> String? {
        try read { try self.connection.first("SELECT value FROM kv WHERE key = ?", key)?.string(0) }
    }

    /// Stores a string value.
    func setValue(_ value: String, forKey key: String) throws(ChatError) {
        try write { try self.connection.query("INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value) }
    }

    /// Stores one message (replacing a stored one with the same id) and moves its conversation's latest and
    /// last received message forward. Must run inside ``write(_:)``.
    func saveOne(_ message: Message, countUnread: Bool, eventSeq: Int64? = nil) throws {
        let json = try WireJSON.string(message)
        let time = message.sortTime
        let isNew = try connection.first("SELECT 1 FROM messages WHERE msgId = ?", message.msgId) == nil
        try connection.query(
            """
            INSERT INTO messages (msgId, conversationId, chatType, serverTime, json, sender, bodyType, searchText)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (msgId) DO UPDATE SET conversationId = excluded.conversationId, chatType = excluded.chatType,
                serverTime = excluded.serverTime, json = excluded.json, sender = excluded.sender,
                bodyType = excluded.bodyType, searchText = excluded.searchText
            """,
            message.msgId, message.conversationId, message.chatType.rawValue, time, json, message.from,
            message.body.type.rawValue, message.searchText)
        let type = message.chatType.rawValue
        try ensureConversation(message.conversationId, message.chatType, isThread: message.isChatThreadMessage)
        try connection.query(
            "UPDATE conversations SET latestTime = ?, latestMessage = ? WHERE conversationId = ? AND type = ? AND latestTime <= ?",
            time, json, message.conversationId, type, time)
        guard message.direction == .receive else { return }
        try connection.query(
            "UPDATE conversations SET lastReceivedTime = ?, lastReceivedMessage = ? WHERE conversationId = ? AND type = ? AND lastReceivedTime <= ?",
            time, json, message.conversationId, type, time)
        if countUnread && isNew && !message.hasRead {
            try changeUnread(to: "unreadCount + 1", conversationId: message.conversationId, type: message.chatType, eventSeq: eventSeq)
        }
    }

    /// Saves `message` in a transaction that is rolled back: the statements a save runs get compiled and the pages it
    /// touches read, so a real save soon after is short. Changes nothing.
    func rehearseSave(_ message: Message) {
        guard (try? connection.execute("BEGIN")) != nil else { return }
        try? saveOne(message, countUnread: false)
        try? connection.execute("ROLLBACK")
    }

    /// Sets a conversation's unread count to `expression` for an event (`eventSeq`; nil for the user's own calls) unless
    /// the count already reflects the event: a server count read after it (`conv fetch`), or a clearing event applied
    /// before and now replayed (an `events` run that stopped early leaves its position before events it applied).
    /// Receives and recalls are safe to replay anyway (a stored message is not counted twice, a recalled one is gone);
    /// a clearing event (`clears`: a read, a delete) is not, so it moves the mark up to itself. Must run inside
    /// ``write(_:)``.
    func changeUnread(to expression: String, conversationId: String, type: ChatType, eventSeq: Int64?, clears: Bool = false) throws {
        try connection.query(
            """
            UPDATE conversations SET unreadCount = \(expression), unreadCountedThroughSeq = MAX(unreadCountedThroughSeq, ?)
            WHERE conversationId = ? AND type = ? AND unreadCountedThroughSeq < ?
            """,
            clears ? eventSeq ?? 0 : 0, conversationId, type.rawValue, eventSeq ?? Int64.max)
    }

    /// Creates an empty conversation row when missing. Must run inside ``write(_:)``.
    func ensureConversation(_ id: String, _ type: ChatType, isThread: Bool) throws {
        try connection.query(
            "INSERT INTO conversations (conversationId, type, isChatThread) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", id, type.rawValue, isThread)
    }

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`, so it waits for another process's writer).
    @discardableResult
    func write<T>(_ body: () throws -> T) throws(ChatError) -> T {
        let result: T
        do { result = try connection.transaction(body) } catch { throw Self.chatError(error) }
        try? connection.truncateWriteAheadLog(ifLargerThan: Self.maxWriteAheadLogBytes)
        return result
    }

    /// How large the kept WAL may grow before a write empties it (every command re-reads it when it opens the store).
    static let maxWriteAheadLogBytes = 512 * 1024

    /// Runs a read, mapping failures to ``ChatError`` 3.
    func read<T>(_ body: () throws -> T) throws(ChatError) -> T {
        do { return try body() } catch { throw Self.chatError(error) }
    }

    static func conversation(_ row: Row) throws -> LocalConversation {
        LocalConversation(
            conversationId: row["conversationId"].text,
            type: ChatType(rawValue: row["type"].text) ?? .chat,
            unreadCount: Int(row["unreadCount"].integer),
            isChatThread: row["isChatThread"].integer != 0,
            ext: try decode([String: String].self, row["ext"].text),
            latestMessage: try row["latestMessage"].optionalText.map { try decode(Message.self, $0) },
            lastReceivedMessage: try row["lastReceivedMessage"].optionalText.map { try decode(Message.self, $0) })
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try WireJSON.decode(type, from: Data(text.utf8))
    }

    /// Store failures surface as ChatError 3 (`DATABASE_ERROR`).
    static func chatError(_ error: any Error) -> ChatError {
        if let error = error as? ChatError { return error }
        return ChatError(.databaseError, "local store: \(error)")
    }
}

@available(*, unavailable)
extension LocalStore: Sendable {}

extension SQLValue {
    /// The text of a TEXT value, "" otherwise.
    var text: String { optionalText ?? "" }

    /// The text of a TEXT value, nil otherwise.
    var optionalText: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The value of an INTEGER, 0 otherwise.
    var integer: Int64 {
        if case .integer(let value) = self { return value }
        return 0
    }
}
