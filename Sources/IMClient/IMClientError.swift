#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

import IMCore

/// An error inside the client library: a transport failure, an HTTP error answer, a body that did not decode,
/// or a cancelled request. Public APIs convert it to ``ChatError`` with ``chatError``.
struct IMClientError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
        case transport(code: Int, message: String)
        case http(status: Int, body: [UInt8])
        case decoding(String)
        case cancelled
        case local(ChatError)
    }

    private let kind: Kind

    /// A libcurl failure: its `CURLcode` and `curl_easy_strerror` text.
    static func transport(code: Int, message: String) -> IMClientError { IMClientError(kind: .transport(code: code, message: message)) }

    /// A non-2xx HTTP answer with its raw body.
    static func http(status: Int, body: [UInt8]) -> IMClientError { IMClientError(kind: .http(status: status, body: body)) }

    /// A 2xx answer whose body is not the expected JSON.
    static func decoding(_ message: String) -> IMClientError { IMClientError(kind: .decoding(message)) }

    /// The calling task was cancelled.
    static let cancelled = IMClientError(kind: .cancelled)

    /// A failure on this machine before or after the transfer (a local file that cannot be opened).
    static func local(_ error: ChatError) -> IMClientError { IMClientError(kind: .local(error)) }

    /// The libcurl code of a transport error, nil otherwise.
    var curlCode: Int? {
        if case .transport(let code, _) = kind { return code }
        return nil
    }

    var description: String {
        switch kind {
        case .transport(let code, let message): "transport error \(code): \(message)"
        case .http(let status, let body): "HTTP \(status): \(String(decoding: body.prefix(200), as: UTF8.self))"
        case .decoding(let message): "cannot decode the server's answer: \(message)"
        case .cancelled: "cancelled"
        case .local(let error): error.description
        }
    }

    /// The public error: the server's own error for HTTP answers, a client-side code otherwise.
    var chatError: ChatError {
        switch kind {
        case .transport(let code, let message): ChatError(Self.transportCode(code), message)
        case .http(let status, let body): Self.httpError(status: status, body: body)
        case .decoding(let message): ChatError(.serverUnknownError, "cannot decode the server's answer: \(message)")
        case .cancelled: ChatError(.generalError, "the request was cancelled")
        case .local(let error): error
        }
    }

    /// Maps a `CURLcode` to a ChatError code (semantics §2: 2, 300, 301, 350–353).
    static func transportCode(_ curlCode: Int) -> ErrorCode {
        switch curlCode {
        case 7: .serverNotReachable                      // CURLE_COULDNT_CONNECT
        case 28: .serverTimeout                          // CURLE_OPERATION_TIMEDOUT
        case 5, 6: .connectionDNSError                   // CURLE_COULDNT_RESOLVE_PROXY / _HOST
        case 52: .connectionStreamClosed                 // CURLE_GOT_NOTHING
        case 18, 55, 56: .connectionIOError              // CURLE_PARTIAL_FILE, CURLE_SEND_ERROR, CURLE_RECV_ERROR
        default: .networkError
        }
    }

    private static func httpError(status: Int, body: [UInt8]) -> ChatError {
        if let decoded = try? WireJSON.decode(APIErrorBody.self, from: Data(body)) { return decoded.error }
        let code: ErrorCode = [429, 502, 503, 504].contains(status) ? .serverBusy : .serverUnknownError
        return ChatError(code, "the server answered HTTP \(status) without an error body")
    }
}
