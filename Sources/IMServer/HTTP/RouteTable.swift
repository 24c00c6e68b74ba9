import Hummingbird
import IMCore

/// THE table of the server's routes: each `IMCore.Route` with its handler. The router is built from it, and a
/// test checks it equals `Route.all` and `docs/openapi.yaml`.
struct RouteTable {
    /// Answers one request; errors become error responses in ``register(on:logger:)``.
    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

    let entries: [(route: Route, handler: Handler)]

    init(state: ServerState) {
        let auth = AuthController(state: state)
        let devices = DeviceController(state: state)
        let events = EventsController(state: state)
        let messages = MessagesController(state: state)
        let admin = AdminController(state: state)
        let receipts = ReceiptsController(state: state)
        let changes = MessageChangesController(state: state)
        let reactions = ReactionsController(state: state)
        let pins = PinsController(state: state)
        let conversations = ConversationsController(state: state)
        let files = FilesController(state: state)
        let translation = TranslationController(state: state)
        entries = [
            (.register, { request, _ in try await auth.register(request) }),
            (.issueToken, { request, _ in try await auth.issueToken(request) }),
            (.login, { request, _ in try await auth.login(request) }),
            (.logout, { request, _ in try await auth.logout(request) }),
            (.renewToken, { request, _ in try await auth.renew(request) }),
            (.listDevices, { request, _ in try await devices.list(request) }),
            (.kickDevices, { request, _ in try await devices.kick(request) }),
            (.events, { request, _ in try await events.events(request) }),
            (.eventCursor, { request, _ in try await events.cursor(request) }),
            (.sendMessage, { request, _ in try await messages.send(request) }),
            (.history, messages.history),
            (.conversations, { request, _ in try await messages.conversations(request) }),
            (.health, { _, _ in try APIResponse.json(["status": "ok"]) }),
            (.adminCreateApp, { request, _ in try await admin.createApp(request) }),
            (.adminListApps, { request, _ in try admin.listApps(request) }),
            (.adminDeleteApp, { request, _ in try await admin.deleteApp(request) }),
            (.adminGetSettings, { request, _ in try admin.settings(request) }),
            (.adminPatchSettings, { request, _ in try await admin.patchSettings(request) }),
            (.adminCreateUser, { request, _ in try await admin.createUser(request) }),
            (.adminListUsers, { request, _ in try await admin.listUsers(request) }),
            (.adminDeleteUser, admin.deleteUser),
            (.adminSetPassword, admin.setPassword),
            (.adminDeactivate, admin.deactivate),
            (.adminReactivate, admin.reactivate),
            (.adminIssueToken, admin.issueToken),
            (.adminRevokeTokens, admin.revokeTokens),
            (.adminForceLogout, admin.forceLogout),
            // Receipts, recall, edit, reactions, pins and reports.
            (.messageReadAck, receipts.messageReadAck),
            (.conversationReadAck, receipts.conversationReadAck),
            (.recallMessage, changes.recall),
            (.modifyMessage, changes.modify),
            (.addReaction, reactions.add),
            (.removeReaction, reactions.remove),
            (.reactionDetail, reactions.detail),
            (.reactionList, { request, _ in try await reactions.list(request) }),
            (.pinMessage, pins.pin),
            (.unpinMessage, pins.unpin),
            (.pinnedMessages, pins.list),
            (.reportMessage, changes.report),
            (.adminReports, { request, _ in try await changes.reports(request) }),
            // Attachments.
            (.uploadFile, files.upload),
            (.downloadFile, files.download),
            // Conversation list (§4.5)
            (.pinConversation, conversations.pin),
            (.deleteConversation, conversations.delete),
            (.removeMessages, conversations.removeMessages),
            (.addConversationMark, { request, _ in try await conversations.mark(request, add: true) }),
            (.removeConversationMark, { request, _ in try await conversations.mark(request, add: false) }),
            // Translation (§4.4)
            (.supportedLanguages, { request, _ in try await translation.languages(request) }),
            (.translateMessage, translation.translate),
        ]
    }

    /// The routes, in table order.
    var routes: [Route] { entries.map(\.route) }

    /// Registers every entry on the router; thrown errors become `APIErrorBody` responses.
    func register(on router: Router<BasicRequestContext>) {
        for (route, handler) in entries {
            guard let method = HTTPRequest.Method(route.method) else { preconditionFailure("bad method in \(route)") }
            router.on(RouterPath(route.path), method: method) { request, context in
                do {
                    return try await handler(request, context)
                } catch {
                    return APIResponse.error(error, logger: context.logger)
                }
            }
        }
    }
}
