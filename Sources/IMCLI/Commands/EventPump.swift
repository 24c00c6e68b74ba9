import IMClient
import IMCore

/// Drives a client's event stream with the stop conditions of cli-conventions §4: a total time limit, an idle
/// limit, or the handler deciding it has seen enough.
struct EventPump {
    /// Why the pump stopped.
    enum End: Equatable {
        /// The handler asked to stop with this exit status.
        case stopped(Int32)
        /// The total time limit passed.
        case timedOut
        /// Nothing arrived for the idle limit.
        case idle
        /// The stream ended (forced logout).
        case finished
        /// Everything pending was delivered (``drain``).
        case drained
    }

    /// What the handler wants after an event.
    enum Decision {
        case proceed
        case stop(Int32)
    }

    private enum Signal: Sendable {
        case delivery(EventDelivery)
        case failed(any Error)
        case finished
        case timeout
        case idle
        case outputClosed
    }

    /// The client whose stream to read.
    var client: ChatClient
    /// Start point: nil (stored position), `now`, `start` or a cursor.
    var since: String?
    /// Total time limit, nil for none.
    var timeout: Duration?
    /// Idle limit, nil for none.
    var idle: Duration?
    /// Deliver what is pending, then end with ``End/drained`` (cli-conventions §4 `--once`, `wait --timeout 0`).
    var drain = false
    /// A file to create once the stream is live (its first element, `onConnected`, arrived).
    var readyFile: String? = nil
    /// Checked twice a second: when it turns true (stdout's reader left) the pump stops with status 0.
    var outputClosed: @Sendable () -> Bool = { false }

    /// Runs until a stop condition; `handle` sees every delivery in order.
    func run(_ handle: (EventDelivery) async throws -> Decision) async throws -> End {
        let (signals, continuation) = AsyncStream<Signal>.makeStream()
        let stream = client.events(since: since, drain: drain)
        let producer = Task {
            do {
                for try await delivery in stream { continuation.yield(.delivery(delivery)) }
                continuation.yield(.finished)
            } catch {
                continuation.yield(.failed(error))
            }
        }
        let timer = timeout.map { limit in Self.alarm(after: limit, continuation, .timeout) }
        var idleTimer = idle.map { limit in Self.alarm(after: limit, continuation, .idle) }
        let watchdog = Task { [outputClosed] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(500))
                if outputClosed() {
                    continuation.yield(.outputClosed)
                    return
                }
            }
        }
        // The channel applies (and stores the position of) whole batches ahead of `handle`: on any way out, the stored
        // position goes back to the last delivery `handle` finished, so nothing unprinted is skipped next time.
        var handled: String?
        defer {
            producer.cancel()
            watchdog.cancel()
            timer?.cancel()
            idleTimer?.cancel()
            continuation.finish()
            if let handled, !handled.isEmpty { try? client.rewindEventCursor(to: handled) }
        }
        var ready = readyFile == nil
        var lastType: String?
        for await signal in signals {
            switch signal {
            case .delivery(let delivery):
                if !ready, let readyFile {
                    try SecureFile.write("", to: readyFile, createDirectories: false)
                    ready = true
                }
                idleTimer?.cancel()
                idleTimer = idle.map { limit in Self.alarm(after: limit, continuation, .idle) }
                lastType = delivery.event.type
                let decision = try await handle(delivery)
                handled = delivery.cursor
                if case .stop(let status) = decision { return .stopped(status) }
            case .failed(let error): throw error
            case .finished:
                let loggedOut = lastType.map { EventType.forcedLogout.contains($0) } ?? false
                return drain && !loggedOut ? .drained : .finished
            case .timeout: return .timedOut
            case .idle: return .idle
            case .outputClosed: return .stopped(ExitCode.success)
            }
        }
        return .finished
    }

    private static func alarm(
        after limit: Duration, _ continuation: AsyncStream<Signal>.Continuation, _ signal: Signal
    ) -> Task<Void, Never> {
        Task {
            try? await Task.sleep(for: limit)
            if !Task.isCancelled { continuation.yield(signal) }
        }
    }

    /// The event as printed by `events` and `wait`: the server's shape plus the resume `cursor`.
    static func line(_ delivery: EventDelivery) throws -> JSONValue {
        var object = try JSONValue.encoding(delivery.event).objectValue ?? [:]
        object["cursor"] = .string(delivery.cursor)
        return .object(object)
    }

    /// The invocation without its `--timeout`, which `events` and `wait` use as a stream limit, not a request limit.
    static func clientInvocation(_ invocation: Invocation) -> Invocation {
        var copy = invocation
        copy.options["timeout"] = nil
        return copy
    }
}
