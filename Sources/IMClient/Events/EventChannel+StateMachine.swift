import IMCore

extension EventChannel {
    /// The event channel's logic as a pure value: cursor, back-off and phase. Each input returns the actions
    /// the loop must carry out, in order; the last one is always `poll`, `sleep`, `finish` or `stop`.
    struct StateMachine: Sendable {
        /// Where the channel is.
        enum Phase: Sendable, Hashable {
            case idle
            /// The very first connection; its failure is final (fail fast).
            case connecting
            case connected
            /// Lost; `attempt` reconnections have been tried.
            case reconnecting(attempt: Int)
            case stopped
        }

        /// What the loop must do next.
        enum Action: Sendable, Hashable {
            /// Send an event request; `wait` is the hold in seconds (0 answers at once).
            case poll(cursor: String?, wait: Int)
            /// The channel is established: emit `onConnected`.
            case connected
            /// The channel is lost: emit `onDisconnected`.
            case disconnected(ChatError)
            /// Apply and yield these events.
            case deliver([EventDelivery])
            /// The session is over: clear the stored login.
            case loggedOut(Event)
            /// Wait, then call ``timerFired()``.
            case sleep(Duration)
            /// End the stream normally.
            case finish
            /// End the stream with an error.
            case stop(ChatError)
        }

        /// Errors of a poll after which reconnecting may help.
        static let transientCodes: Set<ErrorCode> = [
            .networkError, .serverNotReachable, .serverTimeout, .serverBusy, .serverUnknownError,
            .connectionTimeout, .connectionDNSError, .connectionIOError, .connectionStreamClosed,
        ]

        private(set) var cursor: String?
        private(set) var phase: Phase = .idle
        let backoff: Backoff
        let holdSeconds: Int
        /// Finish at the first answer without events instead of polling on (drain what is pending, then stop); a
        /// draining channel never holds a poll.
        let drains: Bool
        private var pollWait: Int { drains ? 0 : holdSeconds }
        private var random: SplitMix64

        /// - Parameters:
        ///   - cursor: the cursor to start after; nil lets the server use the device's stored position.
        ///   - seed: seeds the jitter, so tests are repeatable.
        init(
            cursor: String?,
            backoff: Backoff = Backoff(base: .milliseconds(500), cap: .seconds(30)),
            holdSeconds: Int = EventPolling.maxHoldSeconds,
            drains: Bool = false,
            seed: UInt64 = UInt64.random(in: 0...UInt64.max)
        ) {
            self.cursor = cursor
            self.backoff = backoff
            self.holdSeconds = holdSeconds
            self.drains = drains
            self.random = SplitMix64(seed: seed)
        }

        /// Begins: a quick first poll, so the connection is known to work before anything is held.
        mutating func start() -> [Action] {
            phase = .connecting
            return [.poll(cursor: cursor, wait: 0)]
        }

        /// A poll answered.
        mutating func received(_ batch: EventBatch) -> [Action] {
            guard phase != .stopped else { return [] }
            var actions: [Action] = []
            if phase != .connected { actions.append(.connected) }
            phase = .connected
            var running = batch.cursorBefore(requested: cursor)
            var deliveries: [EventDelivery] = []
            for event in batch.events {
                if let seq = event.seq { running = String(seq) }
                deliveries.append(EventDelivery(event: event, cursor: running, gap: batch.gap && deliveries.isEmpty))
                if EventType.forcedLogout.contains(event.type) {
                    cursor = running
                    phase = .stopped
                    return actions + [.deliver(deliveries), .loggedOut(event), .finish]
                }
            }
            cursor = batch.cursor
            if !deliveries.isEmpty { actions.append(.deliver(deliveries)) }
            if drains, batch.events.isEmpty {
                phase = .stopped
                return actions + [.finish]
            }
            return actions + [.poll(cursor: cursor, wait: pollWait)]
        }

        /// A poll failed; `now` (Unix ms) stamps the event synthesized for a session error.
        mutating func failed(_ error: ChatError, now: Int64) -> [Action] {
            let previous = phase
            guard previous != .stopped else { return [] }
            if let event = Self.sessionEndEvent(for: error, now: now) {
                phase = .stopped
                if previous == .connecting { return [.loggedOut(event), .stop(error)] }
                return [.deliver([EventDelivery(event: event, cursor: cursor ?? "0")]), .loggedOut(event), .finish]
            }
            guard previous != .connecting, Self.transientCodes.contains(error.code) else {
                phase = .stopped
                return previous == .connected ? [.disconnected(error), .stop(error)] : [.stop(error)]
            }
            switch previous {
            case .reconnecting(let attempt):
                phase = .reconnecting(attempt: attempt + 1)
                return [.sleep(nextDelay(attempt: attempt))]
            default:
                phase = .reconnecting(attempt: 1)
                return [.disconnected(error), .sleep(nextDelay(attempt: 0))]
            }
        }

        /// The back-off sleep ended: try to reconnect from the last cursor.
        mutating func timerFired() -> [Action] {
            guard case .reconnecting = phase else { return [] }
            return [.poll(cursor: cursor, wait: 0)]
        }

        private mutating func nextDelay(attempt: Int) -> Duration {
            backoff.delay(attempt: attempt, unit: Double.random(in: 0..<1, using: &random))
        }

        /// The forced-logout event a session error on a poll stands for (semantics §1.2, §1.4), or nil.
        static func sessionEndEvent(for error: ChatError, now: Int64) -> Event? {
            let type: String
            switch error.code {
            case .tokenExpired: type = EventType.tokenDidExpire
            case .invalidToken, .userNotLogin: type = EventType.userAuthenticationFailed
            default: return nil
            }
            return Event(type: type, time: now, payload: ["code": .int(Int64(error.code.rawValue))])
        }
    }
}

/// A small seedable random generator (SplitMix64) for repeatable jitter in tests.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
