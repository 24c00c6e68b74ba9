import IMCore

/// The storage of receipts, recall, edit, reactions, pins and reports (semantics §4.3–§4.4). Each call checks its
/// rules and commits the change with all its events in one write.
protocol MessageOperationsStore: Sendable {
    /// `sendMessageReadAck`: marks a received one-to-one message read.
    func messageReadAck(_ call: UserCall, msgId: String, now: Int64) async throws -> MessageOperationResult
    /// `sendConversationReadAck`: clears the caller's unread count with `peer` and marks every message to the caller read.
    func conversationReadAck(_ call: UserCall, peer: String, now: Int64) async throws -> ConversationReadAckResult
    /// `recallMessage`: deletes a message with its reactions, pin and share of unread counts, and releases its
    /// attachments. Returns the result and the content hashes of attachment bytes nobody refers to any more (to
    /// delete with ``FileStore/removeContent(_:)`` now that the recall has committed).
    func recall(_ call: UserCall, msgId: String, ext: String?, now: Int64) async throws -> (result: MessageOperationResult, releasedContent: [String])
    /// `modifyMessage`: replaces a body (same type) and/or the attributes; `contentCheck` re-checks 510/501.
    func modify(
        _ call: UserCall, msgId: String, change: ModifyMessageRequest, now: Int64,
        contentCheck: @escaping @Sendable (Message) throws -> ChatError?
    ) async throws -> MessageOperationResult
    /// `addReaction` / `removeReaction`.
    func react(_ call: UserCall, msgId: String, reaction: String, operate: ReactionOperate, now: Int64) async throws -> MessageOperationResult
    /// `fetchReactionList`: the summaries of the visible messages that have reactions, by message ID.
    func reactionLists(_ call: UserCall, msgIds: [String], now: Int64) async throws -> [String: [MessageReaction]]
    /// `fetchReactionDetail`: one page of the users who gave a reaction, earliest first.
    func reactionDetail(_ call: UserCall, msgId: String, reaction: String, after position: Int64?, pageSize: Int, now: Int64) async throws
        -> CursorResult<ReactionUser>
    /// `pinMessage` / `unpinMessage`.
    func pin(_ call: UserCall, msgId: String, operation: PinOperation, now: Int64) async throws -> MessageOperationResult
    /// `fetchPinnedMessages` of the one-to-one conversation with `peer`, newest pin first.
    func pinnedMessages(_ call: UserCall, peer: String, now: Int64) async throws -> [Message]
    /// `reportMessage`: stores a report for the operator.
    func report(_ call: UserCall, msgId: String, report: ReportRequest, now: Int64) async throws -> MessageOperationResult
    /// The app's reports, newest first (operator).
    func reports(app: Int64) async throws -> [MessageReport]
}
