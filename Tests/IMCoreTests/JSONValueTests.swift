import FoundationEssentials
import IMCore
import Testing

@Suite("JSONValue keeps every JSON type exactly")
struct JSONValueTests {
    @Test("a string stays a string, an integer an integer, a double a double", arguments: [
        (#"{"a":"1"}"#, JSONValue.string("1")),
        (#"{"a":1}"#, JSONValue.int(1)),
        (#"{"a":1.5}"#, JSONValue.double(1.5)),
        (#"{"a":true}"#, JSONValue.bool(true)),
        (#"{"a":null}"#, JSONValue.null),
        (#"{"a":[1,"x"]}"#, JSONValue.array([.int(1), .string("x")])),
        (#"{"a":{"b":false}}"#, JSONValue.object(["b": .bool(false)])),
    ])
    func roundTrip(json: String, expected: JSONValue) throws {
        let decoded = try WireJSON.decode([String: JSONValue].self, from: Data(json.utf8))
        #expect(decoded["a"] == expected)
        #expect(try WireJSON.string(decoded) == json)
    }
}
