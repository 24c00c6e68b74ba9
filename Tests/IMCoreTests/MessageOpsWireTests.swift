import FoundationEssentials
import IMCore
import Testing

@Suite("Wire shapes: receipts, recall, edit, reactions, pins")
struct MessageOpsWireTests {
    private func object(_ value: some Encodable) throws -> [String: JSONValue] {
        try WireJSON.decode([String: JSONValue].self, from: WireJSON.encode(value))
    }

    @Test("null fields stay in the JSON: recallMessage, ext, pinInfo; a result after a recall has no message")
    func nulls() throws {
        let recall = try object(RecallMessageInfo(recallMessageId: "m1", recallBy: "alice", conversationId: "alice", recallMessage: nil, ext: nil))
        #expect(recall["recallMessage"] == .null && recall["ext"] == .null)
        let unpin = try object(MessagePinChange(messageId: "m1", conversationId: "bob", operation: .unpin, pinInfo: nil))
        #expect(unpin["pinInfo"] == .null && unpin["operation"] == .string("unpin"))
        let recalled = try object(MessageOperationResult(msgId: "m1", cursor: "7", message: nil))
        #expect(recalled["message"] == nil && recalled["cursor"] == .string("7"))
    }

    @Test("edit fields appear on a body only once it was edited, on every stored body type")
    func editFields() throws {
        var body = MessageBody.location(LocationBody(latitude: 1, longitude: 2))
        #expect(try object(body)["modifyCount"] == nil)
        body.editInfo = MessageEditInfo(modifyCount: 2, lastModifyOperatorId: "alice", lastModifyTime: 5)
        let edited = try object(body)
        #expect(edited["modifyCount"] == .int(2) && edited["lastModifyOperatorId"] == .string("alice") && edited["lastModifyTime"] == .int(5))
        #expect(try WireJSON.decode(MessageBody.self, from: WireJSON.encode(body)).editInfo.modifyCount == 2)
        #expect(MessageBody.cmd(CmdBody(action: "x")).editInfo.modifyCount == 0)
        #expect(MessageBody.text(TextBody(content: "x")).isReplaceable && !body.isReplaceable)
    }

    @Test("reactionList decodes as typed reactions")
    func reactionList() throws {
        let json = #"{"to":"bob","body":{"type":"text","content":"x"},"reactionList":[{"reaction":"👍","userCount":2,"isAddedBySelf":true,"userList":["a","b"]}]}"#
        let message = try WireJSON.decode(Message.self, from: Data(json.utf8))
        #expect(message.reactionList == [MessageReaction(reaction: "👍", userCount: 2, isAddedBySelf: true, userList: ["a", "b"])])
    }
}
