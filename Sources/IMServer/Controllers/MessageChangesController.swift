import Hummingbird
import IMCore

/// Recall, edit and report of one message (§4.4).
struct MessageChangesController {
    let state: ServerState

    /// `POST /v1/messages/{msgId}/recall`.
    func recall(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let body = try await request.decodeWire(RecallRequest.self)
        if let ext = body.ext { try MessageTarget.requireLength(ext, 0...1_024, "ext") }
        let recalled = try await state.store.recall(call, msgId: MessageTarget.msgId(context), ext: body.ext, now: WallClock.milliseconds())
        FileStore(dataDirectory: state.configuration.dataDirectory).removeContent(recalled.releasedContent)
        return try APIResponse.json(recalled.result)
    }

    /// `PATCH /v1/messages/{msgId}`.
    func modify(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let change = try await request.decodeWire(ModifyMessageRequest.self)
        guard change.body != nil || change.attributes != nil else { throw ChatError(.invalidParam, "give a new body, new attributes or both") }
        if let body = change.body { try MessageValidator.validateBody(body) }
        if let attributes = change.attributes { try MessageValidator.validateAttributes(attributes) }
        let settings = call.app.settings
        let result = try await state.store.modify(call, msgId: MessageTarget.msgId(context), change: change, now: WallClock.milliseconds()) {
            try MessageValidator.contentError($0, settings: settings)
        }
        return try APIResponse.json(result)
    }

    /// `POST /v1/messages/{msgId}/reports`.
    func report(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let report = try await request.decodeWire(ReportRequest.self)
        try MessageTarget.requireLength(report.tag, 1...32, "tag")
        try MessageTarget.requireLength(report.reason, 1...512, "reason")
        return try APIResponse.json(
            try await state.store.report(call, msgId: MessageTarget.msgId(context), report: report, now: WallClock.milliseconds()))
    }

    /// `GET /v1/admin/reports` (operator).
    func reports(_ request: Request) async throws -> Response {
        try APIResponse.json(try await state.store.reports(app: try state.operatorApp(request).id))
    }
}
