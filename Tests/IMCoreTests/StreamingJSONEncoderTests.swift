import FoundationEssentials
import IMCore
import Testing

@Suite("StreamingJSONEncoder writes what Foundation's JSONEncoder writes")
struct StreamingJSONEncoderTests {
    /// Both encoders' output, parsed, so key order does not matter. Foundation writes an integral double without its
    /// fraction (`1.0` as `1`), which reads back as an integer; ours keeps it, so such doubles compare as integers here.
    private func bothParsed<T: Encodable>(_ value: T) throws -> (streaming: JSONValue, foundation: JSONValue) {
        let streaming = try WireJSON.decode(JSONValue.self, from: Data(StreamingJSONEncoder.encode(value)))
        let foundation = try WireJSON.decode(JSONValue.self, from: WireJSON.encoder().encode(value))
        return (integralDoublesAsIntegers(streaming), foundation)
    }

    private func integralDoublesAsIntegers(_ value: JSONValue) -> JSONValue {
        switch value {
        case .double(let number) where number == number.rounded() && abs(number) < 1e15: .int(Int64(number))
        case .array(let items): .array(items.map(integralDoublesAsIntegers))
        case .object(let fields): .object(fields.mapValues(integralDoublesAsIntegers))
        default: value
        }
    }

    @Test("a double stays a double through encoding and parsing, integral or not (attribute types are kept exactly)")
    func doublesKeepTheirType() throws {
        let attributes: [String: JSONValue] = ["one": .double(1), "minus": .double(-90), "big": .double(1e20), "int": .int(1)]
        let text = String(decoding: try StreamingJSONEncoder.encode(attributes), as: UTF8.self)
        #expect(text == #"{"big":1e+20,"int":1,"minus":-90.0,"one":1.0}"#)
        #expect(try WireJSON.decode([String: JSONValue].self, from: Data(text.utf8)) == attributes)
    }

    static let messages: [Message] = {
        var full = Message(
            msgId: "m1", conversationId: "bob", from: "alice", to: "bob", chatType: .chat,
            body: .text(TextBody(content: "quote \" backslash \\ newline \n tab \t bell \u{07} slash / é 😀", targetLanguages: ["es"])),
            attributes: ["n": .int(-3), "d": .double(1.25), "s": .string("1"), "b": .bool(false), "z": .null,
                         "o": .object(["k": .array([.int(1), .string("x"), .object([:])])])],
            serverTime: 1_700_000_000_123, localTime: 5
        )
        full.pinInfo = PinInfo(pinTime: 9, operatorId: "bob")
        full.reactionList = [MessageReaction(reaction: "👍", userCount: 2, isAddedBySelf: true, userList: ["alice", "bob"])]
        let bodies: [MessageBody] = [
            .location(LocationBody(latitude: -90, longitude: 180.5, address: "a", buildingName: nil)),
            .custom(CustomBody(event: "poke", params: ["b": "2", "a": "1"])),
            .cmd(CmdBody(action: "typing")),
            .file(FileBody(displayName: "a.txt", fileSize: 3, remotePath: "/f/1", secret: "s")),
            .image(FileBody(displayName: "p.jpg")),
        ]
        return [full] + bodies.map { Message(msgId: "x", conversationId: "c", from: "f", to: "t", chatType: .chat, body: $0) }
    }()

    @Test("messages of every body type encode to the same document", arguments: messages)
    func message(message: Message) throws {
        let (streaming, foundation) = try bothParsed(message)
        #expect(streaming == foundation)
        #expect(try WireJSON.decode(Message.self, from: WireJSON.encode(message)) == message)
    }

    @Test("events, batches, errors and cursor results encode to the same document")
    func wrappers() throws {
        let event = Event(type: "onMessagesReceived", seq: 7, time: 1, payload: ["messages": .array([]), "code": .int(1)])
        #expect(try bothParsed(EventBatch(events: [event], cursor: "7", gap: true)).streaming == bothParsed(EventBatch(events: [event], cursor: "7", gap: true)).foundation)
        let error = APIErrorBody(error: ChatError(.userNotFound, "no \"bob\""))
        #expect(try bothParsed(error).streaming == bothParsed(error).foundation)
        let page = CursorResult(cursor: nil, data: Self.messages)
        #expect(try bothParsed(page).streaming == bothParsed(page).foundation)
    }

    @Test("dictionaries are written with sorted keys, so their bytes are stable")
    func sortedDictionaries() throws {
        let value: [String: JSONValue] = ["b": .int(1), "a": .object(["y": .bool(true), "x": .null])]
        #expect(String(decoding: try StreamingJSONEncoder.encode(value), as: UTF8.self) == #"{"a":{"x":null,"y":true},"b":1}"#)
        #expect(String(decoding: try StreamingJSONEncoder.encode(["z": "1", "a": "2"]), as: UTF8.self) == #"{"a":"2","z":"1"}"#)
    }

    @Test("control characters are escaped; slashes and non-ASCII are not")
    func escaping() throws {
        let text = String(decoding: try StreamingJSONEncoder.encode("a/\u{01}\u{1F}\r\"é"), as: UTF8.self)
        #expect(text == #""a/\u0001\u001f\r\"é""#)
    }

    @Test("nested containers, arrays of optionals and empty values")
    func nesting() throws {
        struct Inner: Encodable { var list: [Int?] = [1, nil]; var empty: [String] = [] }
        struct Outer: Encodable {
            var inner = Inner()
            var nothing: Int? = nil
            var matrix: [[Int]] = [[1, 2], [], [3]]
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(inner, forKey: Key(stringValue: "inner")!)
                try container.encodeIfPresent(nothing, forKey: Key(stringValue: "nothing")!)
                var nested = container.nestedContainer(keyedBy: Key.self, forKey: Key(stringValue: "nested")!)
                try nested.encode(matrix, forKey: Key(stringValue: "matrix")!)
                try container.encode(2.5, forKey: Key(stringValue: "after")!)
            }
        }
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        let (streaming, foundation) = try bothParsed(Outer())
        #expect(streaming == foundation)
    }

    @Test("non-finite doubles are refused, as JSONEncoder refuses them")
    func nonFinite() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.encode(JSONValue.double(.infinity)) }
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.encode([Double.nan]) }
    }
}
