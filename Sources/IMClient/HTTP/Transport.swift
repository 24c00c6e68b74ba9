import IMCore
/// Sends one HTTP request and returns the response, whatever its status. A struct of closures so tests can
/// put a fake in place of libcurl (``Transport/curl()``).
struct Transport: Sendable {
    /// Performs one transfer; throws only transport failures and cancellation, never for an HTTP status.
    var send: @Sendable (HTTPRequest) async throws(IMClientError) -> HTTPResponse
    /// Performs one transfer whose bodies stream through files (attachments); same error rules as `send`.
    var stream: @Sendable (HTTPRequest, FileStreams) async throws(IMClientError) -> HTTPResponse = { _, _ throws(IMClientError) in
        throw .local(ChatError(.generalError, "this transport cannot stream files"))
    }
}
