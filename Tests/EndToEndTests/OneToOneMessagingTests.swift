import Foundation
import IMSQLite
import Testing

@Suite("one-to-one messaging through the real imctl and server", .timeLimit(.minutes(2)))
struct OneToOneMessagingTests {
    @Test("alice sends, bob's wait returns the message; history and conv fetch agree")
    func sendWaitHistory() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])

        let ready = world.directory.sub("bob-ready")
        let waiter = try bob.start("wait", "--type", "onMessagesReceived", "--from", "alice", "--timeout", "30s", "--ready-file", ready)
        #expect(await waitForFile(ready), "wait never became ready: \(waiter.stderr)")

        let sent = try await alice.run("msg", "send", "bob", "hello bob")
        #expect(sent.exitCode == 0, "\(sent.stderr)")
        let result = try #require(try sent.json() as? [String: Any])
        let message = try #require(result["message"] as? [String: Any])
        #expect(result["cursor"] is String)
        #expect(message["from"] as? String == "alice")
        #expect(message["to"] as? String == "bob")
        #expect((message["serverTime"] as? Int ?? 0) > 1_600_000_000_000)

        #expect(await waiter.waitForExit(timeout: 20) == 0)
        let got = try #require(await waiter.waitForLines(1).first)
        let messages = try #require(got["messages"] as? [[String: Any]])
        #expect(messages.first?["msgId"] as? String == message["msgId"] as? String)
        #expect((messages.first?["body"] as? [String: Any])?["content"] as? String == "hello bob")
        #expect(messages.first?["conversationId"] as? String == "alice")

        let history = try await bob.run("msg", "history", "alice")
        #expect(history.exitCode == 0, "\(history.stderr)")
        let list = try #require(try history.json() as? [[String: Any]])
        #expect(list.map { $0["msgId"] as? String } == [message["msgId"] as? String])

        _ = try await alice.run("msg", "send", "bob", "second")
        let conversations = try #require(try await bob.run("conv", "fetch").json() as? [[String: Any]])
        let entry = try #require(conversations.first { $0["conversationId"] as? String == "alice" })
        #expect(entry["unreadCount"] as? Int == 2)
        let aliceSide = try #require(try await alice.run("conv", "fetch").json() as? [[String: Any]])
        #expect(aliceSide.first { $0["conversationId"] as? String == "bob" }?["unreadCount"] as? Int == 0)
    }

    @Test("a wait --since <cursor> started after the reply arrived still returns it")
    func waitSinceCursorAfterTheFact() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let sent = try #require(try await alice.run("msg", "send", "bob", "ping").json() as? [String: Any])
        let cursor = try #require(sent["cursor"] as? String)
        #expect(try await bob.run("msg", "send", "alice", "pong").exitCode == 0)

        let waited = try await alice.run("wait", "--since", cursor, "--from", "bob", "--match", "^po", "--timeout", "10s")
        #expect(waited.exitCode == 0, "\(waited.stderr)")
        let event = try #require(try waited.lines().first)
        #expect(event["type"] as? String == "onMessagesReceived")
        #expect(((event["messages"] as? [[String: Any]])?.first?["body"] as? [String: Any])?["content"] as? String == "pong")
    }

    @Test("a wait --since a cursor behind the log's floor is never silent: stream.gap on stderr, or exit 10 with --on-gap fail")
    func waitReportsGaps() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let first = try #require(try await alice.run("msg", "send", "bob", "lost").json() as? [String: Any])
        let before = try #require(first["cursor"] as? String)
        let second = try #require(try await alice.run("msg", "send", "bob", "kept").json() as? [String: Any])
        let floor = try #require((second["cursor"] as? String).flatMap { Int($0) })
        // As if bob's log had dropped its oldest entries past the cap (semantics §8.2): his floor moves past `before`.
        let server = try Connection(path: world.server.dataDirectory + "/server.sqlite")
        try server.query("UPDATE user_logs SET floor = ? WHERE user_id = 'bob'", floor)

        let warned = try await bob.run("wait", "--since", before, "--match", "kept", "--timeout", "0")
        #expect(warned.exitCode == 0, "\(warned.stderr)")
        #expect(warned.stderr.contains("stream.gap"))
        let failed = try await bob.run("wait", "--since", before, "--match", "kept", "--timeout", "0", "--on-gap", "fail")
        #expect(failed.exitCode == 10)
        #expect(failed.stdout.isEmpty)
        let error = try #require(try failed.errorEnvelope()["error"] as? [String: Any])
        #expect(error["code"] as? Int == 1, "lost events are no busy server: \(error)")
        #expect(error["retryable"] as? Bool == false)
        // The failed run printed nothing past its start, so the next run from the stored position shows the gap and the
        // kept message again instead of skipping them.
        let next = try await bob.run("events", "--once")
        #expect(next.stderr.contains("stream.gap"), "\(next.stderr)")
        #expect(try next.lines().contains { ($0["messages"] as? [[String: Any]])?.first?["body"].flatMap { ($0 as? [String: Any])?["content"] as? String } == "kept" })
    }

    @Test("events --count stops mid-batch: the next run from the stored position starts after the last printed event")
    func countLeavesTheRestForTheNextRun() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        for text in ["c1", "c2", "c3"] { #expect(try await alice.run("msg", "send", "bob", text).exitCode == 0) }
        func texts(_ result: RunResult) throws -> [String] {
            try result.lines().compactMap { (($0["messages"] as? [[String: Any]])?.first?["body"] as? [String: Any])?["content"] as? String }
        }
        #expect(try texts(await bob.run("events", "--count", "1")) == ["c1"])
        #expect(try texts(await bob.run("events", "--once")) == ["c2", "c3"])
        #expect(try texts(await bob.run("events", "--once")).isEmpty)
    }

    @Test("events from the server's stored position: onConnected and the sync start carry the cursor before the backlog")
    func connectedCursorPrecedesTheBacklog() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        for text in ["h1", "h2"] { #expect(try await alice.run("msg", "send", "bob", text).exitCode == 0) }
        let lines = try await bob.run("events", "--once").lines()
        let types = lines.map { $0["type"] as? String }
        #expect(types == ["onConnected", "onOfflineMessageSyncStart", "onMessagesReceived", "onMessagesReceived", "onOfflineMessageSyncFinish"])
        let resume = try #require(lines.first?["cursor"] as? String)
        #expect(lines[1]["cursor"] as? String == resume)
        let again = try await bob.run("events", "--since", resume, "--once").lines()
        #expect(again.filter { $0["type"] as? String == "onMessagesReceived" }.count == 2, "resuming from onConnected's cursor skipped the backlog")
    }

    @Test("events --count 1 in the background waits for a real event: onConnected is printed but not counted")
    func countSkipsConnectionEvents() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let ready = world.directory.sub("bob-ready")
        let listener = try bob.start("events", "--since", "now", "--count", "1", "--ready-file", ready, "--timeout", "30s")
        #expect(await waitForFile(ready), "events never became ready: \(listener.stderr)")
        #expect(try await alice.run("msg", "send", "bob", "counted").exitCode == 0)
        #expect(await listener.waitForExit(timeout: 20) == 0)
        let types = await listener.waitForLines(2).map { $0["type"] as? String }
        #expect(types == ["onConnected", "onMessagesReceived"])
    }

    @Test("text from stdin, and a retried msgId is stored once")
    func stdinAndIdempotency() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let first = try await alice.run("msg", "send", "bob", "-", "--msg-id", "ci-job-42", stdin: "from stdin\n")
        #expect(first.exitCode == 0, "\(first.stderr)")
        let again = try await alice.run("msg", "send", "bob", "-", "--msg-id", "ci-job-42", stdin: "from stdin\n")
        #expect(again.exitCode == 0, "\(again.stderr)")
        let firstTime = ((try first.json() as? [String: Any])?["message"] as? [String: Any])?["serverTime"] as? Int
        let againTime = ((try again.json() as? [String: Any])?["message"] as? [String: Any])?["serverTime"] as? Int
        #expect(firstTime != nil && firstTime == againTime)

        let conflicting = try await alice.run("msg", "send", "bob", "other text", "--msg-id", "ci-job-42")
        #expect(conflicting.exitCode == 6)  // cli-conventions §3: an idempotency key reused with another payload
        #expect((try conflicting.errorEnvelope()["error"] as? [String: Any])?["code"] as? Int == 500)

        let history = try #require(try await bob.run("msg", "history", "alice").json() as? [[String: Any]])
        #expect(history.count == 1)
        let events = try await bob.run("events", "--since", "start", "--once")
        #expect(events.exitCode == 0, "\(events.stderr)")
        let received = try events.lines().filter { $0["type"] as? String == "onMessagesReceived" }
        #expect(received.count == 1)
    }
}

@Suite("command messages and --wait-reply", .timeLimit(.minutes(2)))
struct CommandAndReplyTests {
    @Test("a cmd message reaches bob as onCmdMessagesReceived and stays out of history")
    func commandMessage() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let sent = try await alice.run("msg", "send", "bob", "--type", "cmd", "--action", "typing")
        #expect(sent.exitCode == 0, "\(sent.stderr)")
        let cursor = try #require((try sent.json() as? [String: Any])?["cursor"] as? String)
        let waited = try await bob.run("wait", "--since", cursor, "--type", "onCmdMessagesReceived", "--timeout", "10s")
        #expect(waited.exitCode == 0, "\(waited.stderr)")
        let body = ((try waited.lines().first?["messages"] as? [[String: Any]])?.first?["body"] as? [String: Any])
        #expect(body?["action"] as? String == "typing")
        let history = try #require(try await bob.run("msg", "history", "alice").json() as? [[String: Any]])
        #expect(history.isEmpty)
    }

    @Test("msg send --wait-reply returns bob's answer in one step")
    func waitReply() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        async let asked = alice.run("msg", "send", "bob", "are you there?", "--wait-reply", "20s")
        let ready = try bob.start("wait", "--since", "start", "--from", "alice", "--timeout", "20s")
        #expect(await ready.waitForExit() == 0)
        #expect(try await bob.run("msg", "send", "alice", "yes").exitCode == 0)
        let result = try await asked
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"content\":\"yes\""), "\(result.stdout)")
    }
}

/// Waits up to `timeout` seconds for a file to exist (`--ready-file`), sleeping between looks without holding a thread.
func waitForFile(_ path: String, timeout: Duration = .seconds(20)) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if FileManager.default.fileExists(atPath: path) { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return false
}
