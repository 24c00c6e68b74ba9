#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IMCore
import Testing

@Suite("Event.conversationIds")
struct EventConversationTests {
    @Test("collects the conversation of messages, of the event itself (one or a list) and of its recalls and changes")
    func conversationIds() throws {
        let message = Message(msgId: "m1", conversationId: "bob", from: "bob", to: "alice", chatType: .chat, body: .text(TextBody(content: "x")))
        let messageJSON = try WireJSON.decode(JSONValue.self, from: WireJSON.encode(message))
        #expect(Event(type: EventType.messagesRead, time: 0, payload: ["messages": .array([messageJSON])]).conversationIds == ["bob"])
        #expect(Event(type: EventType.messageContentChanged, time: 0, payload: ["message": messageJSON]).conversationIds == ["bob"])
        #expect(Event(type: EventType.messagePinChanged, time: 0, payload: ["conversationId": .string("carol")]).conversationIds == ["carol"])
        let recalls: JSONValue = .array([.object(["conversationId": .string("dave")])])
        #expect(Event(type: EventType.messagesRecalledInfo, time: 0, payload: ["recalls": recalls]).conversationIds == ["dave"])
        let update: JSONValue = .array([.string("erin"), .string("frank")])
        #expect(Event(type: EventType.conversationsUpdate, time: 0, payload: ["conversationIds": update]).conversationIds == ["erin", "frank"])
        #expect(Event(type: EventType.connected, time: 0).conversationIds.isEmpty)
    }
}

@Suite("EventType.all")
struct EventTypeListTests {
    @Test("names exactly the event types docs/events.md documents (the CLI's --type accepts these and no others)")
    func matchesTheDocs() throws {
        let root = String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
        let text = try String(contentsOfFile: "/" + root + "/docs/events.md", encoding: .utf8)
        let documented = Set(text.matches(of: /`(on[A-Z][A-Za-z]+)`/).map { String($0.1) })
        #expect(Set(EventType.all) == documented)
        #expect(EventType.all.count == Set(EventType.all).count)
    }
}
