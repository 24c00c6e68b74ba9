import IMCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ChatClient {
    /// Sends one request to the server as this client — its app, and the stored login's token when there is one — and
    /// returns the answer's body: the escape hatch behind `imctl api`. `path` starts with `/` and may carry a query,
    /// both already percent-encoded; a `body` is sent as JSON; `headers` are added to the client's own (e.g. a file's
    /// secret). Only `GET` is retried (cli-conventions §5). A non-2xx answer throws the server's ``ChatError``.
    public func callAPI(
        _ method: String, _ path: String, body: [UInt8]? = nil, headers: [(name: String, value: String)] = []
    ) async throws(ChatError) -> [UInt8] {
        let api = try core.api(authenticated: isLoginBefore)
        var request = api.makeRequest(Route(method, path), body: body.map { Data($0) })
        request.headers += headers.map { HTTPHeader(name: $0.name, value: $0.value) }
        do {
            return Array(try await api.send(request, idempotent: method == "GET", maxAttempts: api.maxAttempts).body)
        } catch {
            throw error.chatError
        }
    }
}
