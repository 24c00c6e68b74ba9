import Hummingbird
import IMCore

/// Reactions (§4.4).
struct ReactionsController {
    let state: ServerState

    /// `POST /v1/messages/{msgId}/reactions`.
    func add(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let reaction = try Self.checked(try await request.decodeWire(ReactionRequest.self).reaction)
        return try APIResponse.json(
            try await state.store.react(call, msgId: MessageTarget.msgId(context), reaction: reaction, operate: .add, now: WallClock.milliseconds()))
    }

    /// `DELETE /v1/messages/{msgId}/reactions?reaction=…`.
    func remove(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let reaction = try Self.checked(request.query("reaction") ?? "")
        return try APIResponse.json(
            try await state.store.react(call, msgId: MessageTarget.msgId(context), reaction: reaction, operate: .remove, now: WallClock.milliseconds()))
    }

    /// `GET /v1/reactions?msgIds=a,b&chatType=chat[&groupId=…]`: at most 20 IDs.
    func list(_ request: Request) async throws -> Response {
        let call = try await state.userCall(request)
        let msgIds = Array(Set((request.query("msgIds") ?? "").split(separator: ",").map(String.init)))
        guard (1...20).contains(msgIds.count) else { throw ChatError(.invalidParam, "give 1 to 20 message IDs") }
        for msgId in msgIds { try Validation.msgId(msgId) }
        switch request.query("chatType") ?? "chat" {
        case "chat": break
        case "groupChat":
            guard let group = request.query("groupId") else { throw ChatError(.invalidParam, "groupChat needs a groupId") }
            throw ChatError(ErrorCode(rawValue: 602), "you are not a member of group '\(group)'")
        default: throw ChatError(.invalidParam, "chatType must be chat or groupChat")
        }
        return try APIResponse.json(try await state.store.reactionLists(call, msgIds: msgIds, now: WallClock.milliseconds()))
    }

    /// `GET /v1/messages/{msgId}/reactions?reaction=…&cursor=…&pageSize=…`.
    func detail(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let msgId = MessageTarget.msgId(context)
        let reaction = try Self.checked(request.query("reaction") ?? "")
        let pageSize = Int(try request.queryInt("pageSize", in: 1...50) ?? 20)
        let position = try request.query("cursor").map { raw throws(ChatError) in try PageCursor.parseReactionDetail(raw, msgId: msgId) }
        return try APIResponse.json(
            try await state.store.reactionDetail(
                call, msgId: msgId, reaction: reaction, after: position, pageSize: pageSize, now: WallClock.milliseconds()))
    }

    /// A reaction is 1–128 bytes (110).
    private static func checked(_ reaction: String) throws(ChatError) -> String {
        try MessageTarget.requireLength(reaction, 1...128, "reaction")
        return reaction
    }
}
