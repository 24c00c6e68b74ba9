import Hummingbird
import IMCore
import Logging
import Testing

@testable import IMServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite("The route table")
struct RouteTableTests {
    @Test("registered routes == Route.all == the paths and methods of docs/openapi.yaml")
    func routesMatch() async throws {
        try await TestServer.withState { state, _ in
            let registered = RouteTable(state: state).routes
            let documented = try Self.openAPIRoutes()
            #expect(registered == Route.all)
            #expect(Set(documented) == Set(Route.all))
            #expect(documented.count == Route.all.count)
        }
    }

    @Test("a path or a method no route serves answers 404 with the JSON error body (code 110) naming it")
    func unknownRoutes() async throws {
        try await TestServer.run { server in
            for (method, uri) in [(HTTPRequest.Method.get, "/v1/nope"), (.delete, "/v1/health"), (.get, "/")] {
                let reply = try await server.request(method, uri, app: "org#app")
                #expect(reply.status == .notFound)
                #expect(reply.headers[.contentType] == "application/json")
                let body = try WireJSON.decode(APIErrorBody.self, from: Data(reply.body.readableBytesView))
                #expect(body.error.code == .invalidParam)
                #expect(body.error.description.contains("\(method) \(uri)"))
            }
            #expect(try await server.request(.get, "/v1/health").status == .ok)
        }
    }

    /// The `path: method` pairs of the hand-written OpenAPI document.
    static func openAPIRoutes() throws -> [Route] {
        let root = String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
        let data = try #require(FileManager.default.contents(atPath: "/" + root + "/docs/openapi.yaml"))
        let text = String(decoding: data, as: UTF8.self)
        var routes: [Route] = []
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /v1/"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.drop { $0 == " " }.dropLast()
                if ["get", "post", "put", "patch", "delete"].contains(method) { routes.append(Route(method.uppercased(), path)) }
            } else if !line.hasPrefix(" ") {
                path = nil
            }
        }
        return routes
    }
}
