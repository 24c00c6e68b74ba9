import IMCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The long-poll event channel: a thin async loop that carries out the actions of its ``StateMachine`` and
/// exposes the result as an `AsyncThrowingStream`.
struct EventChannel: Sendable {
    /// What the channel reports to the rest of the client besides the stream.
    struct Hooks: Sendable {
        /// Called for each event before it is yielded (local store, event handlers); returns the delivery to yield,
        /// completed from what this device knows (the local store).
        var apply: @Sendable (EventDelivery) -> EventDelivery = { $0 }
        /// Connection state changes.
        var connection: @Sendable (ConnectionEvent) -> Void = { _ in }
        /// The session ended (forced logout): clear the stored login.
        var loggedOut: @Sendable (Event) -> Void = { _ in }
    }

    /// Resolves the cursor to start after (nil: the device's position on the server); its error ends the
    /// stream before any request.
    var start: @Sendable () async throws(ChatError) -> String?
    /// One event request: cursor and hold in seconds.
    var poll: @Sendable (_ cursor: String?, _ wait: Int) async throws(ChatError) -> EventBatch
    var hooks = Hooks()
    var backoff = Backoff(base: .milliseconds(500), cap: .seconds(30))
    var holdSeconds = EventPolling.maxHoldSeconds
    /// Finish once a poll answers without events (see ``StateMachine/drains``).
    var drains = false

    /// The stream of events; cancelling its consumer cancels the request in flight.
    ///
    /// The loop starts inside the stream's build closure, after `onTermination` is set and before any consumer can
    /// end the stream, so a consumer that stops after the first element always cancels the loop.
    func stream() -> AsyncThrowingStream<EventDelivery, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task { await run(continuation) }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func run(_ continuation: AsyncThrowingStream<EventDelivery, any Error>.Continuation) async {
        let startCursor: String?
        do { startCursor = try await start() } catch {
            continuation.finish(throwing: error)
            return
        }
        var machine = StateMachine(cursor: startCursor, backoff: backoff, holdSeconds: holdSeconds, drains: drains)
        var isConnected = false
        var connectedCursor = startCursor ?? ""
        defer { if isConnected { hooks.connection(.disconnected(nil)) } }
        var pending = machine.start()
        while !pending.isEmpty {
            if Task.isCancelled { return continuation.finish() }
            switch pending.removeFirst() {
            case .poll(let cursor, let wait):
                do {
                    let batch = try await poll(cursor, wait)
                    connectedCursor = batch.cursorBefore(requested: cursor)
                    pending = machine.received(batch)
                } catch {
                    if Task.isCancelled { return continuation.finish() }
                    pending = machine.failed(error, now: Self.now())
                }
            case .connected:
                isConnected = true
                hooks.connection(.connected)
                let event = Event(type: EventType.connected, time: Self.now())
                if case .terminated = continuation.yield(EventDelivery(event: event, cursor: connectedCursor)) { return }
            case .disconnected(let error):
                isConnected = false
                hooks.connection(.disconnected(error))
                let payload: [String: JSONValue] = ["code": .int(Int64(error.code.rawValue)), "description": .string(error.description)]
                let event = Event(type: EventType.disconnected, time: Self.now(), payload: payload)
                if case .terminated = continuation.yield(EventDelivery(event: event, cursor: machine.cursor ?? "")) { return }
            case .deliver(let deliveries):
                for delivery in deliveries {
                    if case .terminated = continuation.yield(hooks.apply(delivery)) { return }
                }
            case .loggedOut(let event):
                hooks.loggedOut(event)
            case .sleep(let duration):
                do { try await Task.sleep(for: duration) } catch { return continuation.finish() }
                pending = machine.timerFired()
            case .finish:
                return continuation.finish()
            case .stop(let error):
                return continuation.finish(throwing: error)
            }
        }
    }

    /// Unix time in milliseconds.
    static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}
