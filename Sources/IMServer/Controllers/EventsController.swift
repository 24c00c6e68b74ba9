import Hummingbird
import IMCore
import Logging
import ServiceLifecycle

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The long-poll event channel (§0, §1.2, §1.4, §1.5, §8.2).
struct EventsController {
    let state: ServerState
    /// The most events one response carries.
    static let pageLimit = 100

    /// `GET /v1/events/cursor`: the end of the log right now.
    func cursor(_ request: Request) async throws -> Response {
        _ = try await state.userCall(request)
        return try APIResponse.json(CursorInfo(cursor: String(try await state.store.currentCursor())))
    }

    /// `GET /v1/events?cursor=N&wait=S`: the session's events after the cursor, held up to `wait` seconds until
    /// one commits. Graceful shutdown releases a held request at once.
    func events(_ request: Request) async throws -> Response {
        let call = try await state.userCall(request, allowEnding: true)
        let cursor = try request.queryInt("cursor", in: 0...Int64.max)
        // Every cursor handed out (by a write, a poll or /v1/events/cursor) is at most the durable end of the log.
        if let cursor, case let end = try await state.store.currentCursor(), cursor > end {
            throw ChatError(.invalidParam, "cursor \(cursor) was never issued: the event log ends at \(end)")
        }
        let maxHold = Int64(state.configuration.maxHoldSeconds)
        let wait = try request.queryInt("wait", in: 0...Int64.max).map { min($0, maxHold) } ?? maxHold
        let hub = state.hub
        let batch = try await withGracefulShutdownHandler {
            try await poll(call, cursor: cursor, hold: .seconds(wait))
        } onGracefulShutdown: {
            Task { await hub.shutDown() }
        }
        return try APIResponse.json(batch)
    }

    private func poll(_ call: UserCall, cursor: Int64?, hold: Duration) async throws -> EventBatch {
        let resource = call.session.resource
        let wasOnline = await state.hub.pollStarted(resource, graceSeconds: call.app.settings.onlineGraceSeconds)
        do {
            let batch = try await holdUntilEvents(call, cursor: cursor, until: ContinuousClock.now + hold, backlogFirst: !wasOnline)
            await state.hub.pollEnded(resource)
            return batch
        } catch {
            await state.hub.pollEnded(resource)
            throw error
        }
    }

    private func holdUntilEvents(_ call: UserCall, cursor: Int64?, until holdEnd: ContinuousClock.Instant, backlogFirst: Bool) async throws
        -> EventBatch
    {
        let resource = call.session.resource
        let heldSince = WallClock.milliseconds()
        var isFirstRead = true
        var cursor = cursor
        if cursor == nil { cursor = await state.hub.deliveredCursor(resource) }
        let openBacklog = await state.hub.backlog(resource)
        while true {
            let generation = await state.hub.generation(call.user)
            guard let read = try await state.store.readEvents(resource, after: cursor, limit: Self.pageLimit) else {
                throw ChatErrorFactory.notLoggedIn
            }
            var wakeAt = holdEnd
            if !read.session.isEnding, let token = try await state.store.token(read.session.tokenHash) {
                if let due = try await tokenEventDue(read.session, token, heldSince: heldSince) {
                    try await state.store.sessionEvent(
                        resource, type: due.type, code: due.code, endsSession: due.endsSession, now: WallClock.milliseconds()
                    )
                    continue
                }
                wakeAt = min(wakeAt, nextTokenInstant(read.session, token) ?? holdEnd)
            }
            if !read.events.isEmpty || read.gap || openBacklog != nil || ContinuousClock.now >= holdEnd {
                let backlog = openBacklog.map { BacklogPage(markerOpen: $0) } ?? (isFirstRead && backlogFirst ? BacklogPage(markerOpen: false) : nil)
                return try await deliver(read, backlog: backlog)
            }
            isFirstRead = false
            let keepWaiting = await state.hub.wait(for: call.user, after: generation, until: wakeAt)
            if !keepWaiting { return try await deliver(read, backlog: nil) }
        }
    }

    /// The token event the session is due now, if any: expiry (ends it) or will-expire (once). A poll that was already
    /// held at the will-expire instant gets 109 before 108 even when it wakes after expiry (a late timer on a busy
    /// machine): the session was online then.
    private func tokenEventDue(_ session: SessionRecord, _ token: TokenRecord, heldSince: Int64) async throws
        -> (type: String, code: ErrorCode, endsSession: Bool)?
    {
        let now = WallClock.milliseconds()
        if token.expiresAt != 0, now >= token.expiresAt {
            if !session.willExpireSent, let willAt = token.willExpireAt, heldSince <= willAt {
                return (EventType.tokenWillExpire, .tokenWillExpire, false)
            }
            return (EventType.tokenDidExpire, .tokenExpired, true)
        }
        if !session.willExpireSent, let willAt = token.willExpireAt, now >= willAt {
            return (EventType.tokenWillExpire, .tokenWillExpire, false)
        }
        return nil
    }

    /// The next instant a token event falls due, as a clock instant.
    private func nextTokenInstant(_ session: SessionRecord, _ token: TokenRecord) -> ContinuousClock.Instant? {
        let instants = [session.willExpireSent ? nil : token.willExpireAt, token.expiresAt == 0 ? nil : token.expiresAt].compactMap { $0 }
        guard let next = instants.min() else { return nil }
        return ContinuousClock.now + .milliseconds(max(0, next - WallClock.milliseconds()))
    }

    /// Turns stored entries into the response, then records delivery (cursor, receipts, end of session). A backlog
    /// page carries `onlineState` false; its first message opens the sync marker, and the marker closes on the page
    /// that drains the backlog (a full page means more follows, so the next poll continues the backlog).
    private func deliver(_ read: EventRead, backlog: BacklogPage?) async throws -> EventBatch {
        let session = read.session
        var events = try read.events.map { try Self.event($0, online: backlog == nil) }
        if let backlog {
            let now = WallClock.milliseconds()
            var markerOpen = backlog.markerOpen
            if !markerOpen, read.events.contains(where: { $0.kind != .other }) {
                events.insert(Event(type: EventType.offlineSyncStart, time: now), at: 0)
                markerOpen = true
            }
            let more = read.events.count >= Self.pageLimit
            if markerOpen, !more { events.append(Event(type: EventType.offlineSyncFinish, time: now)) }
            await state.hub.setBacklog(session.resource, markerOpen: more ? markerOpen : nil)
        }
        let cursor = read.events.last?.seq ?? read.resumeCursor
        let delivered = read.events.filter { $0.kind == .receivedMessage }.compactMap(\.msgId)
        let endsSession = session.endSeq.map { end in read.events.contains { $0.seq == end } } ?? false
        if endsSession || cursor != session.cursor || !delivered.isEmpty {
            try await state.store.acknowledge(session, cursor: cursor, delivered: delivered, endsSession: endsSession, now: WallClock.milliseconds())
        }
        if endsSession {
            await state.hub.forget(session.resource)
        } else {
            await state.hub.recordDelivered(session.resource, cursor: cursor)
        }
        return EventBatch(events: events, cursor: String(cursor), gap: read.gap)
    }

    /// A response that delivers (part of) a backlog; `markerOpen` once `onOfflineMessageSyncStart` went out.
    struct BacklogPage {
        var markerOpen: Bool
    }

    /// A stored entry as the wire event; messages carry `onlineState` for this delivery.
    static func event(_ stored: StoredEvent, online: Bool) throws -> Event {
        var payload = try WireJSON.decode([String: JSONValue].self, from: Data(stored.payload.utf8))
        if stored.kind != .other, case .array(let messages)? = payload["messages"] {
            payload["messages"] = .array(
                messages.map { message in
                    guard case .object(var fields) = message else { return message }
                    fields["onlineState"] = .bool(online)
                    return .object(fields)
                }
            )
        }
        return Event(type: stored.type, seq: stored.seq, time: stored.time, payload: payload)
    }
}
