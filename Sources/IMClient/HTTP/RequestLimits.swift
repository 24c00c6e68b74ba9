/// Limits that override a client's own ``ChatOptions/requestTimeout`` and ``ChatOptions/maxRateWait`` for the requests
/// made inside ``withValue(operation:)``, e.g. one step of `imctl batch`, whose client is shared by every step.
public struct RequestLimits: Sendable, Hashable {
    /// The per-request timeout, or nil for the client's own.
    public var timeout: Duration?
    /// The longest 429 wait before a retry, or nil for the client's own.
    public var maxRateWait: Duration?

    public init(timeout: Duration? = nil, maxRateWait: Duration? = nil) {
        self.timeout = timeout
        self.maxRateWait = maxRateWait
    }

    @TaskLocal static var current = RequestLimits()

    /// Runs `operation` with these limits on every request it makes in its task.
    public func withValue<T: Sendable>(operation: () async throws -> T) async rethrows -> T {
        try await Self.$current.withValue(self, operation: operation)
    }
}
