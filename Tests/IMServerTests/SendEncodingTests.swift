import IMCore
import Testing

@testable import IMServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite("The JSON of a send, encoded once before the writer")
struct SendEncodingTests {
    let draft = Message(
        msgId: "m-1", conversationId: "", from: "alice", to: "bob", chatType: .chat,
        body: .text(TextBody(content: "quote \" and \u{e9}")), attributes: ["k": .string("v")]
    )

    @Test("the answer built around the stored JSON is the encoder's SendMessageResponse, byte for byte")
    func answerMatchesEncoder() throws {
        let encoding = try SendEncoding(draft, serverTime: 1_700_000_000_123)
        let expected = try WireJSON.string(SendMessageResponse(message: encoding.message, cursor: "42"))
        #expect(encoding.result(cursor: 42).json == expected)
        #expect(try WireJSON.decode(SendMessageResponse.self, from: Data(expected.utf8)).message == encoding.message)
    }

    @Test("a bumped serverTime re-encodes the stored JSON and the recipient's payload; the same one keeps them")
    func bumpedServerTime() throws {
        let likely = try SendEncoding(draft, serverTime: 1_000)
        #expect(try likely.at(serverTime: 1_000).storedJSON == likely.storedJSON)
        let bumped = try likely.at(serverTime: 1_001)
        #expect(bumped.message.serverTime == 1_001)
        #expect(try WireJSON.decode(Message.self, from: Data(bumped.storedJSON.utf8)).serverTime == 1_001)
        let payload = try WireJSON.decode([String: [Message]].self, from: Data(bumped.receivedPayload.utf8))
        #expect(payload["messages"]?.first?.serverTime == 1_001)
        #expect(payload["messages"]?.first?.direction == .receive)
    }
}
