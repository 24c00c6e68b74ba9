import Foundation
import Testing

@Suite("imctl api: any endpoint as the logged-in user", .timeLimit(.minutes(2)))
struct ApiCommandTests {
    @Test("POST a message and GET the server list by hand; the answer's JSON is printed as it came")
    func roundTrip() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let sent = try await alice.run("api", "post", "/v1/messages", "--data", #"{"to":"bob","body":{"type":"text","content":"by hand"}}"#)
        #expect(sent.exitCode == 0, "\(sent.stderr)")
        let answer = try #require(try sent.json() as? [String: Any])
        #expect(answer["cursor"] is String)
        #expect((answer["message"] as? [String: Any])?["to"] as? String == "bob")

        let fromStdin = try await alice.run("api", "POST", "/v1/messages", "--data", "-", stdin: #"{"to":"bob","body":{"type":"text","content":"piped"}}"#)
        #expect(fromStdin.exitCode == 0, "\(fromStdin.stderr)")

        let list = try #require(try await bob.run("api", "GET", "/v1/conversations?pageSize=5").json() as? [String: Any])
        let entries = try #require(list["data"] as? [[String: Any]])
        #expect(entries.first?["conversationId"] as? String == "alice")
        #expect(entries.first?["unreadCount"] as? Int == 2)

        let anonymous = world.user("nobody")
        #expect(try await anonymous.run("api", "GET", "/v1/health").exitCode == 0, "no login needed where the server needs none")
    }

    @Test("errors: the server's answer as the envelope with its exit code; bad METHOD, PATH or --data exit 2 before sending")
    func errors() async throws {
        let world = try await World()
        let alice = try await world.loggedIn("alice")[0]
        let badPage = try await alice.run("api", "GET", "/v1/conversations?pageSize=0")
        #expect(badPage.exitCode == 2 && badPage.stdout.isEmpty)
        #expect((try badPage.errorEnvelope()["error"] as? [String: Any])?["code"] as? Int == 110)
        let unknownUser = try await alice.run("api", "POST", "/v1/messages", "--data", #"{"to":"ghost","body":{"type":"text","content":"x"}}"#)
        #expect(unknownUser.exitCode == 3)
        #expect((try unknownUser.errorEnvelope()["error"] as? [String: Any])?["code"] as? Int == 204)

        for arguments in [["FETCH", "/v1/health"], ["GET", "/v1/conversations", "--data", "{}"], ["GET", "v1/health"], ["GET", "/v1/a b"], ["POST", "/v1/messages", "--data", "{"],
            ["POST", "/v1/messages", "--data", "@/no-such-file-imctl"]] {
            let result = try await alice.run(arguments: ["api"] + arguments)
            #expect(result.exitCode == 2, "\(arguments): \(result.stderr)")
            #expect(try result.errorEnvelope()["exitCode"] as? Int == 2)
        }
    }

    @Test("--header adds a request header: a download with its file secret prints a text answer and refuses a binary one")
    func headersAndDownloads() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        func upload(_ name: String, _ bytes: [UInt8]) async throws -> (path: String, secret: String) {
            let file = world.directory.sub(name)
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let sent = try #require(try await alice.run("msg", "send", "bob", "--file", file).json() as? [String: Any])
            let body = try #require((sent["message"] as? [String: Any])?["body"] as? [String: Any])
            return (try #require(body["remotePath"] as? String), try #require(body["secret"] as? String))
        }
        let text = try await upload("note.txt", Array("plain words\n".utf8))
        let fetched = try await bob.run("api", "GET", "/v1/files/\(text.path)", "-H", "X-IM-File-Secret: \(text.secret)")
        #expect(fetched.exitCode == 0, "\(fetched.stderr)")
        #expect(fetched.stdout == "plain words\n")
        #expect(try await bob.run("api", "GET", "/v1/files/\(text.path)").exitCode == 5, "no secret → 403")

        let binary = try await upload("blob.bin", [0xFF, 0xFE, 0x00, 0x80, 0x81])
        let refused = try await bob.run("api", "GET", "/v1/files/\(binary.path)", "--header", "X-IM-File-Secret: \(binary.secret)")
        #expect(refused.exitCode == 1 && refused.stdout.isEmpty, "\(refused.stderr)")
        #expect((try refused.errorEnvelope()["error"] as? [String: Any])?["hint"] as? String != nil)

        for header in ["NoColon", "Authorization: Bearer x", "Bad Name: x"] {
            #expect(try await bob.run("api", "GET", "/v1/health", "-H", header).exitCode == 2, "\(header)")
        }
    }
}

