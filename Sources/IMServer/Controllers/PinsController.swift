import Hummingbird
import IMCore

/// Pinned messages (§4.4).
struct PinsController {
    let state: ServerState

    /// `POST /v1/messages/{msgId}/pin`.
    func pin(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try await change(.pin, request, context)
    }

    /// `DELETE /v1/messages/{msgId}/pin`.
    func unpin(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try await change(.unpin, request, context)
    }

    /// `GET /v1/conversations/{conversationId}/pins`.
    func list(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let peer = try MessageTarget.peer(request, context)
        return try APIResponse.json(try await state.store.pinnedMessages(call, peer: peer, now: WallClock.milliseconds()))
    }

    private func change(_ operation: PinOperation, _ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        return try APIResponse.json(
            try await state.store.pin(call, msgId: MessageTarget.msgId(context), operation: operation, now: WallClock.milliseconds()))
    }
}
