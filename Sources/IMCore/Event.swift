/// One event as a device receives it: `{"type":…,"seq":…,"time":…,…payload}` (semantics §0).
///
/// The payload's fields sit beside `type`, `seq` and `time` in the JSON object. `seq` is nil only for the
/// markers the server or the client library adds around a backlog and for client-side connection events.
public struct Event: Sendable, Hashable, Codable {
    public var type: String
    public var seq: Int64?
    public var time: Int64
    public var payload: [String: JSONValue]

    public init(type: String, seq: Int64? = nil, time: Int64, payload: [String: JSONValue] = [:]) {
        self.type = type
        self.seq = seq
        self.time = time
        self.payload = payload
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        type = try c.decode(String.self, forKey: Key(stringValue: "type"))
        seq = try c.decodeIfPresent(Int64.self, forKey: Key(stringValue: "seq"))
        time = try c.decodeIfPresent(Int64.self, forKey: Key(stringValue: "time")) ?? 0
        var payload: [String: JSONValue] = [:]
        for key in c.allKeys where !["type", "seq", "time"].contains(key.stringValue) {
            payload[key.stringValue] = try c.decode(JSONValue.self, forKey: key)
        }
        self.payload = payload
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for (key, value) in payload where !["type", "seq", "time"].contains(key) {
            try c.encode(value, forKey: Key(stringValue: key))
        }
        try c.encode(type, forKey: Key(stringValue: "type"))
        try c.encodeIfPresent(seq, forKey: Key(stringValue: "seq"))
        try c.encode(time, forKey: Key(stringValue: "time"))
    }

    /// The messages an `onMessagesReceived`, `onCmdMessagesReceived` or receipt event carries.
    public func messages() throws -> [Message] {
        guard let value = payload["messages"] else { return [] }
        return try WireJSON.decode([Message].self, from: WireJSON.encode(value))
    }

    /// Every message the event carries whole: its `messages`, or the one `message` of an edit
    /// (`onMessageContentChanged`). Empty when they do not decode as messages (recall infos, for one).
    public func carriedMessages() -> [Message] {
        var carried = (try? messages()) ?? []
        if let single = payload["message"], let message = try? WireJSON.decode(Message.self, from: WireJSON.encode(single)) {
            carried.append(message)
        }
        return carried
    }
}

/// The answer to one event request: the events after the cursor, in commit order.
public struct EventBatch: Sendable, Hashable, Codable {
    /// Events, oldest first.
    public var events: [Event]
    /// The cursor to send with the next request (the `seq` of the last event, or the request's cursor).
    public var cursor: String
    /// True when the requested cursor fell out of retention and the batch resumes at the oldest kept entry.
    public var gap: Bool

    public init(events: [Event], cursor: String, gap: Bool = false) {
        self.events = events
        self.cursor = cursor
        self.gap = gap
    }
}

/// The event names this slice of the system emits; `type` of ``Event``.
public enum EventType {
    public static let messagesReceived = "onMessagesReceived"
    public static let cmdMessagesReceived = "onCmdMessagesReceived"
    public static let messagesDelivered = "onMessagesDelivered"
    public static let connected = "onConnected"
    public static let disconnected = "onDisconnected"
    public static let offlineSyncStart = "onOfflineMessageSyncStart"
    public static let offlineSyncFinish = "onOfflineMessageSyncFinish"
    public static let tokenWillExpire = "onTokenWillExpire"
    public static let tokenDidExpire = "onTokenDidExpire"
    public static let userAuthenticationFailed = "onUserAuthenticationFailed"
    public static let userDidChangePassword = "onUserDidChangePassword"
    public static let userDidLoginFromOtherDevice = "onUserDidLoginFromOtherDevice"
    public static let userDidLoginTooManyDevice = "onUserDidLoginTooManyDevice"
    public static let userDidRemoveFromServer = "onUserDidRemoveFromServer"
    public static let userKickedByOtherDevice = "onUserKickedByOtherDevice"

    /// Events after which the session is over (semantics §1.4): the client clears its stored login.
    public static let forcedLogout: Set<String> = [
        tokenDidExpire, userAuthenticationFailed, userDidChangePassword, userDidLoginFromOtherDevice,
        userDidLoginTooManyDevice, userDidRemoveFromServer, userKickedByOtherDevice,
    ]
}
