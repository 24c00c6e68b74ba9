import Foundation
import IMSQLite
import Testing

@testable import IMServer

@Suite("attachments through the real imctl and server", .timeLimit(.minutes(2)))
struct AttachmentTests {
    static let photoPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/photo-320x240.jpg").path

    /// Alice sends `arguments` to bob; returns the sent message and bob's shell (with the message in his store).
    private func sendToBob(_ world: World, _ arguments: String...) async throws -> (message: [String: Any], bob: UserShell) {
        let shells = try await world.loggedIn("alice", "bob")
        let sent = try await shells[0].run(arguments: ["msg", "send", "bob"] + arguments)
        #expect(sent.exitCode == 0, "\(sent.stderr)")
        let message = try #require((try sent.json() as? [String: Any])?["message"] as? [String: Any])
        let history = try await shells[1].run("msg", "history", "alice")
        #expect(history.exitCode == 0, "\(history.stderr)")
        return (message, shells[1])
    }

    private func errorCode(_ result: RunResult) throws -> Int? {
        (try result.errorEnvelope()["error"] as? [String: Any])?["code"] as? Int
    }

    @Test("msg send --image: bob downloads the original byte for byte (-o FILE) and a smaller 200×150 JPEG thumbnail (by default into the profile's data directory, nothing into the working directory)")
    func imageRoundTrip() async throws {
        let world = try await World()
        let (message, bob) = try await sendToBob(world, "--image", Self.photoPath)
        let body = try #require(message["body"] as? [String: Any])
        #expect(body["type"] as? String == "image")
        #expect(body["width"] as? Int == 320 && body["height"] as? Int == 240)
        #expect(body["displayName"] as? String == "photo-320x240.jpg")
        let msgId = try #require(message["msgId"] as? String)

        let original = world.directory.sub("original.jpg")
        let download = try await bob.run("msg", "download", msgId, "-o", original)
        #expect(download.exitCode == 0, "\(download.stderr)")
        #expect((try download.json() as? [String: Any])?["path"] as? String == original)
        #expect(FileManager.default.contents(atPath: original) == FileManager.default.contents(atPath: Self.photoPath))
        let folder = world.directory.sub("downloads")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let intoFolder = try await bob.run("msg", "download", msgId, "-o", folder)
        #expect((try intoFolder.json() as? [String: Any])?["path"] as? String == folder + "/photo-320x240.jpg")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["photo-320x240.jpg"])
        #expect(try await bob.run("msg", "download", msgId, "-o", "-").exitCode == 2)

        let home = try #require(bob.environment["HOME"])
        let before = try FileManager.default.contentsOfDirectory(atPath: home)
        let thumbnailRun = try await bob.run("msg", "download", msgId, "--thumbnail")
        #expect(thumbnailRun.exitCode == 0, "\(thumbnailRun.stderr)")
        let thumbnail = try #require((try thumbnailRun.json() as? [String: Any])?["path"] as? String)
        #expect(thumbnail == home + "/data/imctl/default/files/\(msgId)/thumb-photo-320x240.jpg")
        #expect(try FileManager.default.contentsOfDirectory(atPath: home) == before)
        let bytes = try #require(FileManager.default.contents(atPath: thumbnail))
        #expect(bytes.starts(with: [0xFF, 0xD8, 0xFF]))
        #expect(bytes.count < (FileManager.default.contents(atPath: Self.photoPath)?.count ?? 0))
        let decoded = try #require(Thumbnailer.make(fromFileAt: thumbnail))
        #expect(decoded.width == 200 && decoded.height == 150)
    }

    @Test("msg send --image with a file that is no image exits 2 and sends nothing; --file sends it")
    func imageMustBeAnImage() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let notes = world.directory.sub("notes.jpg")
        try Data("just some text\n".utf8).write(to: URL(fileURLWithPath: notes))
        let refused = try await shells[0].run("msg", "send", "bob", "--image", notes)
        #expect(refused.exitCode == 2, "\(refused.stderr)")
        #expect(try errorCode(refused) == 110)
        #expect(refused.stderr.contains("not an image"))
        #expect(try await shells[0].run("msg", "send", "bob", "--file", notes).exitCode == 0)
        let history = try #require(try await shells[1].run("msg", "history", "alice").json() as? [[String: Any]])
        #expect(history.compactMap { ($0["body"] as? [String: Any])?["type"] as? String } == ["file"])
    }

    @Test("msg send --combine forwards stored messages; the recipient reads them with msg combined")
    func combine() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob", "carol")
        let (alice, carol) = (shells[0], shells[2])
        var ids: [String] = []
        for text in ["first", "second"] {
            let sent = try #require(try await alice.run("msg", "send", "bob", text).json() as? [String: Any])
            ids.append(try #require((sent["message"] as? [String: Any])?["msgId"] as? String))
        }
        let forwarded = try await alice.run("msg", "send", "carol", "--combine", ids.joined(separator: ","), "--title", "chat with bob")
        #expect(forwarded.exitCode == 0, "\(forwarded.stderr)")
        let message = try #require((try forwarded.json() as? [String: Any])?["message"] as? [String: Any])
        #expect((message["body"] as? [String: Any])?["type"] as? String == "combine")
        #expect(try await carol.run("msg", "history", "alice").exitCode == 0)
        let shown = try await carol.run("msg", "combined", try #require(message["msgId"] as? String))
        #expect(shown.exitCode == 0, "\(shown.stderr)")
        let messages = try #require(try shown.json() as? [[String: Any]])
        #expect(messages.map { $0["msgId"] as? String } == ids)
        #expect(messages.map { ($0["body"] as? [String: Any])?["content"] as? String } == ["first", "second"])
        let unknown = try await alice.run("msg", "send", "carol", "--combine", "nosuchmessage")
        #expect(try errorCode(unknown) == 500)
    }

    @Test("a partial .part download resumes with Range: the bytes already there are kept, the rest appended")
    func resume() async throws {
        let world = try await World()
        let payload = Data((0..<300_000).map { UInt8($0 % 253) })
        let source = world.directory.sub("payload.bin")
        try payload.write(to: URL(fileURLWithPath: source))
        let (message, bob) = try await sendToBob(world, "--file", source)
        let target = world.directory.sub("resumed.bin")
        // A marker prefix the server would never send: only a Range request keeps it.
        let marker = Data(repeating: 0xEE, count: 100_000)
        try marker.write(to: URL(fileURLWithPath: target + ".part"))
        let run = try await bob.run("msg", "download", try #require(message["msgId"] as? String), "--out", target)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(FileManager.default.contents(atPath: target) == marker + payload[100_000...])
        #expect(!FileManager.default.fileExists(atPath: target + ".part"))
    }

    @Test("a file over maxFileBytes → 405 (exit 1); a wrong secret → 403 (exit 5); an expired file → 407 (exit 5)")
    func limitsSecretAndRetention() async throws {
        let world = try await World()
        #expect(try await world.admin("settings", "set", "maxFileBytes=1000", "fileRetentionDays=1").exitCode == 0)
        let big = world.directory.sub("big.bin")
        try Data(repeating: 1, count: 1_001).write(to: URL(fileURLWithPath: big))
        let small = world.directory.sub("small.bin")
        try Data(repeating: 2, count: 1_000).write(to: URL(fileURLWithPath: small))
        let (message, bob) = try await sendToBob(world, "--file", small)
        let msgId = try #require(message["msgId"] as? String)

        let alice = world.user("alice")
        let tooBig = try await alice.run("msg", "send", "bob", "--file", big)
        #expect(tooBig.exitCode == 1)
        #expect(try errorCode(tooBig) == 405)
        let directory = try await alice.run("msg", "send", "bob", "--file", world.directory.sub("home-bob"))
        #expect(directory.exitCode == 2, "a bad local path is the argument's fault, and nothing was sent")
        #expect(try errorCode(directory) == 110)
        #expect(directory.stderr.contains("not a regular file"))
        let missing = try await alice.run("msg", "send", "bob", "--image", world.directory.sub("no-such.png"))
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("No such file"), "\(missing.stderr)")

        let store = try #require(FileManager.default.subpathsOfDirectory(atPath: world.directory.sub("home-bob/data")).first { $0.hasSuffix("store.sqlite") })
        let local = try Connection(path: world.directory.sub("home-bob/data/") + store)
        let secret = try #require((message["body"] as? [String: Any])?["secret"] as? String)
        try local.query("UPDATE messages SET json = replace(json, ?, 'wrong') WHERE msgId = ?", secret, msgId)
        let forbidden = try await bob.run("msg", "download", msgId, "--out", world.directory.sub("x"))
        #expect(forbidden.exitCode == 5)
        #expect(try errorCode(forbidden) == 403)
        try local.query("UPDATE messages SET json = replace(json, 'wrong', ?) WHERE msgId = ?", secret, msgId)

        // Without a Content-Length (chunked) the server counts the bytes and stops at the limit.
        let credentialsDirectory = world.directory.sub("home-alice/config/imctl/credentials")
        let credentialsFile = try #require(try FileManager.default.contentsOfDirectory(atPath: credentialsDirectory).first)
        let credentials = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: credentialsDirectory + "/" + credentialsFile))) as? [String: Any])
        let chunked = try runProcess(
            "/usr/bin/curl",
            [
                "-sS", "-X", "POST", "-T", big, "-H", "Transfer-Encoding: chunked", "-H", "X-IM-App: \(world.appKey)",
                "-H", "Authorization: Bearer \(credentials["token"] as? String ?? "")",
                "-H", "X-IM-Resource: \(credentials["resource"] as? String ?? "")", "-w", "\n%{http_code}", world.server.url + "/v1/files",
            ], environment: [:])
        #expect(chunked.stdout.hasSuffix("\n413"), "\(chunked.stdout) \(chunked.stderr)")
        #expect(chunked.stdout.contains("\"code\":405"))

        let server = try Connection(path: world.server.dataDirectory + "/server.sqlite")
        try server.query("UPDATE files SET uploaded_at = uploaded_at - 86400000")
        let expired = try await bob.run("msg", "download", msgId, "--out", world.directory.sub("y"))
        #expect(expired.exitCode == 5)
        #expect(try errorCode(expired) == 407)
    }
}
