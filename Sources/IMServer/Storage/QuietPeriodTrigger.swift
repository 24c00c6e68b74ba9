import Dispatch
import Synchronization

/// Runs an action once activity has stopped for a quiet period: ``noteActivity()`` records the time and arms one
/// timer, which, when activity went on meanwhile, waits again until a quiet period after the latest of it. An idle
/// process has no timer pending, and busy callers pay a clock read and two atomic operations.
final class QuietPeriodTrigger: Sendable {
    private let latest = Atomic<UInt64>(0)
    private let armed = Atomic<Bool>(false)
    private let quietPeriod: UInt64
    private let action: @Sendable () -> Void

    init(after quietPeriod: Duration, action: @escaping @Sendable () -> Void) {
        self.quietPeriod = UInt64(quietPeriod / .nanoseconds(1))
        self.action = action
    }

    func noteActivity() {
        latest.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
        guard !armed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        check(at: DispatchTime.now().uptimeNanoseconds + quietPeriod)
    }

    private func check(at deadline: UInt64) {
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: DispatchTime(uptimeNanoseconds: deadline)) {
            let due = self.latest.load(ordering: .relaxed) + self.quietPeriod
            guard due <= DispatchTime.now().uptimeNanoseconds else { return self.check(at: due) }
            self.armed.store(false, ordering: .releasing)
            self.action()
        }
    }
}
