extension Route {
    /// `sendMessageReadAck`: the receiver read one message.
    public static let messageReadAck = Route("POST", "/v1/messages/{msgId}/read-ack")
    /// `sendConversationReadAck`: the caller read a whole conversation (`type` query, default `chat`).
    public static let conversationReadAck = Route("POST", "/v1/conversations/{conversationId}/read-ack")
    /// `recallMessage` with an optional `ext`.
    public static let recallMessage = Route("POST", "/v1/messages/{msgId}/recall")
    /// `modifyMessage`: a new body and/or new attributes.
    public static let modifyMessage = Route("PATCH", "/v1/messages/{msgId}")
    /// `addReaction`.
    public static let addReaction = Route("POST", "/v1/messages/{msgId}/reactions")
    /// `removeReaction` (`reaction` query).
    public static let removeReaction = Route("DELETE", "/v1/messages/{msgId}/reactions")
    /// `fetchReactionDetail`: who gave one reaction (`reaction`, `cursor`, `pageSize` queries).
    public static let reactionDetail = Route("GET", "/v1/messages/{msgId}/reactions")
    /// `fetchReactionList`: the summaries of several messages (`msgIds`, `chatType`, `groupId` queries).
    public static let reactionList = Route("GET", "/v1/reactions")
    /// `pinMessage`.
    public static let pinMessage = Route("POST", "/v1/messages/{msgId}/pin")
    /// `unpinMessage`.
    public static let unpinMessage = Route("DELETE", "/v1/messages/{msgId}/pin")
    /// `fetchPinnedMessages` (`type` query, default `chat`).
    public static let pinnedMessages = Route("GET", "/v1/conversations/{conversationId}/pins")
    /// `reportMessage`.
    public static let reportMessage = Route("POST", "/v1/messages/{msgId}/reports")
    /// Operator: the app's message reports, newest first.
    public static let adminReports = Route("GET", "/v1/admin/reports")

    /// The routes of receipts, recall, edit, reactions, pins and reports.
    public static let messageOpsRoutes: [Route] = [
        messageReadAck, conversationReadAck, recallMessage, modifyMessage, addReaction, removeReaction, reactionDetail,
        reactionList, pinMessage, unpinMessage, pinnedMessages, reportMessage, adminReports,
    ]
}
