import IMCore

/// A message being sent, stamped with the server's fields, and its JSON: the stored form and the recipient's event
/// payload. Encoded before the group-commit writer runs (JSON is the costliest step of a send, and the writer is
/// serial), for the `serverTime` the send will most likely get; the writer re-encodes only when it has to bump it.
struct SendEncoding: Sendable {
    /// The message as stored: the sender's view.
    let message: Message
    /// `message` as JSON.
    let storedJSON: String
    /// The recipient's `{"messages":[…]}` payload.
    let receivedPayload: String

    init(_ message: Message, serverTime: Int64) throws {
        var stamped = message
        stamped.serverTime = serverTime
        stamped.conversationId = message.to
        stamped.direction = .send
        stamped.status = .success
        stamped.hasRead = true
        self.message = stamped
        storedJSON = try WireJSON.string(stamped)
        receivedPayload = try MessagePayload.json(stamped.viewed(by: stamped.to, delivered: false))
    }

    /// The sender's answer, its JSON built around the already encoded message.
    func result(cursor: Int64) -> SendResult {
        SendResult(json: "{\"message\":" + storedJSON + ",\"cursor\":\"" + String(cursor) + "\"}")
    }

    /// This encoding when `serverTime` is the one it was made for, else a new one.
    func at(serverTime: Int64) throws -> SendEncoding {
        serverTime == message.serverTime ? self : try SendEncoding(message, serverTime: serverTime)
    }
}

/// A send's answer (`SendMessageResponse`) as JSON.
struct SendResult: Sendable {
    var json: String
}

extension SendResult {
    /// An answer encoded from scratch.
    init(_ response: SendMessageResponse) throws {
        json = try WireJSON.string(response)
    }
}
