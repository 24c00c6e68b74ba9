import IMCore

/// Messages: sending, history, the server conversation list and the local conversations.
public final class ChatManager: Sendable {
    let core: ClientCore

    init(core: ClientCore) { self.core = core }

    /// Sends a message. Fills what is empty: `from` (the logged-in user), `msgId` (a new time-ordered 22-character
    /// `[A-Za-z0-9]` id, the idempotency key that makes retries safe) and `localTime`. A file body's `localPath`
    /// (and `thumbnailLocalPath`) without a `remotePath` is uploaded first, streamed from disk, reporting to
    /// `progress`. Then stores the result in the local store (best effort: the send succeeded even if the store
    /// cannot be written).
    public func sendMessage(_ message: Message, progress: TransferProgress? = nil) async throws(ChatError) -> SendMessageResponse {
        let message = try outgoing(try await uploadingAttachments(message, progress: progress))
        let response = try await core.api().call(.sendMessage, SendMessageResponse.self, body: message, idempotent: true)
        core.cache { store throws(ChatError) in try store.save([response.message], countUnread: false) }
        return response
    }

    /// `message` with what a send fills in when empty: `from`, `msgId` (a given one is validated) and `localTime`.
    func outgoing(_ message: Message) throws(ChatError) -> Message {
        var message = message
        if message.from.isEmpty { message.from = try core.session().userId }
        if message.msgId.isEmpty { message.msgId = MessageID.generate() } else { try Validation.msgId(message.msgId) }
        if message.localTime == 0 { message.localTime = EventChannel.now() }
        return message
    }

    /// One page of a conversation's history from the server; with `options.needSave` the messages are also
    /// stored locally.
    public func fetchHistoryMessagesByOption(
        conversationId: String, type: ChatType, options: FetchMessageOptions, cursor: String?, pageSize: Int
    ) async throws(ChatError) -> CursorResult<Message> {
        let query: [(String, String?)] = [
            ("type", type.rawValue),
            ("direction", options.direction.rawValue),
            ("cursor", cursor),
            ("pageSize", String(pageSize)),
            ("from", options.from),
            ("msgTypes", options.msgTypes.map { $0.map(\.rawValue).joined(separator: ",") }),
            ("startTs", options.startTs >= 0 ? String(options.startTs) : nil),
            ("endTs", options.endTs >= 0 ? String(options.endTs) : nil),
        ]
        let page = try await core.api().call(.history, CursorResult<Message>.self, pathParameters: ["conversationId": conversationId], query: query)
        if options.needSave { core.cache { store throws(ChatError) in try store.save(page.data, countUnread: false) } }
        return page
    }

    /// One page of the caller's server conversation list; the entries are also stored locally.
    public func fetchConversationsByOptions(
        _ options: ConversationFetchOptions, cursor: String?, pageSize: Int
    ) async throws(ChatError) -> CursorResult<ServerConversation> {
        let query: [(String, String?)] = [
            ("cursor", cursor),
            ("pageSize", String(pageSize)),
            ("pinned", options.pinned ? "true" : nil),
            ("mark", options.mark.map(String.init)),
        ]
        let answer = try await core.api().call(.conversations, ConversationPage.self, query: query)
        let counted = Int64(answer.eventCursor) ?? 0
        core.cache { store throws(ChatError) in try store.save(answer.data, eventCursor: counted) }
        return answer.page
    }

    /// Calls `handler` for every event the event stream delivers; the same id replaces a previous handler.
    public func addEventHandler(_ id: String, _ handler: @escaping @Sendable (Event) -> Void) {
        core.addEventHandler(id, handler)
    }

    /// Removes an event handler.
    public func removeEventHandler(_ id: String) {
        core.removeEventHandler(id)
    }
}
