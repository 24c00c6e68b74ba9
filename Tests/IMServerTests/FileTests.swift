import HTTPTypes
import IMCore
import IMSQLite
import NIOCore
import Testing

@testable import IMServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite("Attachments: upload, download, secret, Range, limits, retention (§3.3, §4.2, §8.1)", .timeLimit(.minutes(1)))
struct FileTests {
    static let photo = fixture("photo-320x240.jpg")
    static let gif = fixture("box-48x36.gif")

    /// A file of `Tests/Fixtures`.
    static func fixture(_ name: String) -> Data {
        FileManager.default.contents(atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/" + name).path)!
    }

    @Test("an uploaded file sent as a file body downloads byte for byte with its secret; wrong or no secret → 403")
    func roundTrip() async throws {
        try await TestServer.withApp { server in
            let alice = try await server.login("alice")
            let bob = try await server.login("bob")
            let bytes = Array((0..<70_000).map { UInt8($0 % 251) })
            let upload = try server.decode(UploadedFile.self, try await alice.upload(bytes))
            #expect(upload.fileSize == 70_000)
            #expect(upload.thumbnailRemotePath == nil)
            var body = FileBody(displayName: "data.bin", fileSize: 1, remotePath: upload.remotePath, secret: upload.secret)
            body.localPath = "/home/alice/data.bin"
            let sent = try server.decode(SendMessageResponse.self, try await alice.send(to: "bob", body: .file(body)))
            guard case .file(let stored) = sent.message.body else { Issue.record("not a file body"); return }
            #expect(stored.fileSize == 70_000)
            #expect(stored.localPath == nil)
            let received = try await bob.events().events.first { $0.type == EventType.messagesReceived }
            let delivered = try WireJSON.decode([Message].self, from: WireJSON.encode(try #require(received?.payload["messages"])))[0]
            #expect(delivered.body == sent.message.body)

            let download = try await bob.download(upload.remotePath, secret: upload.secret)
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == bytes)
            #expect(try server.errorCode(try await bob.download(upload.remotePath, secret: "wrong")) == 403)
            #expect(try server.errorCode(try await bob.download(upload.remotePath, secret: nil)) == 403)
            #expect(try server.errorCode(try await bob.download("0123", secret: upload.secret)) == 400)
        }
    }

    @Test("only participants download (§4.2): the uploader at once, the recipient once a message carries it; others → 403 even with the secret")
    func participantsOnly() async throws {
        try await TestServer.withApp(users: ["alice", "bob", "carol"]) { server in
            let alice = try await server.login("alice")
            let bob = try await server.login("bob")
            let carol = try await server.login("carol")
            let upload = try server.decode(UploadedFile.self, try await alice.upload(Array(repeating: 7, count: 300)))
            #expect(try await alice.download(upload.remotePath, secret: upload.secret).status == .ok)
            #expect(try server.errorCode(try await bob.download(upload.remotePath, secret: upload.secret)) == 403, "not sent yet")
            let body = FileBody(displayName: "d.bin", remotePath: upload.remotePath, secret: upload.secret)
            #expect(try await alice.send(to: "bob", body: .file(body)).status == .ok)
            #expect(try await bob.download(upload.remotePath, secret: upload.secret).status == .ok)
            #expect(try server.errorCode(try await carol.download(upload.remotePath, secret: upload.secret)) == 403)

            // A deliverOnlineOnly message lets its recipient download too.
            let second = try server.decode(UploadedFile.self, try await alice.upload(Array(repeating: 8, count: 300)))
            var online = Message(
                msgId: "", conversationId: "", from: "", to: "carol", chatType: .chat,
                body: .file(FileBody(displayName: "e.bin", remotePath: second.remotePath, secret: second.secret)))
            online.deliverOnlineOnly = true
            #expect(try await alice.call(.post, "/v1/messages", body: online).status == .ok)
            #expect(try await carol.download(second.remotePath, secret: second.secret).status == .ok)
            #expect(try server.errorCode(try await bob.download(second.remotePath, secret: second.secret)) == 403)
        }
    }

    @Test("the fileReaders migration lets the recipients of messages stored before it download their attachments")
    func fileReadersBackfill() throws {
        let directory = TestServer.testConfiguration().dataDirectory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { _ = try? FileManager.default.removeItem(atPath: directory) }
        let connection = try Connection(path: directory + "/server.sqlite")
        try Migrator([Schema.version1, Schema.version2, Schema.messageOps, Schema.files, Schema.conversations, Schema.gifUploads, Schema.sendReplays])
            .migrate(connection)
        let image = #"{"body":{"type":"image","remotePath":"f1","secret":"s","thumbnailRemotePath":"t1","thumbnailSecret":"u"}}"#
        let text = #"{"body":{"type":"text","content":"hi"}}"#
        for (msgId, sender, recipient, json) in [("m1", "alice", "bob", image), ("m2", "alice", "alice", image), ("m3", "bob", "alice", text)] {
            try connection.query(
                "INSERT INTO messages (app, msg_id, sender, recipient, pair, body_type, server_time, json) VALUES (1, ?, ?, ?, 'p', 'x', 1, ?)",
                msgId, sender, recipient, json)
        }
        try Schema.migrator.migrate(connection)
        let readers = try connection.query("SELECT file_id, user_id FROM file_readers ORDER BY file_id").map { "\($0.string(0)):\($0.string(1))" }
        #expect(readers == ["f1:bob", "t1:bob"])
    }

    @Test("Range: a-b, a- and -n answer 206 with Content-Range; a start past the end → 416")
    func ranges() async throws {
        try await TestServer.withApp { server in
            let alice = try await server.login("alice")
            let bytes = Array((0..<1_000).map { UInt8($0 % 256) })
            let upload = try server.decode(UploadedFile.self, try await alice.upload(bytes))
            for (range, expected, contentRange) in [
                ("bytes=10-19", Array(bytes[10...19]), "bytes 10-19/1000"),
                ("bytes=990-", Array(bytes[990...]), "bytes 990-999/1000"),
                ("bytes=-5", Array(bytes[995...]), "bytes 995-999/1000"),
                ("bytes=900-5000", Array(bytes[900...]), "bytes 900-999/1000"),
            ] {
                let reply = try await alice.download(upload.remotePath, secret: upload.secret, range: range)
                #expect(reply.status == .partialContent, "\(range)")
                #expect(reply.headers[.contentRange] == contentRange)
                #expect(Array(reply.body.readableBytesView) == expected, "\(range)")
            }
            let beyond = try await alice.download(upload.remotePath, secret: upload.secret, range: "bytes=1000-")
            #expect(beyond.status == .rangeNotSatisfiable)
            #expect(beyond.headers[.contentRange] == "bytes */1000")
        }
    }

    @Test("maxFileBytes: a declared or counted size over it → 405; empty → 401; at the limit is fine")
    func sizeLimit() async throws {
        try await TestServer.withApp(settings: ["maxFileBytes": .int(100)]) { server in
            let alice = try await server.login("alice")
            #expect(try server.errorCode(try await alice.upload(Array(repeating: 1, count: 101))) == 405)
            #expect(try server.errorCode(try await alice.upload(Array(repeating: 1, count: 101), declareLength: false)) == 405)
            #expect(try server.errorCode(try await alice.upload([], declareLength: true)) == 401)
            _ = try server.decode(UploadedFile.self, try await alice.upload(Array(repeating: 1, count: 100)))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: server.dataDirectory + "/files/incoming")
            #expect(leftovers.isEmpty)
        }
    }

    @Test("a body must name an upload of the sender with its secret (else 400); bad fields → 110")
    func sendChecks() async throws {
        try await TestServer.withApp { server in
            let alice = try await server.login("alice")
            let bob = try await server.login("bob")
            let bobs = try server.decode(UploadedFile.self, try await bob.upload([1, 2, 3]))
            let mine = try server.decode(UploadedFile.self, try await alice.upload([1, 2, 3]))
            func code(_ body: MessageBody) async throws -> Int { try server.errorCode(try await alice.send(to: "bob", body: body)) }
            #expect(try await code(.file(FileBody(displayName: "a", remotePath: bobs.remotePath, secret: bobs.secret))) == 400)
            #expect(try await code(.file(FileBody(displayName: "a", remotePath: mine.remotePath, secret: "nope"))) == 400)
            #expect(try await code(.voice(FileBody(displayName: "a"))) == 400)
            #expect(try await code(.file(FileBody(displayName: "", remotePath: mine.remotePath, secret: mine.secret))) == 110)
            var voice = FileBody(displayName: "a.ogg", remotePath: mine.remotePath, secret: mine.secret)
            voice.duration = -1
            #expect(try await code(.voice(voice)) == 110)
            var video = FileBody(displayName: "v.mp4", remotePath: mine.remotePath, secret: mine.secret)
            (video.thumbnailRemotePath, video.thumbnailSecret) = (bobs.remotePath, bobs.secret)
            #expect(try await code(.video(video)) == 400)
            voice.duration = 3
            _ = try server.decode(SendMessageResponse.self, try await alice.send(to: "bob", body: .voice(voice)))
        }
    }

    @Test("combine: 1–300 valid message IDs (else 110) and a file uploaded by the sender (else 400); localPath dropped")
    func combine() async throws {
        try await TestServer.withApp { server in
            let alice = try await server.login("alice")
            let bob = try await server.login("bob")
            let bobs = try server.decode(UploadedFile.self, try await bob.upload(Array("[]".utf8)))
            let mine = try server.decode(UploadedFile.self, try await alice.upload(Array("[]".utf8)))
            func combined(_ ids: [String], _ upload: UploadedFile) -> MessageBody {
                var body = CombineBody(messageIdList: ids, title: "t")
                (body.remotePath, body.secret, body.localPath) = (upload.remotePath, upload.secret, "/tmp/x")
                return .combine(body)
            }
            func code(_ body: MessageBody) async throws -> Int { try server.errorCode(try await alice.send(to: "bob", body: body)) }
            #expect(try await code(combined([], mine)) == 110)
            #expect(try await code(combined(Array(repeating: "m", count: 301), mine)) == 110)
            #expect(try await code(combined(["bad id"], mine)) == 110)
            #expect(try await code(combined(["m1"], bobs)) == 400)
            #expect(try await code(.combine(CombineBody(messageIdList: ["m1"]))) == 400)
            let sent = try server.decode(SendMessageResponse.self, try await alice.send(to: "bob", body: combined(["m1", "m2"], mine)))
            guard case .combine(let body) = sent.message.body else { Issue.record("not a combine body"); return }
            #expect(body.messageIdList == ["m1", "m2"] && body.remotePath == mine.remotePath && body.localPath == nil)
        }
    }

    @Test("an image gets its pixel size and a smaller JPEG thumbnail the recipient downloads with thumbnailSecret")
    func thumbnail() async throws {
        try await TestServer.withApp { server in
            let alice = try await server.login("alice")
            let bob = try await server.login("bob")
            let upload = try server.decode(UploadedFile.self, try await alice.upload(Array(Self.photo)))
            #expect(upload.width == 320)
            #expect(upload.height == 240)
            let body = FileBody(displayName: "photo.jpg", remotePath: upload.remotePath, secret: upload.secret)
            let sent = try server.decode(SendMessageResponse.self, try await alice.send(to: "bob", body: .image(body)))
            guard case .image(let image) = sent.message.body else { Issue.record("not an image body"); return }
            #expect(image.width == 320 && image.height == 240 && image.isGif == false)
            let path = try #require(image.thumbnailRemotePath)
            let thumbnail = try await bob.download(path, secret: image.thumbnailSecret)
            #expect(thumbnail.status == .ok)
            let bytes = Array(thumbnail.body.readableBytesView)
            #expect(bytes.starts(with: [0xFF, 0xD8, 0xFF]))
            #expect(bytes.count < Self.photo.count)
            #expect(Thumbnailer.make(fromFileAt: try Self.write(bytes, in: server))?.width == 200)
            #expect(try server.errorCode(try await bob.download(path, secret: upload.secret)) == 403)
        }
    }

    @Test("a GIF upload is an image with isGif set, in the upload's answer and in the sent body; a plain file has neither")
    func gif() async throws {
        try await TestServer.withApp { server in
            let alice = try await server.login("alice")
            _ = try await server.login("bob")
            let upload = try server.decode(UploadedFile.self, try await alice.upload(Array(Self.gif)))
            #expect(upload.width == 48 && upload.height == 36 && upload.isGif == true)
            let body = FileBody(displayName: "box.gif", remotePath: upload.remotePath, secret: upload.secret)
            let sent = try server.decode(SendMessageResponse.self, try await alice.send(to: "bob", body: .image(body)))
            guard case .image(let image) = sent.message.body else { Issue.record("not an image body"); return }
            #expect(image.isGif == true && image.width == 48 && image.thumbnailRemotePath != nil)
            let plain = try server.decode(UploadedFile.self, try await alice.upload(Array("GIF8 is not enough".utf8)))
            #expect(plain.width == nil && plain.isGif == nil)
        }
    }

    @Test("after fileRetentionDays a download → 407 and the bytes are deleted; sending the upload → 407")
    func retention() async throws {
        try await TestServer.withApp(settings: ["fileRetentionDays": .int(1)]) { server in
            let alice = try await server.login("alice")
            let upload = try server.decode(UploadedFile.self, try await alice.upload([7, 7, 7]))
            let probe = try ProbeDatabase(path: server.dataDirectory + "/server.sqlite")
            try probe.connection.query("UPDATE files SET uploaded_at = uploaded_at - 86400000 WHERE id = ?", upload.remotePath)
            let body = FileBody(displayName: "a", remotePath: upload.remotePath, secret: upload.secret)
            #expect(try server.errorCode(try await alice.send(to: "bob", body: .file(body))) == 407)
            #expect(try server.errorCode(try await alice.download(upload.remotePath, secret: upload.secret)) == 407)
            let stored = try FileManager.default.contentsOfDirectory(atPath: server.dataDirectory + "/files").filter { $0 != "incoming" }
            #expect(stored.isEmpty)
            #expect(try server.errorCode(try await alice.download(upload.remotePath, secret: upload.secret)) == 407)
        }
    }

    @Test("the retention sweep deletes expired bytes nobody asks for; it runs on the first write after a start, then hourly")
    func retentionSweep() async throws {
        let configuration = TestServer.testConfiguration()
        defer { _ = try? FileManager.default.removeItem(atPath: configuration.dataDirectory) }
        let filesDirectory = configuration.dataDirectory + "/files"
        let stored: @Sendable () throws -> [String] = {
            try FileManager.default.contentsOfDirectory(atPath: filesDirectory).filter { $0 != "incoming" }
        }
        try await TestServer.run(configuration: configuration) { server in
            _ = try await server.createApp(settings: ["fileRetentionDays": .int(1)])
            try await server.register("alice")
            let upload = try server.decode(UploadedFile.self, try await (try await server.login("alice")).upload([1, 2, 3]))
            let probe = try ProbeDatabase(path: server.dataDirectory + "/server.sqlite")
            try probe.connection.query("UPDATE files SET uploaded_at = uploaded_at - 86400000 WHERE id = ?", upload.remotePath)
        }
        #expect(try stored().count == 1)
        try await TestServer.run(configuration: configuration) { server in
            _ = try await server.login("alice")
            let deadline = ContinuousClock.now + .seconds(30)
            while try !stored().isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(try stored().isEmpty)
        }
    }

    @Test("recalling a file message deletes its upload: the download → 407 and the bytes leave the data directory")
    func recallRemovesTheAttachment() async throws {
        try await TestServer.withApp { server in
            let alice = try await server.login("alice")
            let bob = try await server.login("bob")
            let bytes = Array((0..<5_000).map { UInt8($0 % 199) })
            let upload = try server.decode(UploadedFile.self, try await alice.upload(bytes))
            let body = FileBody(displayName: "data.bin", remotePath: upload.remotePath, secret: upload.secret)
            let sent = try server.decode(SendMessageResponse.self, try await alice.send(to: "bob", body: .file(body)))
            let filesDirectory = server.dataDirectory + "/files"
            let stored = { try FileManager.default.contentsOfDirectory(atPath: filesDirectory).filter { $0 != "incoming" } }
            #expect(try stored().count == 1)
            let recall = try await alice.call(.post, "/v1/messages/\(sent.message.msgId)/recall", body: RecallRequest(ext: nil))
            #expect(recall.status == .ok)
            #expect(try server.errorCode(try await bob.download(upload.remotePath, secret: upload.secret)) == 407)
            #expect(try stored().isEmpty)
        }
    }

    @Test("releaseAttachments expires a recalled message's upload and thumbnail and names the bytes to delete")
    func release() async throws {
        try await TestServer.withStore { store in
            let now = WallClock.milliseconds()
            let record = { (id: String, sha: String) in
                FileRecord(id: id, app: 1, owner: "alice", secret: "s", sha256: sha, size: 1, uploadedAt: now)
            }
            try await store.insertUpload(record("f1", "aa"), thumbnail: record("t1", "bb"))
            try await store.insertUpload(record("f2", "aa"), thumbnail: nil)
            var body = FileBody(displayName: "p.jpg", remotePath: "f1", secret: "s")
            (body.thumbnailRemotePath, body.thumbnailSecret) = ("t1", "s")
            let message = Message(msgId: "m", conversationId: "bob", from: "alice", to: "bob", chatType: .chat, body: .image(body))
            let orphaned = try await store.write { try $0.releaseAttachments(of: message) }
            #expect(orphaned == ["bb"])
            #expect(try await store.upload("f1", app: 1)?.expired == true)
            #expect(try await store.upload("f2", app: 1)?.expired == false)
        }
    }

    private static func write(_ bytes: [UInt8], in server: TestServer) throws -> String {
        let path = server.dataDirectory + "/thumbnail-check"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

extension TestSession {
    /// Uploads raw bytes, with a `Content-Length` header unless told otherwise.
    func upload(_ bytes: [UInt8], declareLength: Bool = true) async throws -> Reply {
        var headers = HTTPFields()
        for (name, value) in self.headers { headers[HTTPField.Name(name)!] = value }
        headers[HTTPField.Name(Header.app)!] = app
        if declareLength { headers[.contentLength] = String(bytes.count) }
        return try await server.execute("/v1/files", .post, headers, ByteBuffer(bytes: bytes))
    }

    /// Downloads an upload with a secret and an optional `Range`.
    func download(_ remotePath: String, secret: String?, range: String? = nil) async throws -> Reply {
        var extra = headers
        if let secret { extra[Header.fileSecret] = secret }
        if let range { extra["Range"] = range }
        return try await server.request(.get, "/v1/files/\(remotePath)", app: app, headers: extra)
    }
}
