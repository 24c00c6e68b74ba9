import Dispatch
import Synchronization

/// Runs an action once activity has stopped for a quiet period: ``noteActivity()`` arms one timer, which re-arms
/// itself while activity goes on. An idle process has no timer pending, and busy callers pay two atomic operations.
final class QuietPeriodTrigger: Sendable {
    private let activity = Atomic<UInt64>(0)
    private let armed = Atomic<Bool>(false)
    private let quietPeriod: DispatchTimeInterval
    private let action: @Sendable () -> Void

    init(after quietPeriod: DispatchTimeInterval, action: @escaping @Sendable () -> Void) {
        self.quietPeriod = quietPeriod
        self.action = action
    }

    func noteActivity() {
        let seen = activity.wrappingAdd(1, ordering: .relaxed).newValue
        guard !armed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        check(after: seen)
    }

    private func check(after seen: UInt64) {
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + quietPeriod) {
            let now = self.activity.load(ordering: .relaxed)
            guard now == seen else { return self.check(after: now) }
            self.armed.store(false, ordering: .releasing)
            self.action()
        }
    }
}
