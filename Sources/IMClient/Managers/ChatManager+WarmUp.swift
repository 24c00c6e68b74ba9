import IMCore

extension ChatManager {
    /// Pays, before the send, the first-use costs of handling its answer (``ChatClient/warmUp(sending:)``): decodes an
    /// answer shaped like the server's and saves its message in a transaction that is rolled back.
    func rehearseAnswer(to message: Message) {
        guard var answer = try? outgoing(message) else { return }
        if answer.conversationId.isEmpty { answer.conversationId = answer.to }
        answer.direction = .send
        answer.status = .success
        answer.serverTime = EventChannel.now()
        let echoed = try? WireJSON.decode(
            SendMessageResponse.self, from: WireJSON.encode(SendMessageResponse(message: answer, cursor: "0")))
        guard let echoed else { return }
        core.cache { store throws(ChatError) in store.rehearseSave(echoed.message) }
    }
}
