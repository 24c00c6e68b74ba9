import IMCore

extension Shapes {
    /// `MessageOperationResult` of ack, recall, edit, react, pin and report.
    static let messageOperation = Shape(id: "msgId", columns: ["msgId", "cursor", "message.serverTime"])
    /// `ConversationReadAckResult`.
    static let conversationReadAck = Shape(id: "conversationId", columns: ["conversationId", "cursor"])
    /// A row of `msg reactions`.
    static let reaction = Shape(id: "reaction", columns: ["msgId", "reaction", "userCount", "isAddedBySelf"])
    /// A row of `msg reactions --detail`.
    static let reactionUser = Shape(id: "userId", columns: ["userId", "time"])
    /// `MessageReport`.
    static let report = Shape(id: "reportId", columns: ["reportId", "msgId", "reporter", "tag", "reason", "time"])
}
