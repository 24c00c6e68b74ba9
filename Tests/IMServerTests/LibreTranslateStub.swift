import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IMCore
import NIOCore
import Synchronization
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A stand-in for a LibreTranslate server — a third-party API, not ours — on 127.0.0.1. `GET /languages` offers
/// English (targets es, xq, xf) and Spanish (target en); `POST /translate` answers `"<target>#<n>: <q>"` (n counts
/// its translations), except target `xq` → 429 (quota) and `xf` → 500. It records each translate request.
final class LibreTranslateStub: Sendable {
    /// The JSON bodies of the translate requests, in arrival order.
    let requests = Mutex<[JSONValue]>([])

    /// Runs `body` with the stub's base URL.
    static func run(_ body: @Sendable (String, LibreTranslateStub) async throws -> Void) async throws {
        let stub = LibreTranslateStub()
        let router = Router()
        router.get("/languages") { _, _ in
            LibreTranslateStub.json(
                """
                [{"code":"en","name":"English","targets":["es","xq","xf"]},{"code":"es","name":"Spanish","targets":["en"]}]
                """)
        }
        router.post("/translate") { request, _ in
            let received = try WireJSON.decode(JSONValue.self, from: Data(try await request.body.collect(upTo: 1 << 20).readableBytesView))
            let count = stub.requests.withLock { requests in
                requests.append(received)
                return requests.count
            }
            let target = received.objectValue?["target"]?.stringValue ?? ""
            switch target {
            case "xq": return LibreTranslateStub.json(#"{"error":"Too many requests"}"#, status: .tooManyRequests)
            case "xf": return LibreTranslateStub.json(#"{"error":"Translation engine crashed"}"#, status: .internalServerError)
            default:
                let text = "\(target)#\(count): \(received.objectValue?["q"]?.stringValue ?? "")"
                return LibreTranslateStub.json(try WireJSON.string(["translatedText": text]))
            }
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body("http://127.0.0.1:\(port)", stub)
        }
    }

    private static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
