import Hummingbird
import IMCore

/// Read receipts (§4.3): one message, or a whole conversation.
struct ReceiptsController {
    let state: ServerState

    /// `POST /v1/messages/{msgId}/read-ack`.
    func messageReadAck(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        return try APIResponse.json(try await state.store.messageReadAck(call, msgId: MessageTarget.msgId(context), now: WallClock.milliseconds()))
    }

    /// `POST /v1/conversations/{conversationId}/read-ack`.
    func conversationReadAck(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let peer = try MessageTarget.peer(request, context, roomsAllowed: false)
        return try APIResponse.json(try await state.store.conversationReadAck(call, peer: peer, now: WallClock.milliseconds()))
    }
}
