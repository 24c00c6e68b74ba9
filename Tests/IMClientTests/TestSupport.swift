import Glibc
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IMCore
import Synchronization

@testable import IMClient

/// A thread-safe counter for tests.
final class Counter: Sendable {
    private let atomic = Atomic<Int>(0)
    var value: Int { atomic.load(ordering: .acquiring) }
    func increment() { atomic.add(1, ordering: .acquiringAndReleasing) }
}

/// A fake transport: records requests and answers them from a handler or a script (the last answer repeats).
final class FakeTransport: Sendable {
    enum Answer: Sendable {
        case response(HTTPResponse)
        case failure(IMClientError)

        /// A JSON answer.
        static func json(_ text: String, status: Int = 200) -> Answer {
            .response(HTTPResponse(status: status, body: Data(text.utf8)))
        }
    }

    private let recorded = Mutex<[HTTPRequest]>([])
    private let handler: @Sendable (HTTPRequest) -> Answer

    init(handler: @escaping @Sendable (HTTPRequest) -> Answer) { self.handler = handler }

    convenience init(_ answers: [Answer]) {
        let script = Mutex(answers)
        self.init { _ in script.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] } }
    }

    /// A fake that answers every request with `status` and a JSON body.
    convenience init(status: Int = 200, json: String = "{}", headers: [String: String] = [:]) {
        self.init([.response(HTTPResponse(status: status, headers: headers, body: Data(json.utf8)))])
    }

    var requests: [HTTPRequest] { recorded.withLock { $0 } }

    var transport: Transport {
        Transport { request throws(IMClientError) in
            self.recorded.withLock { $0.append(request) }
            switch self.handler(request) {
            case .response(let response): return response
            case .failure(let error): throw error
            }
        }
    }
}

/// A private temporary directory, removed by `cleanup()`.
struct TemporaryDirectory {
    let path: String

    init() {
        var template = Array("/tmp/imclient-test-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    func cleanup() {
        _ = path.withCString { system("rm -rf '\(String(cString: $0))'") }
    }
}

/// Collects lines from a `@Sendable` callback.
final class LineCollector: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}
