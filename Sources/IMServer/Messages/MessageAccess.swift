import IMCore
import IMSQLite

/// Who may do what with a stored message (semantics §0, §4.3–§4.4): the one place these rules live.
///
/// One-to-one rules today. Group, room and thread rules slot in per `chatType`: membership (602/702) in
/// ``visible(_:to:at:in:)``, owner/admin rights (603/703, exempt from the recall window) in ``authorRight(of:over:)``,
/// and the member lists in ``participants(of:)``.
enum MessageAccess {
    /// The right by which a caller recalls or edits a message.
    enum AuthorRight: Sendable {
        /// The message's sender: bound by the recall window.
        case sender
        /// A group or room owner/admin: not bound by the recall window.
        case moderator
    }

    /// The stored message, if the caller is one of its participants and the app still keeps it at `now` (§8.1: an
    /// expired message is gone before the retention sweep deletes it); unknown, recalled, expired, never stored or
    /// not visible → 500.
    static func visible(_ msgId: String, to call: UserCall, at now: Int64, in db: Connection) throws -> StoredMessage {
        try Validation.msgId(msgId)
        let keptSince = call.app.settings.historyKeptSince(now: now) ?? .min
        guard let stored = try db.storedMessage(app: call.app.id, msgId: msgId), stored.message.serverTime >= keptSince,
            participants(of: stored.message).contains(call.session.userId)
        else {
            throw ChatError(.messageInvalid, "message '\(msgId)' does not exist, was recalled, has expired or is not visible to you")
        }
        return stored
    }

    /// The caller's right to recall or edit a message; anyone but the sender → 210.
    static func authorRight(of caller: String, over message: Message) throws(ChatError) -> AuthorRight {
        guard caller == message.from else {
            throw ChatError(.userPermissionDenied, "only the sender may recall or edit this message")
        }
        return .sender
    }

    /// The users who see a message and receive the events about it (one-to-one: both parties, once each).
    static func participants(of message: Message) -> [String] {
        switch message.chatType {
        case .chat: message.from == message.to ? [message.from] : [message.from, message.to]
        case .groupChat, .chatRoom: []
        }
    }
}
