import Hummingbird
import IMCore

/// The caller's server conversation list: pins, marks, deletes and one-way message deletes (§4.5).
struct ConversationsController {
    let state: ServerState

    /// `POST /v1/conversations/{conversationId}/pin`.
    func pin(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let body = try await request.decodeWire(PinConversationRequest.self)
        let ref = try reference(call, context.pathValue("conversationId"), type: body.type)
        return try APIResponse.json(try await state.store.pinConversation(ref, isPinned: body.isPinned, now: WallClock.milliseconds()))
    }

    /// `POST /v1/conversation-marks/add` and `/remove`.
    func mark(_ request: Request, add: Bool) async throws -> Response {
        let call = try await state.userCall(request)
        let body = try await request.decodeWire(ConversationMarkRequest.self)
        guard (0...19).contains(body.mark) else { throw ChatError(.invalidParam, "mark must be 0 to 19") }
        var ids: [String] = []
        for raw in body.conversationIds where !ids.contains(raw.lowercased()) { ids.append(raw.lowercased()) }
        guard (1...20).contains(ids.count) else { throw ChatError(.invalidParam, "give 1 to 20 conversation IDs") }
        let refs = try ids.map { id throws(ChatError) in try reference(call, id, type: body.type) }
        return try APIResponse.json(try await state.store.markConversations(refs, mark: body.mark, add: add, now: WallClock.milliseconds()))
    }

    /// `DELETE /v1/conversations/{conversationId}?type=…&deleteMessages=…`.
    func delete(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let type = try request.query("type").map { raw throws(ChatError) in try Self.chatType(raw) } ?? .chat
        let ref = try reference(call, context.pathValue("conversationId"), type: type)
        try await requireTarget(ref)
        let deleteMessages = try request.queryFlag("deleteMessages") ?? true
        return try APIResponse.json(try await state.store.deleteConversation(ref, deleteMessages: deleteMessages, now: WallClock.milliseconds()))
    }

    /// `POST /v1/conversations/{conversationId}/removed-messages`.
    func removeMessages(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let body = try await request.decodeWire(RemoveMessagesRequest.self)
        let ref = try reference(call, context.pathValue("conversationId"), type: body.type)
        switch (body.msgIds, body.beforeTs) {
        case (let ids?, nil):
            guard (1...50).contains(Set(ids).count) else { throw ChatError(.invalidParam, "give 1 to 50 message IDs") }
            for id in ids { try Validation.msgId(id) }
        case (nil, let before?):
            guard before >= 0 else { throw ChatError(.invalidParam, "beforeTs must be a Unix time in ms") }
        default:
            throw ChatError(.invalidParam, "give msgIds or beforeTs, exactly one")
        }
        try await requireTarget(ref)
        let msgIds = body.msgIds.map { ids in ids.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } } }
        return try APIResponse.json(
            try await state.store.removeMessages(ref, msgIds: msgIds, beforeTs: body.beforeTs, now: WallClock.milliseconds()))
    }

    /// The caller's entry for a conversation id of `type`; rooms have no entries (110).
    private func reference(_ call: UserCall, _ raw: String, type: ChatType) throws(ChatError) -> ConversationRef {
        let peer: String
        switch type {
        case .chat: peer = try Validation.userId(raw)
        case .groupChat: peer = raw
        case .chatRoom: throw ChatError(.invalidParam, "chat rooms have no conversation list entries")
        }
        return ConversationRef(app: call.app.id, owner: call.session.userId, peer: peer, type: type, resource: call.session.resource)
    }

    /// The conversation must exist: the peer user (204), or the group (600/606 until groups exist).
    private func requireTarget(_ ref: ConversationRef) async throws {
        switch ref.type {
        case .chat:
            guard try await state.store.user(UserKey(app: ref.app, userId: ref.peer)) != nil else { throw ChatErrorFactory.userNotFound(ref.peer) }
        case .groupChat, .chatRoom:
            throw GroupErrors.missingGroup(ref.peer)
        }
    }

    private static func chatType(_ raw: String) throws(ChatError) -> ChatType {
        guard let type = ChatType(rawValue: raw) else { throw ChatError(.invalidParam, "type must be chat, groupChat or chatRoom") }
        return type
    }
}

extension Request {
    /// A `true`/`false` query parameter; absent → nil; anything else → 110.
    func queryFlag(_ name: String) throws(ChatError) -> Bool? {
        switch query(name) {
        case nil: nil
        case "true": true
        case "false": false
        default: throw ChatError(.invalidParam, "\(name) must be true or false")
        }
    }
}
