import IMCore

extension LocalStore {
    /// The kv key of a user's event cursor.
    static func cursorKey(_ userId: String) -> String { "eventCursor.\(userId)" }

    /// Applies one delivered event: stores the messages it carries, applies message operations and advances the
    /// user's cursor. Returns the delivery as this device sees it (a recall names the message only if this device
    /// received it).
    @discardableResult
    func apply(_ delivery: EventDelivery, userId: String) throws(ChatError) -> EventDelivery {
        var delivery = delivery
        let event = delivery.event
        switch event.type {
        case EventType.messagesReceived, EventType.messagesDelivered:
            let messages: [Message]
            do { messages = try event.messages() } catch { throw ChatError(.databaseError, "event \(event.type) carries undecodable messages: \(error)") }
            try save(messages, countUnread: event.type == EventType.messagesReceived, eventSeq: event.seq)
        case EventType.conversationsUpdate:
            let update: ConversationsUpdate
            do { update = try WireJSON.decode(ConversationsUpdate.self, from: WireJSON.encode(JSONValue.object(event.payload))) } catch {
                throw ChatError(.databaseError, "event \(event.type) has an undecodable payload: \(error)")
            }
            try apply(update, event: event)
        default: delivery.event = try applyMessageOperation(event, userId: userId)
        }
        if event.seq != nil { try setValue(delivery.cursor, forKey: Self.cursorKey(userId)) }
        return delivery
    }
}
