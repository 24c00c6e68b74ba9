import IMCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Builds protocol requests from ``IMCore/Route``s, sends them through a ``Transport`` with the retry rules of
/// cli-conventions §5, and decodes answers or the server's ``APIErrorBody``.
struct APIClient: Sendable {
    /// How a request authenticates.
    enum Auth: Sendable, Hashable {
        case none
        case bearer(token: String, resource: String)
        case basic(clientId: String, clientSecret: String)
    }

    var baseURL: String
    var appKey: String?
    var transport: Transport
    var timeout: Duration
    var maxAttempts: Int
    var maxRateWait: Duration
    var retryBackoff = Backoff(base: .milliseconds(200), cap: .seconds(5))
    var debug: (@Sendable (String) -> Void)?
    /// How every request of this client authenticates.
    var auth: Auth = .none

    /// Sends a request and decodes a JSON answer; every failure surfaces as the public ``ChatError``.
    func call<Response: Decodable>(
        _ route: Route,
        _ response: Response.Type,
        pathParameters: [String: String] = [:],
        query: [(String, String?)] = [],
        body: (some Encodable & Sendable)? = Optional<Empty>.none,
        idempotent: Bool? = nil,
        timeout: Duration? = nil,
        maxAttempts: Int? = nil
    ) async throws(ChatError) -> Response {
        do throws(IMClientError) {
            let data: Data?
            do { data = try body.map { try WireJSON.encode($0) } } catch { throw .decoding("cannot encode the request: \(error)") }
            let request = makeRequest(route, pathParameters: pathParameters, query: query, body: data, timeout: timeout)
            let answer = try await send(request, idempotent: idempotent ?? (route.method == "GET"), maxAttempts: maxAttempts ?? self.maxAttempts)
            if Response.self == Empty.self, let empty = Empty() as? Response { return empty }
            do {
                return try WireJSON.decode(Response.self, from: answer.body)
            } catch {
                throw .decoding("\(route): \(error)")
            }
        } catch {
            throw error.chatError
        }
    }

    /// The request for a route: URL with percent-encoded path parameters and query, protocol headers (`auth`
    /// overrides the client's), body.
    func makeRequest(
        _ route: Route,
        pathParameters: [String: String] = [:],
        query: [(String, String?)] = [],
        body: Data? = nil,
        auth: Auth? = nil,
        timeout: Duration? = nil
    ) -> HTTPRequest {
        var path = route.path
        for (name, value) in pathParameters {
            path = path.replacing("{\(name)}", with: PercentEncoding.encode(value))
        }
        let items = query.compactMap { name, value in value.map { "\(PercentEncoding.encode(name))=\(PercentEncoding.encode($0))" } }
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let url = base + path + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
        var headers = [HTTPHeader(name: "Accept", value: "application/json")]
        if body != nil { headers.append(HTTPHeader(name: "Content-Type", value: "application/json")) }
        if let appKey { headers.append(HTTPHeader(name: Header.app, value: appKey)) }
        switch auth ?? self.auth {
        case .none: break
        case .bearer(let token, let resource):
            headers.append(HTTPHeader(name: "Authorization", value: "Bearer \(token)"))
            headers.append(HTTPHeader(name: Header.resource, value: resource))
        case .basic(let clientId, let clientSecret):
            let encoded = Data("\(clientId):\(clientSecret)".utf8).base64EncodedString()
            headers.append(HTTPHeader(name: "Authorization", value: "Basic \(encoded)"))
        }
        return HTTPRequest(
            method: route.method, url: url, headers: headers, body: body, timeout: timeout ?? RequestLimits.current.timeout ?? self.timeout)
    }

    /// Sends with retries: only idempotent requests are retried, on connection failures, 502/503/504, and 429
    /// when its `Retry-After` (or, without one, the back-off) fits in `maxRateWait`. Non-2xx answers become ``IMClientError/http(status:body:)``.
    func send(_ request: HTTPRequest, idempotent: Bool, maxAttempts: Int) async throws(IMClientError) -> HTTPResponse {
        var attempt = 1
        while true {
            trace(request)
            let outcome: Result<HTTPResponse, IMClientError>
            do { outcome = .success(try await transport.send(request)) } catch { outcome = .failure(error) }
            trace(outcome)
            let retryDelay = idempotent && attempt < maxAttempts ? retryDelay(for: outcome, attempt: attempt) : nil
            guard let retryDelay, !Task.isCancelled else {
                let response = try outcome.get()
                guard response.isSuccess else { throw .http(status: response.status, body: Array(response.body)) }
                return response
            }
            do { try await Task.sleep(for: retryDelay) } catch { throw .cancelled }
            attempt += 1
        }
    }

    /// The wait before the next attempt, or nil when this outcome is final.
    func retryDelay(for outcome: Result<HTTPResponse, IMClientError>, attempt: Int) -> Duration? {
        let backoff = retryBackoff.delay(attempt: attempt - 1, unit: Double.random(in: 0..<1))
        switch outcome {
        case .failure(let error):
            guard let code = error.curlCode else { return nil }
            return [.serverNotReachable, .connectionIOError, .connectionStreamClosed].contains(IMClientError.transportCode(code)) ? backoff : nil
        case .success(let response):
            switch response.status {
            case 502, 503, 504: return backoff
            case 429:
                let wait = response.headers["retry-after"].flatMap { Int64($0.trimmed) }.flatMap { $0 >= 0 ? Duration.seconds($0) : nil }
                    ?? backoff
                return wait <= (RequestLimits.current.maxRateWait ?? maxRateWait) ? wait : nil
            default: return nil
            }
        }
    }

    private func trace(_ request: HTTPRequest) {
        guard let debug else { return }
        let headers = request.headers.map { "\($0.name): \(Redaction.header($0.name, $0.value))" }.joined(separator: "; ")
        let body = request.body.map { " " + Redaction.body($0) } ?? ""
        debug("http → \(request.method) \(request.url) [\(headers)]\(body)")
    }

    private func trace(_ outcome: Result<HTTPResponse, IMClientError>) {
        guard let debug else { return }
        switch outcome {
        case .success(let response): debug("http ← \(response.status) \(Redaction.body(response.body))")
        case .failure(let error): debug("http ← \(error)")
        }
    }
}

/// An empty request or response body.
struct Empty: Codable, Sendable, Hashable {}
