/// Where held event requests wait: the writer calls ``notify(_:)`` right after a COMMIT for the users whose log
/// changed, which resumes their waiters. Each user has a generation counter, so a request that read the log at
/// generation g and found nothing waits only if nothing committed since — no lost wake-ups, no polling.
///
/// It also tracks which sessions are online (§1.3): an event request in progress, or one ended recently.
actor EventHub {
    private var generations: [UserKey: UInt64] = [:]
    private var waiters: [UserKey: [Int: CheckedContinuation<Void, Never>]] = [:]
    private var nextWaiterId = 0
    private var isShutDown = false
    private var pollsInProgress: [String: Int] = [:]
    private var lastPollEnd: [String: ContinuousClock.Instant] = [:]
    private var deliveredCursors: [String: Int64] = [:]
    private var openBacklogs: [String: Bool] = [:]

    /// The user's current generation; read it before reading the log.
    func generation(_ user: UserKey) -> UInt64 {
        generations[user, default: 0]
    }

    /// Bumps the generation of each user and resumes their waiters.
    func notify(_ users: Set<UserKey>) {
        for user in users {
            generations[user, default: 0] &+= 1
            if let resumed = waiters.removeValue(forKey: user) {
                for continuation in resumed.values { continuation.resume() }
            }
        }
    }

    /// Waits until the user's generation moves past `generation`, the deadline passes, the task is cancelled
    /// or the hub shuts down — whichever comes first. Returns false when the request should stop waiting for
    /// good (shutdown or cancellation).
    func wait(for user: UserKey, after generation: UInt64, until deadline: ContinuousClock.Instant) async -> Bool {
        if isShutDown || Task.isCancelled { return false }
        guard generations[user, default: 0] == generation, deadline > .now else { return true }
        let id = nextWaiterId
        nextWaiterId += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            await self?.resume(user, id)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume()
                } else {
                    waiters[user, default: [:]][id] = continuation
                }
            }
        } onCancel: {
            Task { await self.resume(user, id) }
        }
        timer.cancel()
        return !(isShutDown || Task.isCancelled)
    }

    /// Releases every held request at once and makes later waits return immediately (graceful shutdown).
    func shutDown() {
        isShutDown = true
        let all = waiters
        waiters.removeAll()
        for group in all.values {
            for continuation in group.values { continuation.resume() }
        }
    }

    /// Records that an event request of the session started; returns whether the session was already polling
    /// (a request in progress or one ended within the grace period). A session that never polled was not.
    func pollStarted(_ resource: String, graceSeconds: Int) -> Bool {
        let wasPolling = isOnline(resource, graceSeconds: graceSeconds)
        pollsInProgress[resource, default: 0] += 1
        return wasPolling
    }

    /// Records that an event request of the session ended.
    func pollEnded(_ resource: String) {
        let remaining = pollsInProgress[resource, default: 1] - 1
        if remaining <= 0 { pollsInProgress.removeValue(forKey: resource) } else { pollsInProgress[resource] = remaining }
        lastPollEnd[resource] = .now
    }

    /// Remembers the cursor a session's last response ended at; its stored copy is written without waiting.
    func recordDelivered(_ resource: String, cursor: Int64) {
        deliveredCursors[resource] = cursor
    }

    /// The cursor the session's last response ended at, if this process answered one.
    func deliveredCursor(_ resource: String) -> Int64? {
        deliveredCursors[resource]
    }

    /// Whether the session is in the middle of a backlog (the last page was full): nil when not, else whether the
    /// sync-start marker went out.
    func backlog(_ resource: String) -> Bool? {
        openBacklogs[resource]
    }

    /// Records that a backlog continues on the next poll (`markerOpen` non-nil) or is drained (nil).
    func setBacklog(_ resource: String, markerOpen: Bool?) {
        openBacklogs[resource] = markerOpen
    }

    /// Forgets a session's presence (logout makes it offline at once).
    func forget(_ resource: String) {
        openBacklogs.removeValue(forKey: resource)
        deliveredCursors.removeValue(forKey: resource)
        pollsInProgress.removeValue(forKey: resource)
        lastPollEnd.removeValue(forKey: resource)
    }

    /// Whether the session is online: a request in progress or one ended within the grace period.
    func isOnline(_ resource: String, graceSeconds: Int) -> Bool {
        if pollsInProgress[resource, default: 0] > 0 { return true }
        guard let end = lastPollEnd[resource] else { return false }
        return ContinuousClock.now - end < .seconds(graceSeconds)
    }

    private func resume(_ user: UserKey, _ id: Int) {
        waiters[user]?.removeValue(forKey: id)?.resume()
        if waiters[user]?.isEmpty == true { waiters.removeValue(forKey: user) }
    }
}
