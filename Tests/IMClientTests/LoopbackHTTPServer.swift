import Dispatch
import Glibc
import Synchronization

/// A tiny HTTP/1.1 server on 127.0.0.1 (port 0) for transport tests: keep-alive, Content-Length bodies,
/// and a handler that may hold a request. Test-only; each connection is served on its own Dispatch thread.
final class LoopbackHTTPServer: Sendable {
    /// What to answer: status, body, and how long to wait before answering.
    struct Reply: Sendable {
        var status = 200
        var body = "{}"
        var delay: Duration = .zero
    }

    let port: UInt16
    private let listener: Int32
    private let accepted = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    private let requests = Mutex<[String]>([])
    private let handler: @Sendable (_ method: String, _ target: String) -> Reply

    /// Connections accepted so far.
    var acceptedConnections: Int { accepted.load(ordering: .acquiring) }
    /// Request lines received so far ("GET /path").
    var requestLines: [String] { requests.withLock { $0 } }

    init(handler: @escaping @Sendable (_ method: String, _ target: String) -> Reply = { _, _ in Reply() }) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 16) == 0 else { throw ServerError.cannotListen }
        withUnsafeMutablePointer(to: &address) { pointer in
            _ = pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        DispatchQueue(label: "loopback.accept").async { [self] in acceptLoop() }
    }

    /// Stops accepting; open connections end when their peer closes. The accept loop closes the listening
    /// socket itself, so its descriptor number can't be reused by another test while the loop still uses it.
    func stop() {
        stopped.store(true, ordering: .releasing)
        shutdown(listener, Int32(SHUT_RDWR))
    }

    /// A port on which nothing listens (bound without listening, then closed).
    static func closedPort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw ServerError.cannotListen }
        return UInt16(bigEndian: address.sin_port)
    }

    enum ServerError: Error { case cannotListen }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            if stopped.load(ordering: .acquiring) {
                close(connection)
                return
            }
            accepted.add(1, ordering: .acquiringAndReleasing)
            DispatchQueue(label: "loopback.connection").async { [self] in serve(connection) }
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            // Read one request: headers up to CRLFCRLF, then Content-Length bytes of body.
            var headerEnd: Int?
            while headerEnd == nil {
                headerEnd = buffer.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound
                if headerEnd != nil { break }
                let count = read(connection, &chunk, chunk.count)
                if count <= 0 { return }
                buffer += chunk[0..<count]
            }
            let head = String(decoding: buffer[0..<headerEnd!], as: UTF8.self)
            let lines = head.split(separator: "\r\n")
            let contentLength = lines.compactMap { line -> Int? in
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                return Int(parts[1].filter { $0 != " " })
            }.first ?? 0
            while buffer.count < headerEnd! + contentLength {
                let count = read(connection, &chunk, chunk.count)
                if count <= 0 { return }
                buffer += chunk[0..<count]
            }
            buffer.removeFirst(headerEnd! + contentLength)
            let requestLine = lines.first.map { $0.split(separator: " ") } ?? []
            guard requestLine.count >= 2 else { return }
            let method = String(requestLine[0]), target = String(requestLine[1])
            requests.withLock { $0.append("\(method) \(target)") }
            let reply = handler(method, target)
            if reply.delay > .zero {
                let (seconds, attoseconds) = reply.delay.components
                usleep(UInt32(seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
            }
            let body = Array(reply.body.utf8)
            let response = "HTTP/1.1 \(reply.status) X\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
            let bytes = Array(response.utf8) + body
            guard bytes.withUnsafeBytes({ send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else { return }
        }
    }
}
