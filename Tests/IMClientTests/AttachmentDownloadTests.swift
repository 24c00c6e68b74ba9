#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IMCore
import Testing

@testable import IMClient

@Suite("resumable attachment downloads through libcurl", .timeLimit(.minutes(1)))
struct AttachmentDownloadTests {
    private func download(port: UInt16, into directory: TemporaryDirectory) -> AttachmentDownload {
        let api = APIClient(
            baseURL: "http://127.0.0.1:\(port)", appKey: "org#app", transport: .curl(), timeout: .seconds(10), maxAttempts: 1,
            maxRateWait: .zero)
        return AttachmentDownload(api: api, remotePath: "f1", secret: "s")
    }

    @Test("a 200 (not 206) to a resumed request replaces the partial bytes; the .part is renamed into place")
    func wholeFileReplacesThePart() async throws {
        let server = try LoopbackHTTPServer { _, _ in .init(body: "the whole file") }
        defer { server.stop() }
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/out.bin"
        try Data("stale partial bytes".utf8).write(to: URL(fileURLWithPath: path + ".part"))
        #expect(try await download(port: server.port, into: directory).run(to: path, progress: nil) == path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("the whole file".utf8))
        #expect(!FileManager.default.fileExists(atPath: path + ".part"))
        #expect(server.requestLines == ["GET /v1/files/f1"])
    }

    @Test("an error answer is the server's ChatError and leaves no empty .part behind")
    func errorLeavesNoPart() async throws {
        let server = try LoopbackHTTPServer { _, _ in
            .init(status: 403, body: #"{"error":{"code":403,"name":"FILE_DOWNLOAD_FAILED","description":"wrong secret"}}"#)
        }
        defer { server.stop() }
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/out.bin"
        await #expect(throws: ChatError(.fileDownloadFailed, "wrong secret")) {
            _ = try await download(port: server.port, into: directory).run(to: path, progress: nil)
        }
        #expect(!FileManager.default.fileExists(atPath: path + ".part"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
