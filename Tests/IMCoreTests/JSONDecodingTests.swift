import FoundationEssentials
import IMCore
import Testing

@Suite("JSONParser and JSONValueDecoder read what JSONDecoder reads, and refuse what it refuses")
struct JSONDecodingTests {
    private func ours<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try WireJSON.decode(type, from: Data(text.utf8))
    }

    private func foundations<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    @Test("every message of the encoder tests decodes to the same value as with JSONDecoder", arguments: StreamingJSONEncoderTests.messages)
    func messages(message: Message) throws {
        let text = String(decoding: try JSONEncoder().encode(message), as: UTF8.self)
        #expect(try ours(Message.self, text) == foundations(Message.self, text))
        #expect(try ours(Message.self, text) == message)
    }

    @Test("scalars keep their JSON type; integral doubles fit integers; unknown keys are ignored")
    func scalars() throws {
        #expect(try ours(JSONValue.self, #"{"a":1,"b":1.5,"c":"1","d":true,"e":null,"f":[1e2,-0]}"#)
            == .object(["a": .int(1), "b": .double(1.5), "c": .string("1"), "d": .bool(true), "e": .null, "f": .array([.double(100), .int(0)])]))
        #expect(try ours(Int64.self, "2.0") == 2)
        #expect(throws: DecodingError.self) { try ours(Int64.self, "2.5") }
        #expect(throws: DecodingError.self) { try ours(Int.self, #""2""#) }
        #expect(throws: DecodingError.self) { try ours(String.self, "2") }
        #expect(throws: DecodingError.self) { try ours(Bool.self, "1") }
        #expect(throws: DecodingError.self) { try ours(UInt8.self, "300") }
        #expect(try ours(Double.self, "3") == 3)
        struct Small: Decodable { var token: String }
        #expect(try ours(Small.self, #"{"token":"t","expiresAt":5,"extra":[1,{}]}"#).token == "t")
    }

    @Test("missing keys and wrong containers are errors; optionals accept null and absence")
    func structure() throws {
        struct Shape: Decodable, Equatable { var name: String; var size: Int?; var tags: [String] }
        #expect(try ours(Shape.self, #"{"name":"a","tags":[]}"#) == Shape(name: "a", size: nil, tags: []))
        #expect(try ours(Shape.self, #"{"name":"a","size":null,"tags":["x"]}"#) == Shape(name: "a", size: nil, tags: ["x"]))
        #expect(throws: DecodingError.self) { try ours(Shape.self, #"{"tags":[]}"#) }
        #expect(throws: DecodingError.self) { try ours(Shape.self, #"[]"#) }
        #expect(throws: DecodingError.self) { try ours(Shape.self, #"{"name":"a","tags":{}}"#) }
        #expect(try ours([String: Int].self, #"{"b":2,"a":1}"#) == ["a": 1, "b": 2])
    }

    @Test("strings: escapes, surrogate pairs and raw UTF-8")
    func strings() throws {
        #expect(try ours(String.self, #""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00 é""#) == "a\"\\/\u{08}\u{0C}\n\r\té😀 é")
    }

    @Test("invalid documents are refused", arguments: [
        "", "[1,]", "{'a':1}", "01", "1.", "-", "[1] 2", "\"a\u{01}\"", "\"\\x\"", "\"\\ud800\"", "{\"a\"}", "tru", "[", "1e999",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
    func invalid(text: String) {
        #expect(throws: (any Error).self) { try ours(JSONValue.self, text) }
    }
}
