import FoundationEssentials
import IMCore
import Testing

@Suite("Wire shapes: messages, events, errors")
struct WireShapeTests {
    @Test("a send request needs only to, chatType and body; the encoded message has every field, nulls included")
    func messageDefaults() throws {
        let request = #"{"to":"bob","chatType":"chat","body":{"type":"text","content":"hi"}}"#
        let message = try WireJSON.decode(Message.self, from: Data(request.utf8))
        #expect(message.body == .text(TextBody(content: "hi")))
        #expect(message.msgId.isEmpty && message.attributes.isEmpty)
        let object = try WireJSON.decode([String: JSONValue].self, from: WireJSON.encode(message))
        for field in ["msgId", "conversationId", "from", "to", "chatType", "body", "attributes", "serverTime", "localTime",
                      "direction", "status", "hasRead", "hasReadAck", "hasDeliverAck", "onlineState", "reactionList"] {
            #expect(object[field] != nil, "missing \(field)")
        }
        #expect(object["pinInfo"] == .null)
        #expect(object["chatThread"] == .null)
    }

    @Test("every body type round-trips with its type tag", arguments: [
        MessageBody.text(TextBody(content: "x")),
        .location(LocationBody(latitude: 1.5, longitude: -2, address: "here")),
        .custom(CustomBody(event: "poke", params: ["k": "v"])),
        .cmd(CmdBody(action: "typing")),
        .file(FileBody(displayName: "a.txt", fileSize: 3)),
    ])
    func bodies(body: MessageBody) throws {
        let data = try WireJSON.encode(body)
        #expect(try WireJSON.decode(MessageBody.self, from: data) == body)
        #expect(try WireJSON.decode([String: JSONValue].self, from: data)["type"] == .string(body.type.rawValue))
    }

    @Test("an event's payload sits beside type, seq and time")
    func eventFlattening() throws {
        let event = Event(type: "onTokenWillExpire", seq: 7, time: 1_000, payload: ["code": .int(109)])
        #expect(try JSONValue.parse(WireJSON.string(event)) == JSONValue.parse(#"{"code":109,"seq":7,"time":1000,"type":"onTokenWillExpire"}"#))
        #expect(try WireJSON.decode(Event.self, from: WireJSON.encode(event)) == event)
    }

    @Test("error codes carry their names and HTTP statuses (semantics §2)", arguments: [
        (101, "INVALID_USER_NAME", 400), (108, "TOKEN_EXPIRED", 401), (204, "USER_NOT_FOUND", 404),
        (203, "USER_ALREADY_EXIST", 409), (510, "MESSAGE_SIZE_LIMIT", 413), (502, "MESSAGE_SEND_TRAFFIC_LIMIT", 429),
        (303, "SERVER_UNKNOWN_ERROR", 500), (302, "SERVER_BUSY", 503), (221, "USER_NOT_ON_ROSTER", 403),
    ])
    func errorCodes(code: Int, name: String, status: Int) throws {
        let error = ErrorCode(rawValue: code)
        #expect(error.name == name)
        #expect(error.httpStatus == status)
        let body = try WireJSON.string(APIErrorBody(error: ChatError(error, "x")))
        #expect(try JSONValue.parse(body) == JSONValue.parse(#"{"error":{"code":\#(code),"description":"x","name":"\#(name)"}}"#))
    }
}

extension JSONValue {
    /// Parses JSON text, for comparing documents regardless of key order.
    static func parse(_ text: String) throws -> JSONValue {
        try WireJSON.decode(JSONValue.self, from: Data(text.utf8))
    }
}
