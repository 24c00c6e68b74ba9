extension Event {
    /// Decodes the event's payload (the fields beside `type`, `seq` and `time`) as `T`.
    public func decodePayload<T: Decodable>(_ type: T.Type) throws -> T {
        try WireJSON.decode(T.self, from: WireJSON.encode(payload))
    }
}

extension Event {
    /// The conversations the event is about, from the receiver's point of view: those of the messages it
    /// carries (`messages`, `message`), its own `conversationId` or `conversationIds` (`onConversationsUpdate`), and
    /// those of its `recalls` and `changes`.
    public var conversationIds: [String] {
        var ids = ((try? messages()) ?? []).map(\.conversationId)
        for value in [payload["message"], payload["conversationId"]].compactMap({ $0 }) {
            if let id = value.stringValue ?? value.objectValue?["conversationId"]?.stringValue { ids.append(id) }
        }
        if case .array(let listed)? = payload["conversationIds"] { ids += listed.compactMap(\.stringValue) }
        for key in ["recalls", "changes"] {
            guard case .array(let items)? = payload[key] else { continue }
            ids += items.compactMap { $0.objectValue?["conversationId"]?.stringValue }
        }
        return ids
    }
}
