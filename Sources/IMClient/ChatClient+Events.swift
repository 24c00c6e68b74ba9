import IMCore

extension ChatClient {
    /// The long-poll event channel as a stream.
    ///
    /// `since`: nil = the position stored in the local store (or the server's stored position for this
    /// device); `now`, `start` or a decimal cursor as cli-conventions §4. Emits `onConnected` first,
    /// `onDisconnected`/`onConnected` around reconnects (exponential back-off with jitter, resuming from the
    /// last cursor); throws if the very first connection fails. A gap is flagged on the first event after it.
    /// Forced-logout events are delivered, then the stored login is cleared and the stream finishes. Events
    /// are applied to the local store (messages, conversations, cursor) before they are yielded.
    /// `drain`: poll without holding and finish at the first answer without events — what is pending, then the end.
    public func events(since: String?, drain: Bool = false) -> AsyncThrowingStream<EventDelivery, any Error> {
        let core = self.core
        let session = Locked<StoredLogin?>(nil)
        var channel = EventChannel(
            start: { () throws(ChatError) -> String? in
                let login = try core.session()
                session.set(login)
                return try await Self.startCursor(since, login: login, core: core)
            },
            poll: { cursor, wait throws(ChatError) in
                try await core.api().call(
                    .events, EventBatch.self, query: [("cursor", cursor), ("wait", String(wait))], idempotent: false,
                    timeout: .seconds(wait + 15), maxAttempts: 1)
            },
            hooks: EventChannel.Hooks(
                apply: { delivery in
                    guard let login = session.value else { return delivery }
                    var applied = delivery
                    core.cache { store throws(ChatError) in applied = try store.apply(delivery, userId: login.userId) }
                    core.notify(applied.event)
                    switch applied.event.type {
                    case EventType.tokenWillExpire: core.notify(.tokenWillExpire)
                    case EventType.tokenDidExpire: core.notify(.tokenDidExpire)
                    default: break
                    }
                    return applied
                },
                connection: { core.notify($0) },
                loggedOut: { event in
                    if let login = session.value { core.credentials.clear(ifStillSession: login) }
                    core.notify(.loggedOut(event))
                }))
        channel.drains = drain
        return channel.stream()
    }

    /// Moves the stored event position (where `events(since: nil)` resumes) back to `cursor`: for a consumer that
    /// stops before it has handled every delivery the channel already applied, so the next run shows them again.
    /// Applying them a second time changes nothing in the local store.
    public func rewindEventCursor(to cursor: String) throws(ChatError) {
        let userId = try core.session().userId
        try core.store.with { store throws(ChatError) in try store.setValue(cursor, forKey: LocalStore.cursorKey(userId)) }
    }

    private static func startCursor(_ since: String?, login: StoredLogin, core: ClientCore) async throws(ChatError) -> String? {
        switch since {
        case nil: return try core.store.with { store throws(ChatError) in try store.value(forKey: LocalStore.cursorKey(login.userId)) }
        case "now": return try await core.api().call(.eventCursor, CursorInfo.self).cursor
        case "start": return "0"
        case let cursor?:
            guard !cursor.isEmpty, cursor.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw ChatError(.invalidParam, "cursor must be a decimal number, 'now' or 'start', not '\(cursor)'")
            }
            return cursor
        }
    }
}
