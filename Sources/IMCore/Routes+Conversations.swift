extension Route {
    /// Pins or unpins an entry of the caller's server conversation list (body ``PinConversationRequest``).
    public static let pinConversation = Route("POST", "/v1/conversations/{conversationId}/pin")
    /// Removes an entry of the caller's list, by default with its history one-way (`type`, `deleteMessages` query).
    public static let deleteConversation = Route("DELETE", "/v1/conversations/{conversationId}")
    /// One-way deletes of the caller's messages in a conversation (body ``RemoveMessagesRequest``).
    public static let removeMessages = Route("POST", "/v1/conversations/{conversationId}/removed-messages")
    /// Adds a mark to entries of the caller's list (body ``ConversationMarkRequest``).
    public static let addConversationMark = Route("POST", "/v1/conversation-marks/add")
    /// Removes a mark from entries of the caller's list (body ``ConversationMarkRequest``).
    public static let removeConversationMark = Route("POST", "/v1/conversation-marks/remove")

    /// The routes of the server conversation list.
    public static let conversationRoutes: [Route] = [
        pinConversation, deleteConversation, removeMessages, addConversationMark, removeConversationMark,
    ]
}
