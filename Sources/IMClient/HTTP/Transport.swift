/// Sends one HTTP request and returns the response, whatever its status. A struct of closures so tests can
/// put a fake in place of libcurl (``Transport/curl()``).
struct Transport: Sendable {
    /// Performs one transfer; throws only transport failures and cancellation, never for an HTTP status.
    var send: @Sendable (HTTPRequest) async throws(IMClientError) -> HTTPResponse
}
