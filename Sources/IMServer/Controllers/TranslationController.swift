import Hummingbird
import IMCore

/// Translation (§4.4): the languages of the app's provider, and translating a stored text message.
struct TranslationController {
    let state: ServerState

    /// `GET /v1/translation/languages`: any user; `[]` when the app has no provider.
    func languages(_ request: Request) async throws -> Response {
        let call = try await state.userCall(request)
        return try APIResponse.json(try await state.translation.supportedLanguages(call.app.settings))
    }

    /// `POST /v1/messages/{msgId}/translations`: a participant's text message with the new translations merged
    /// into its body's `translations`. Nothing is stored. Errors in §0 order: 110, 500, 1111, 1110, 1112/1113.
    func translate(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let msgId = context.pathValue("msgId")
        try Validation.msgId(msgId)
        let languages = try await request.decodeWire(TranslateMessageRequest.self).targetLanguages
        var message = try await state.store.message(call, msgId: msgId, now: WallClock.milliseconds())
        _ = try state.translation.requireProvider(call.app.settings)
        guard case .text(var text) = message.body else {
            throw ChatError(.translateParamInvalid, "only text messages can be translated, not \(message.body.type.rawValue)")
        }
        let translations = try await state.translation.translate(text.content, into: languages, settings: call.app.settings)
        text.translations = (text.translations ?? [:]).merging(translations) { _, new in new }
        message.body = .text(text)
        return try APIResponse.json(message)
    }
}
