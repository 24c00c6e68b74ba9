import IMCore

/// Exit statuses of cli-conventions §3; the same in every output mode.
public enum ExitCode {
    /// Success, empty results included.
    public static let success: Int32 = 0
    /// Any other failure.
    public static let failure: Int32 = 1
    /// Bad flag, argument or configuration; nothing was sent.
    public static let usage: Int32 = 2
    /// Not found.
    public static let notFound: Int32 = 3
    /// No credentials, bad or expired token.
    public static let authentication: Int32 = 4
    /// Authenticated but not allowed.
    public static let forbidden: Int32 = 5
    /// Already exists, limit reached, idempotency key reused.
    public static let conflict: Int32 = 6
    /// Rate limited past the retry budget.
    public static let rateLimited: Int32 = 7
    /// A check-once `wait --timeout 0` found the condition false.
    public static let pending: Int32 = 8
    /// Some items of a multi-target or batch command failed.
    public static let partial: Int32 = 9
    /// Server unreachable, 5xx after retries, or an event-stream gap.
    public static let unavailable: Int32 = 10
    /// `wait`, `events --timeout` or `--deadline` expired.
    public static let timeout: Int32 = 124
    /// Interrupted (SIGINT).
    public static let interrupted: Int32 = 130

    /// The exit status for an error code: the one mapping from system error codes to exit statuses.
    public static func forError(_ code: ErrorCode) -> Int32 {
        switch code.rawValue {
        case 100, 101, 102, 105, 110: return usage
        case 4, 200, 218: return conflict
        case 2, 300, 301, 302, 303, 350...353: return unavailable
        case 1, 3: return failure
        default: break
        }
        switch code.httpStatus {
        case 404: return notFound
        case 401: return authentication
        case 403: return forbidden
        case 409: return conflict
        case 429: return rateLimited
        default: return failure
        }
    }
}
