/// Exponential back-off with jitter: attempt n waits between half and all of `min(cap, base × 2ⁿ)`.
struct Backoff: Sendable, Hashable {
    var base: Duration
    var cap: Duration

    /// The delay for a zero-based attempt; `unit` is a random number in `0..<1` that picks the jitter.
    func delay(attempt: Int, unit: Double) -> Duration {
        let ceiling = min(cap, base * (1 << min(max(attempt, 0), 30)))
        return ceiling * (0.5 + 0.5 * min(max(unit, 0), 1))
    }
}
