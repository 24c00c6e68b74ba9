import Dispatch
import Synchronization
import Testing

@testable import IMServer

@Suite("The quiet-period trigger that hands memory back once the store is idle", .timeLimit(.minutes(1)))
struct QuietPeriodTriggerTests {
    final class Runs: Sendable {
        private let count = Atomic<Int>(0)
        var value: Int { count.load(ordering: .relaxed) }
        func add() { count.add(1, ordering: .relaxed) }

        /// Waits (up to 10 s) until the action has run `expected` times.
        func wait(for expected: Int) async throws {
            for _ in 0..<1_000 where value < expected {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    @Test("a burst of activity runs the action once, after it stops; new activity arms it again")
    func runsOncePerQuietPeriod() async throws {
        let runs = Runs()
        let trigger = QuietPeriodTrigger(after: .milliseconds(30)) { runs.add() }
        for _ in 0..<100 { trigger.noteActivity() }
        try await runs.wait(for: 1)
        #expect(runs.value == 1)
        try await Task.sleep(for: .milliseconds(200))
        #expect(runs.value == 1, "an idle trigger has no timer left")
        trigger.noteActivity()
        try await runs.wait(for: 2)
        #expect(runs.value == 2)
    }
}
