extension Event {
    /// Decodes the event's payload (the fields beside `type`, `seq` and `time`) as `T`.
    public func decodePayload<T: Decodable>(_ type: T.Type) throws -> T {
        try WireJSON.decode(T.self, from: WireJSON.encode(payload))
    }
}
