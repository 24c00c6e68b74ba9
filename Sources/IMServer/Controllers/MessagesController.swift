import Hummingbird
import IMCore

/// Sending, history and the server conversation list (§4.2, §4.5, §6).
struct MessagesController {
    let state: ServerState

    /// `POST /v1/messages`.
    func send(_ request: Request) async throws -> Response {
        let call = try await state.userCall(request)
        let (normalized, toResource) = try MessageValidator.normalized(try await request.decodeWire(Message.self), sender: call.session.userId)
        var message = try await AttachmentResolver(store: state.store, app: call.app).resolved(normalized)
        let now = WallClock.milliseconds()
        var limitError = try MessageValidator.contentError(message, settings: call.app.settings)
        if !state.rateLimiter.allow(call.user, limit: call.app.settings.sendRatePerSecond, now: now), limitError == nil {
            limitError = ChatError(.messageSendTrafficLimit, "more than \(call.app.settings.sendRatePerSecond) messages per second")
        }
        if limitError == nil { limitError = try await PreSendHook.refusal(of: message, app: call.app, store: state.store, logger: state.logger) }
        if limitError == nil {
            // Translated before the write, never inside it; a failure is reported after the existence checks.
            do {
                message = try await state.translation.translatedAtSend(message, settings: call.app.settings)
            } catch let error as ChatError {
                limitError = error
            }
        }
        var plan = SendPlan(app: call.app, senderResource: call.session.resource, message: message, limitError: limitError, now: now)
        plan.toResource = toResource
        if message.deliverOnlineOnly { plan.onlineTargets = try await onlineTargets(of: message, except: call.session.resource, app: call.app) }
        return APIResponse.json(encoded: ByteBuffer(string: try await state.store.send(plan).json))
    }

    /// The sessions of the recipient and the sender's other sessions that are online now (§1.3).
    private func onlineTargets(of message: Message, except senderResource: String, app: AppRecord) async throws -> [SessionTarget] {
        let grace = app.settings.onlineGraceSeconds
        var targets: [SessionTarget] = []
        for userId in Set([message.to, message.from]) {
            for session in try await state.store.sessions(of: UserKey(app: app.id, userId: userId))
            where !session.isEnding && session.resource != senderResource {
                if await state.hub.isOnline(session.resource, graceSeconds: grace) {
                    targets.append(SessionTarget(userId: userId, resource: session.resource))
                }
            }
        }
        return targets
    }

    /// `GET /v1/conversations/{conversationId}/messages`.
    func history(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let direction =
            try request.query("direction").map { raw throws(ChatError) in
                guard let direction = FetchDirection(rawValue: raw) else { throw ChatError(.invalidParam, "direction must be up or down") }
                return direction
            } ?? .up
        var options = FetchMessageOptions(direction: direction)
        options.from = try request.query("from").map { raw throws(ChatError) in try Validation.userId(raw) }
        options.msgTypes = try request.query("msgTypes").map { raw throws(ChatError) in
            try raw.split(separator: ",").map { name throws(ChatError) in
                guard let type = BodyType(rawValue: String(name)) else { throw ChatError(.invalidParam, "unknown message type '\(name)'") }
                return type
            }
        }
        options.startTs = try request.queryInt("startTs", in: -1...Int64.max) ?? -1
        options.endTs = try request.queryInt("endTs", in: -1...Int64.max) ?? -1
        let pageSize = Int(try request.queryInt("pageSize", in: 1...50) ?? 20)
        let peerRaw = context.pathValue("conversationId")
        let peer: String
        switch request.query("type") ?? "chat" {
        case "chat": peer = try Validation.userId(peerRaw)
        case "groupChat": throw GroupErrors.missingGroup(peerRaw)
        case "chatRoom": throw GroupErrors.missingRoom(peerRaw)
        default: throw ChatError(.invalidParam, "type must be chat, groupChat or chatRoom")
        }
        let position = try request.query("cursor").map { raw throws(ChatError) in
            try PageCursor.parseHistory(raw, up: direction == .up, viewer: call.session.userId, peer: peer)
        }
        guard try await state.store.user(UserKey(app: call.app.id, userId: peer)) != nil else { throw ChatErrorFactory.userNotFound(peer) }
        let query = HistoryQuery(
            app: call.app.id, viewer: call.session.userId, peer: peer, options: options, position: position, pageSize: pageSize,
            keptSince: call.app.settings.historyKeptSince(now: WallClock.milliseconds())
        )
        return try APIResponse.json(try await state.store.history(query))
    }

    /// `GET /v1/conversations`: the default, `pinned=true` or `mark=N` listing (§4.5; both → 110).
    func conversations(_ request: Request) async throws -> Response {
        let call = try await state.userCall(request)
        let pinned = try request.queryFlag("pinned") ?? false
        let mark = try request.queryInt("mark", in: 0...19)
        if pinned, mark != nil { throw ChatError(.invalidParam, "ask for pinned or mark, not both") }
        let mode: ConversationQuery.Mode = pinned ? .pinned : mark.map { .mark(Int($0)) } ?? .all
        let pageSize = Int(try request.queryInt("pageSize", in: 1...50) ?? 20)
        let position = try request.query("cursor").map { raw throws(ChatError) in try mode.parseCursor(raw, owner: call.session.userId) }
        let query = ConversationQuery(
            app: call.app.id, owner: call.session.userId, mode: mode, position: position, pageSize: pageSize,
            keptSince: call.app.settings.historyKeptSince(now: WallClock.milliseconds())
        )
        return try APIResponse.json(try await state.store.conversations(query))
    }
}
