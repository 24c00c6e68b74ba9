import HTTPTypes
import IMCore
import NIOCore
import Testing

@testable import IMServer

/// Bad input gets a clear error, never a server failure: every route, with bodies, queries and path values that are
/// malformed in different ways, as a user and as the operator, answers below 500 with the JSON error envelope whose
/// HTTP status matches its code (semantics §2).
@Suite("Malformed input on every route", .timeLimit(.minutes(1)))
struct MalformedInputTests {
    static let bodies = [
        "", "{", "null", "[]", "42", "\"text\"", "{}",
        #"{"to":1,"chatType":[],"body":"x","msgId":{},"userId":null,"password":12,"deviceUUID":true}"#,
        #"{"to":"bob","chatType":"chat","body":{"type":"text","content":{"nested":[1e999]}}}"#,
        #"{"to":"bob","chatType":"groupChat","body":{"type":"zzz"},"attributes":"x"}"#,
        #"{"ttl":-1,"pageSize":99999999999999999999,"cursor":"\u0000","reaction":"","languages":[[]],"appKey":"x#"}"#,
        #"{"sendRatePerSecond":"fast","historyRetentionDays":-3,"keywordFilter":{},"msgIds":[null],"isPinned":"yes"}"#,
    ]
    static let queries = [
        "", "?cursor=%00&pageSize=-1", "?pageSize=99999999999999999999&direction=sideways",
        "?type=nope&msgTypes=,,&startTs=x&endTs=-9", "?cursor=" + String(repeating: "9", count: 40) + "&mark=z",
    ]
    static let pathValues = ["x", "%00", String(repeating: "a", count: 300), "..", "bob"]

    /// Routes that end the caller's session or app run last, so that the others still meet a live session.
    static let endingLast = Set([Route.logout, .adminDeleteApp, .adminDeleteUser, .adminForceLogout, .kickDevices, .adminSetPassword])

    @Test("every route × malformed bodies, queries and path values: an error envelope below 500, never a failure")
    func everyRoute() async throws {
        try await TestServer.withApp { server in
            let alice = try await server.login("alice")
            _ = try await alice.sendOK(to: "bob")
            let routes = Route.all.filter { !Self.endingLast.contains($0) } + Route.all.filter { Self.endingLast.contains($0) }
            for route in routes {
                for (index, body) in Self.bodies.enumerated() {
                    var uri = Self.fill(route.path, with: Self.pathValues[index % Self.pathValues.count])
                    uri += Self.queries[index % Self.queries.count]
                    if route == .events { uri += (uri.contains("?") ? "&" : "?") + "wait=0" }
                    for caller in [alice.headers, server.operatorHeaders] {
                        var headers: HTTPFields = [.contentType: "application/json", HTTPField.Name(Header.app)!: "org#app"]
                        for (name, value) in caller { headers[HTTPField.Name(name)!] = value }
                        let reply = try await server.execute(uri, HTTPRequest.Method(route.method)!, headers, ByteBuffer(string: body))
                        let answer = String(buffer: reply.body)
                        #expect(reply.status.code < 500, "\(route) \(uri) \(body) → \(reply.status): \(answer)")
                        if reply.status.code >= 400 { _ = try server.errorCode(reply) }
                    }
                }
            }
        }
    }

    /// `path` with every `{parameter}` replaced by `value`.
    static func fill(_ path: String, with value: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { $0.hasPrefix("{") ? value : String($0) }.joined(separator: "/")
    }
}
