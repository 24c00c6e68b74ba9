/// HTTP requests through Debian's `curl` program, run as a ``Subprocess``: the server links no HTTP client
/// (Hummingbird is server-only), and curl brings HTTPS, proxies and timeouts. Only http and https URLs are
/// followed, taken literally (`--globoff`: no `{a,b}` or `[1-3]` expansion); the body goes on stdin, never on the
/// command line.
enum CurlHTTP {
    /// A response: status and body.
    struct Response: Sendable {
        var status: Int
        var body: [UInt8]
    }

    /// Sends one request; `json` is sent as an `application/json` body. Throws ``Subprocess/Failure`` or
    /// ``CurlHTTP/Failure`` when no HTTP response arrives.
    static func send(_ method: String, _ url: String, json: [UInt8]?, timeout: Duration) async throws -> Response {
        let seconds = max(1, Int(timeout.components.seconds))
        var arguments = [
            "curl", "--silent", "--show-error", "--globoff", "--proto", "=http,https", "--max-time", String(seconds),
            "--connect-timeout", String(min(seconds, 5)), "--request", method, "--header", "Accept: application/json",
            "--write-out", "\n%{http_code}",
        ]
        if json != nil {
            arguments += ["--header", "Content-Type: application/json", "--header", "Expect:", "--data-binary", "@-"]
        }
        arguments += ["--url", url]
        let output = try await Subprocess.run(arguments, input: json ?? [], timeout: timeout + .seconds(2))
        guard output.exitStatus == 0 else { throw Failure(message: "curl exited with status \(output.exitStatus): \(output.errorText)") }
        guard let newline = output.stdout.lastIndex(of: UInt8(ascii: "\n")),
            let status = Int(String(decoding: output.stdout[(newline + 1)...], as: UTF8.self))
        else { throw Failure(message: "curl printed no HTTP status") }
        return Response(status: status, body: Array(output.stdout[..<newline]))
    }

    /// curl ran but got no HTTP response (connection refused, timeout, TLS failure…).
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
