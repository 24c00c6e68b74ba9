import IMCore

extension LocalStore {
    /// The kv key of a user's event cursor.
    static func cursorKey(_ userId: String) -> String { "eventCursor.\(userId)" }

    /// Applies one delivered event: stores the messages it carries and advances the user's cursor.
    func apply(_ delivery: EventDelivery, userId: String) throws(ChatError) {
        let event = delivery.event
        switch event.type {
        case EventType.messagesReceived, EventType.messagesDelivered:
            let messages: [Message]
            do { messages = try event.messages() } catch { throw ChatError(.databaseError, "event \(event.type) carries undecodable messages: \(error)") }
            try save(messages, countUnread: event.type == EventType.messagesReceived)
        case EventType.conversationsUpdate:
            let update: ConversationsUpdate
            do { update = try WireJSON.decode(ConversationsUpdate.self, from: WireJSON.encode(JSONValue.object(event.payload))) } catch {
                throw ChatError(.databaseError, "event \(event.type) has an undecodable payload: \(error)")
            }
            try apply(update)
        default: break
        }
        if event.seq != nil { try setValue(delivery.cursor, forKey: Self.cursorKey(userId)) }
    }
}
