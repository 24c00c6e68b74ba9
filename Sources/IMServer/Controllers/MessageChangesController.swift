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
        let msgId = MessageTarget.msgId(context)
        let now = WallClock.milliseconds()
        let (translated, translationError) = try await translatedEdit(change, call: call, msgId: msgId, now: now)
        let result = try await state.store.modify(call, msgId: msgId, change: translated, now: now) { message in
            // Checked without the server's translations, as a send is.
            var checked = message
            checked.body = message.body.withoutTranslations
            return try MessageValidator.contentError(checked, settings: settings) ?? translationError
        }
        return try APIResponse.json(result)
    }

    /// A new text body translated as at send, so an edit never keeps the old text's translations. Into the body's own
    /// `targetLanguages`, whose failure is reported after the access checks like a send's; or, when it names none, into
    /// the languages the message was sent with, best effort: if that fails the edit is stored without translations.
    private func translatedEdit(_ change: ModifyMessageRequest, call: UserCall, msgId: String, now: Int64) async throws -> (ModifyMessageRequest, ChatError?) {
        guard case .text(var text)? = change.body else { return (change, nil) }
        text.translations = nil
        var inherited = false
        if text.targetLanguages == nil, case .text(let sent)? = try? await state.store.message(call, msgId: msgId, now: now).body,
            let languages = sent.targetLanguages, !languages.isEmpty
        {
            text.targetLanguages = languages
            inherited = true
        }
        var translated = change
        translated.body = .text(text)
        do {
            translated.body = try await state.translation.translated(.text(text), settings: call.app.settings)
        } catch let error as ChatError {
            return (translated, inherited ? nil : error)
        }
        return (translated, nil)
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
