import Hummingbird
import IMCore
import Logging
import NIOCore

/// Builds the server's JSON responses: a value with status 200, or a `ChatError` with its HTTP status and
/// `APIErrorBody`. Any other error is a server failure (303).
enum APIResponse {
    /// A 200 response carrying `value` as wire JSON.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        json(encoded: ByteBuffer(bytes: try WireJSON.encode(value)), status: status)
    }

    /// A response whose JSON is already encoded.
    static func json(encoded body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: body))
    }

    /// The error response for any thrown error, with the HTTP status of its code unless `status` is given.
    static func error(_ error: any Error, status: HTTPResponse.Status? = nil, logger: Logger) -> Response {
        var chatError: ChatError
        if let known = error as? ChatError {
            chatError = known
        } else {
            logger.error("request failed", metadata: ["error": "\(error)"])
            chatError = ChatError(.serverUnknownError, "the server failed to complete the request")
        }
        let httpStatus = status ?? HTTPResponse.Status(code: chatError.code.httpStatus)
        // Send and room rates are limited per second: the next second is when a retry can succeed.
        if httpStatus == .tooManyRequests { chatError.retryAfter = 1 }
        guard var response = try? json(APIErrorBody(error: chatError), status: httpStatus) else {
            return Response(status: .internalServerError)
        }
        if let retryAfter = chatError.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    /// An empty JSON object, for calls that answer nothing.
    static func empty() throws -> Response {
        try json([String: String]())
    }
}
