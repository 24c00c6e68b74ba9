import Synchronization

/// Per-user send rate (`sendRatePerSecond`): a fixed one-second window per user.
final class RateLimiter: Sendable {
    private let windows = Mutex<[UserKey: (second: Int64, count: Int)]>([:])

    /// Counts one send; false when the user already sent `limit` messages this second.
    func allow(_ user: UserKey, limit: Int, now: Int64) -> Bool {
        let second = now / 1000
        return windows.withLock { windows in
            var window = windows[user] ?? (second, 0)
            if window.second != second { window = (second, 0) }
            window.count += 1
            windows[user] = window
            if windows.count > 100_000 { windows = windows.filter { $0.value.second == second } }
            return window.count <= limit
        }
    }
}
