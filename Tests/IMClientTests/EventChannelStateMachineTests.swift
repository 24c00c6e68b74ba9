import IMCore
import Testing

@testable import IMClient

@Suite("Event channel state machine")
struct EventChannelStateMachineTests {
    typealias Machine = EventChannel.StateMachine
    private let backoff = Backoff(base: .milliseconds(100), cap: .seconds(2))
    private let offline = ChatError(.serverNotReachable, "refused")

    private func message(_ seq: Int64, type: String = EventType.messagesReceived) -> Event {
        Event(type: type, seq: seq, time: 1_000 + seq)
    }

    private func connectedMachine(cursor: String? = "5") -> Machine {
        var machine = Machine(cursor: cursor, backoff: backoff, holdSeconds: 30, seed: 1)
        _ = machine.start()
        _ = machine.received(EventBatch(events: [], cursor: cursor ?? "0"))
        return machine
    }

    @Test func startPollsAtOnceFromTheCursor() {
        var machine = Machine(cursor: "5", seed: 1)
        #expect(machine.start() == [.poll(cursor: "5", wait: 0)])
        #expect(machine.phase == .connecting)
    }

    @Test func firstFailureStops() {
        var machine = Machine(cursor: "5", seed: 1)
        _ = machine.start()
        #expect(machine.failed(offline, now: 0) == [.stop(offline)])
        #expect(machine.phase == .stopped)
        #expect(machine.received(EventBatch(events: [], cursor: "9")) == [])
    }

    @Test func firstBatchConnectsDeliversAndHolds() {
        var machine = Machine(cursor: "5", seed: 1)
        _ = machine.start()
        let actions = machine.received(EventBatch(events: [message(6), message(7)], cursor: "7"))
        #expect(actions == [
            .connected,
            .deliver([EventDelivery(event: message(6), cursor: "6"), EventDelivery(event: message(7), cursor: "7")]),
            .poll(cursor: "7", wait: 30),
        ])
        #expect(machine.cursor == "7")
    }

    @Test func emptyBatchJustPollsAgain() {
        var machine = connectedMachine()
        #expect(machine.received(EventBatch(events: [], cursor: "5")) == [.poll(cursor: "5", wait: 30)])
    }

    @Test func drainPollsWithoutHoldingAndFinishesAtTheFirstEmptyAnswer() {
        var machine = Machine(cursor: "5", drains: true, seed: 1)
        #expect(machine.start() == [.poll(cursor: "5", wait: 0)])
        #expect(machine.received(EventBatch(events: [message(6)], cursor: "6")) == [
            .connected, .deliver([EventDelivery(event: message(6), cursor: "6")]), .poll(cursor: "6", wait: 0),
        ])
        #expect(machine.received(EventBatch(events: [], cursor: "6")) == [.finish])
        #expect(machine.phase == .stopped)
    }

    @Test func drainWithNothingPendingConnectsThenFinishes() {
        var machine = Machine(cursor: "5", drains: true, seed: 1)
        _ = machine.start()
        #expect(machine.received(EventBatch(events: [], cursor: "5")) == [.connected, .finish])
    }

    @Test func markersWithoutSeqKeepThePreviousCursor() {
        var machine = connectedMachine()
        let start = Event(type: EventType.offlineSyncStart, time: 1)
        let finish = Event(type: EventType.offlineSyncFinish, time: 2)
        let actions = machine.received(EventBatch(events: [start, message(6), finish], cursor: "6"))
        #expect(actions.first == .deliver([
            EventDelivery(event: start, cursor: "5"), EventDelivery(event: message(6), cursor: "6"), EventDelivery(event: finish, cursor: "6"),
        ]))
    }

    @Test("the server's own position (no cursor): a leading marker resumes from just before the first logged event")
    func markerBeforeTheBacklogOfTheServersPosition() {
        var machine = Machine(cursor: nil, seed: 1)
        _ = machine.start()
        let start = Event(type: EventType.offlineSyncStart, time: 1)
        let finish = Event(type: EventType.offlineSyncFinish, time: 2)
        let batch = EventBatch(events: [start, message(83), message(85), finish], cursor: "85")
        #expect(batch.cursorBefore(requested: nil) == "82")
        #expect(machine.received(batch) == [
            .connected,
            .deliver([
                EventDelivery(event: start, cursor: "82"), EventDelivery(event: message(83), cursor: "83"),
                EventDelivery(event: message(85), cursor: "85"), EventDelivery(event: finish, cursor: "85"),
            ]),
            .poll(cursor: "85", wait: 30),
        ])
    }

    @Test func gapIsFlaggedOnTheFirstEventOnly() {
        var machine = connectedMachine(cursor: "1")
        let actions = machine.received(EventBatch(events: [message(40), message(41)], cursor: "41", gap: true))
        #expect(actions.first == .deliver([
            EventDelivery(event: message(40), cursor: "40", gap: true), EventDelivery(event: message(41), cursor: "41"),
        ]))
    }

    @Test func forcedLogoutDeliversThenFinishes() {
        var machine = connectedMachine()
        let kicked = message(6, type: EventType.userKickedByOtherDevice)
        let actions = machine.received(EventBatch(events: [kicked, message(7)], cursor: "7"))
        #expect(actions == [.deliver([EventDelivery(event: kicked, cursor: "6")]), .loggedOut(kicked), .finish])
        #expect(machine.phase == .stopped)
        #expect(machine.cursor == "6")
    }

    @Test func laterFailureDisconnectsAndBacksOffWithGrowingCappedJitter() {
        var machine = connectedMachine()
        let first = machine.failed(offline, now: 0)
        #expect(first.count == 2)
        #expect(first.first == .disconnected(offline))
        var delays: [Duration] = []
        if case .sleep(let delay) = first.last { delays.append(delay) }
        for _ in 0..<8 {
            #expect(machine.timerFired() == [.poll(cursor: "5", wait: 0)])
            let next = machine.failed(offline, now: 0)
            guard case .sleep(let delay) = next.first, next.count == 1 else {
                Issue.record("expected one sleep, got \(next)")
                return
            }
            delays.append(delay)
        }
        for (attempt, delay) in delays.enumerated() {
            let ceiling = min(backoff.cap, backoff.base * (1 << attempt))
            #expect(delay >= ceiling / 2 && delay <= ceiling, "attempt \(attempt): \(delay) not in [\(ceiling / 2), \(ceiling)]")
        }
        #expect(delays.last! <= backoff.cap)
        #expect(machine.phase == .reconnecting(attempt: 9))
    }

    @Test func reconnectResumesFromTheLastCursorAndReportsConnected() {
        var machine = connectedMachine()
        _ = machine.received(EventBatch(events: [message(6)], cursor: "6"))
        _ = machine.failed(offline, now: 0)
        #expect(machine.timerFired() == [.poll(cursor: "6", wait: 0)])
        #expect(machine.received(EventBatch(events: [], cursor: "6")) == [.connected, .poll(cursor: "6", wait: 30)])
        #expect(machine.phase == .connected)
    }

    @Test func sessionErrorsOnALaterPollBecomeForcedLogoutEvents() {
        for (code, type) in [(ErrorCode.tokenExpired, EventType.tokenDidExpire), (.invalidToken, EventType.userAuthenticationFailed)] {
            var machine = connectedMachine()
            let event = Event(type: type, time: 77, payload: ["code": .int(Int64(code.rawValue))])
            #expect(machine.failed(ChatError(code, "x"), now: 77) == [
                .deliver([EventDelivery(event: event, cursor: "5")]), .loggedOut(event), .finish,
            ])
        }
    }

    @Test func sessionErrorOnTheFirstPollClearsTheLoginAndStops() {
        var machine = Machine(cursor: nil, seed: 1)
        _ = machine.start()
        let error = ChatError(.tokenExpired, "expired")
        let event = Event(type: EventType.tokenDidExpire, time: 5, payload: ["code": .int(108)])
        #expect(machine.failed(error, now: 5) == [.loggedOut(event), .stop(error)])
    }

    @Test func nonTransientErrorStops() {
        var machine = connectedMachine()
        let error = ChatError(.invalidParam, "bad cursor")
        #expect(machine.failed(error, now: 0) == [.disconnected(error), .stop(error)])
    }

    @Test func backoffStaysWithinBounds() {
        let backoff = Backoff(base: .milliseconds(500), cap: .seconds(30))
        #expect(backoff.delay(attempt: 0, unit: 0) == .milliseconds(250))
        #expect(backoff.delay(attempt: 0, unit: 1) == .milliseconds(500))
        #expect(backoff.delay(attempt: 3, unit: 1) == .seconds(4))
        #expect(backoff.delay(attempt: 40, unit: 1) == .seconds(30))
    }
}
