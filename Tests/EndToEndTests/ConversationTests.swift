import Foundation
import Testing

@Suite("conversations and the local store through the real imctl and server", .timeLimit(.minutes(2)))
struct ConversationTests {
    /// NDJSON of `count` text messages between `me` and `peer`, alternating direction, 10 ms apart.
    private func ndjson(_ me: String, _ peer: String, count: Int, prefix: String = "m", start: Int = 1_000) -> String {
        (0..<count).map { index in
            let (from, to) = index.isMultiple(of: 2) ? (peer, me) : (me, peer)
            return #"{"msgId":"\#(prefix)\#(index)","from":"\#(from)","to":"\#(to)","chatType":"chat","body":{"type":"text","content":"\#(prefix) number \#(index)"},"serverTime":\#(start + index * 10)}"#
        }.joined(separator: "\n") + "\n"
    }

    /// True when the command printed an empty JSON array.
    private func isEmptyList(_ result: RunResult) throws -> Bool {
        try #require(try result.json() as? [Any], "\(result.stderr)").isEmpty
    }

    private func ids(_ result: RunResult) throws -> [String] {
        try #require(try result.json() as? [[String: Any]], "\(result.stderr)").compactMap { $0["msgId"] as? String }
    }

    @Test("import, show, messages, search, read, ext, insert, update, remove, clear, prune, reset — all local")
    func localStore() async throws {
        let world = try await World()
        let alice = try #require(try await world.loggedIn("alice").first)
        let stranger = #"{"msgId":"x1","from":"bob","to":"carol","chatType":"chat","body":{"type":"text","content":"no"}}"#
        let refused = try await alice.run("msg", "import", "-", stdin: ndjson("alice", "bob", count: 2) + stranger + "\n")
        #expect(refused.exitCode == 3, "\(refused.stderr)")
        #expect((try refused.errorEnvelope()["error"] as? [String: Any])?["code"] as? Int == 500)
        #expect(try isEmptyList(await alice.run("conv", "list")))
        #expect(try await alice.run("msg", "import", "-", stdin: "{not json\n").exitCode == 2)

        let file = world.directory.sub("history.ndjson")
        try ndjson("alice", "bob", count: 6).write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try await alice.run("msg", "import", file)
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        #expect((try imported.json() as? [String: Any])?["imported"] as? Int == 6)

        let show = try #require(try await alice.run("conv", "show", "bob").json() as? [String: Any])
        #expect(show["localMessageCount"] as? Int == 6)
        #expect((show["latestMessage"] as? [String: Any])?["msgId"] as? String == "m5")
        #expect((show["lastReceivedMessage"] as? [String: Any])?["msgId"] as? String == "m4")
        #expect(try await alice.run("conv", "show", "nobody").exitCode == 3)

        #expect(try ids(await alice.run("conv", "messages", "bob", "--from", "m3", "--limit", "2")) == ["m2", "m1"])
        #expect(try ids(await alice.run("conv", "messages", "bob", "--from", "m3", "--direction", "down")) == ["m4", "m5"])
        #expect(try await alice.run("conv", "messages", "bob", "--from", "zz").exitCode == 3)

        #expect(try ids(await alice.run("msg", "search", "number 3")) == ["m3"])
        #expect(try ids(await alice.run("msg", "search", "NUMBER", "--from", "bob", "--limit", "2")) == ["m4", "m2"])
        #expect(try ids(await alice.run("msg", "search", "--after", "1020", "--limit", "2")) == ["m2", "m3"])
        #expect(try ids(await alice.run("msg", "search", "--before", "1020", "--types", "text")) == ["m2", "m1", "m0"])
        #expect(try await alice.run("msg", "search", "x", "--limit", "401").exitCode == 2)
        #expect(try await alice.run("msg", "search", "--before", "1", "--after", "2").exitCode == 2)

        let ext = try await alice.run("conv", "ext", "bob", "--set", "draft=hello", "--set", "n=1")
        #expect(try ext.json() as? [String: String] == ["draft": "hello", "n": "1"])
        #expect(try await alice.run("conv", "ext", "bob", "--unset", "n").json() as? [String: String] == ["draft": "hello"])

        let note = #"{"msgId":"note1","conversationId":"bob","from":"alice","to":"bob","chatType":"chat","body":{"type":"text","content":"local note"},"serverTime":5}"#
        let appended = try #require(try await alice.run("msg", "insert", "-", "--append", stdin: note).json() as? [String: Any])
        #expect(appended["serverTime"] as? Int == 1_051)
        let edited = note.replacingOccurrences(of: "local note", with: "edited").replacingOccurrences(of: #""serverTime":5"#, with: #""serverTime":1051"#)
        #expect(try await alice.run("msg", "update", "-", stdin: edited).exitCode == 0)
        #expect(try ids(await alice.run("msg", "search", "edited")) == ["note1"])
        #expect(try await alice.run("msg", "update", "-", stdin: edited.replacingOccurrences(of: "note1", with: "ghost")).exitCode == 3)

        #expect(try await alice.run("conv", "remove-message", "bob", "note1", "m5").exitCode == 0)
        #expect(try ids(await alice.run("conv", "messages", "bob", "--limit", "1")) == ["m4"])
        #expect(try await alice.run("msg", "prune", "--before", "1020").exitCode == 0)
        #expect(try ids(await alice.run("conv", "messages", "bob", "--direction", "down")) == ["m2", "m3", "m4"])
        #expect(try await alice.run("conv", "clear", "bob").exitCode == 0)
        #expect((try await alice.run("conv", "show", "bob").json() as? [String: Any])?["localMessageCount"] as? Int == 0)

        let refusedReset = try await alice.run("local", "reset")
        #expect(refusedReset.exitCode == 2, "\(refusedReset.stderr)")
        #expect(try !isEmptyList(await alice.run("conv", "list")))
        #expect(try await alice.run("local", "reset", "--yes").exitCode == 0)
        #expect(try isEmptyList(await alice.run("conv", "list")))
    }

    @Test("received messages and history fetches fill the store; unread counts and conv read")
    func storeFilledFromServer() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        for text in ["one", "two", "three"] { #expect(try await alice.run("msg", "send", "bob", text).exitCode == 0) }
        #expect(try await bob.run("events", "--since", "start", "--once").exitCode == 0)
        let list = try #require(try await bob.run("conv", "list").json() as? [[String: Any]])
        #expect(list.first?["unreadCount"] as? Int == 3)
        #expect(try ids(await bob.run("msg", "search", "two")).count == 1)
        let read = try #require(try await bob.run("conv", "read", "alice").json() as? [String: Any])
        #expect(read["unreadCount"] as? Int == 0)
        #expect(try await alice.run("local", "reset", "--yes").exitCode == 0)
        #expect(try await alice.run("msg", "history", "bob").exitCode == 0)
        #expect(try ids(await alice.run("conv", "messages", "bob")).count == 3)
    }

    @Test("conv fetch, then the event backlog: the local unread count stays the server's, and grows with newer messages")
    func fetchThenEventsCountsOnce() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        for text in ["g1", "g2", "g3", "g4"] { #expect(try await alice.run("msg", "send", "bob", text).exitCode == 0) }
        let fetched = try #require(try await bob.run("conv", "fetch").json() as? [[String: Any]])
        #expect(fetched.first?["unreadCount"] as? Int == 4)
        #expect(try await bob.run("events", "--once").exitCode == 0)
        let unread = { try #require(try await bob.run("conv", "list").json() as? [[String: Any]]).first?["unreadCount"] as? Int }
        #expect(try await unread() == 4)
        #expect(try await alice.run("msg", "send", "bob", "g5").exitCode == 0)
        #expect(try await bob.run("events", "--once").exitCode == 0)
        #expect(try await unread() == 5)
    }

    @Test("conv fetch after a recall and a read on another device: the replayed backlog leaves the server's count alone")
    func fetchAfterRecallAndReadCountsOnce() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let unread = { try #require(try await bob.run("conv", "list").json() as? [[String: Any]]).first?["unreadCount"] as? Int }
        var sent: [String] = []
        for text in ["r1", "r2", "r3"] {
            let result = try #require(try await alice.run("msg", "send", "bob", text).json() as? [String: Any])
            sent.append(try #require((result["message"] as? [String: Any])?["msgId"] as? String))
        }
        #expect(try await alice.run("msg", "recall", sent[0]).exitCode == 0)
        let fetched = try #require(try await bob.run("conv", "fetch").json() as? [[String: Any]])
        #expect(fetched.first?["unreadCount"] as? Int == 2)
        #expect(try await bob.run("events", "--once").exitCode == 0)
        #expect(try await unread() == 2, "a recall before the fetch is already in the server's count")

        let otherDevice = world.user("bob-tablet")
        #expect(try await otherDevice.run("login", "bob", "--password-stdin", stdin: "pw-bob\n").exitCode == 0)
        #expect(try await otherDevice.run("conv", "ack", "alice").exitCode == 0)
        #expect(try await alice.run("msg", "send", "bob", "r4").exitCode == 0)
        let refetched = try #require(try await bob.run("conv", "fetch").json() as? [[String: Any]])
        #expect(refetched.first?["unreadCount"] as? Int == 1)
        #expect(try await bob.run("events", "--once").exitCode == 0)
        #expect(try await unread() == 1, "a read on the other device before the fetch does not clear the newer message")

        #expect(try await alice.run("msg", "send", "bob", "r5").exitCode == 0)
        #expect(try await bob.run("events", "--once").exitCode == 0)
        #expect(try await unread() == 2, "events after the fetch still count")
    }

    @Test("an events run that stopped early, then the replay: events it already applied change the local count no more")
    func replayAfterStoppedRunCountsOnce() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let otherDevice = world.user("bob-phone")
        #expect(try await otherDevice.run("login", "bob", "--password-stdin", stdin: "pw-bob\n").exitCode == 0)
        for text in ["s1", "s2"] { #expect(try await alice.run("msg", "send", "bob", text).exitCode == 0) }
        #expect(try await otherDevice.run("conv", "ack", "alice").exitCode == 0)
        #expect(try await alice.run("msg", "send", "bob", "s3").exitCode == 0)
        // The first run applies the whole batch to the store but leaves the stored position after its one printed event.
        #expect(try await bob.run("events", "--once", "--count", "1").exitCode == 0)
        #expect(try await bob.run("events", "--once").exitCode == 0)
        let local = try #require(try await bob.run("conv", "list").json() as? [[String: Any]]).first?["unreadCount"] as? Int
        let server = try #require(try await bob.run("api", "GET", "/v1/conversations").json() as? [String: Any])
        let serverCount = (server["data"] as? [[String: Any]])?.first?["unreadCount"] as? Int
        #expect(serverCount == 1)
        #expect(local == serverCount, "the read is not applied again after s3 was counted")
    }

    @Test("two imctl processes import into one profile at the same time")
    func concurrentProcesses() async throws {
        let world = try await World()
        let alice = try #require(try await world.loggedIn("alice").first)
        async let first = alice.run("msg", "import", "-", stdin: ndjson("alice", "bob", count: 300, prefix: "a"))
        async let second = alice.run("msg", "import", "-", stdin: ndjson("alice", "carol", count: 300, prefix: "b"))
        let results = try await [first, second]
        #expect(results.map(\.exitCode) == [0, 0], "\(results.map(\.stderr))")
        let list = try #require(try await alice.run("conv", "list").json() as? [[String: Any]])
        #expect(Set(list.compactMap { $0["conversationId"] as? String }) == ["bob", "carol"])
        #expect((try await alice.run("conv", "show", "carol").json() as? [String: Any])?["localMessageCount"] as? Int == 300)
    }

    @Test("pin, mark, delete and one-way delete on the server list; only own other devices hear of it")
    func serverList() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob", "carol")
        let (alice, bob, carol) = (shells[0], shells[1], shells[2])
        let phone = world.user("alice-phone")
        #expect(try await phone.run("login", "alice", "--password-stdin", stdin: "pw-alice\n").exitCode == 0)
        #expect(try await bob.run("msg", "send", "alice", "from bob").exitCode == 0)
        #expect(try await carol.run("msg", "send", "alice", "from carol").exitCode == 0)
        let cursor = try #require((try await phone.run("events", "--since", "start", "--once").lines().last)?["cursor"] as? String)

        let pinned = try #require(try await alice.run("conv", "pin", "bob").json() as? [String: Any])
        #expect(pinned["operation"] as? String == "pin" && pinned["cursor"] is String)
        let noEntry = try await alice.run("conv", "pin", "nobody")
        #expect(noEntry.exitCode == 2)
        #expect((try noEntry.errorEnvelope()["error"] as? [String: Any])?["code"] as? Int == 110)
        let fetchedPinned = try #require(try await alice.run("conv", "fetch", "--pinned").json() as? [[String: Any]])
        #expect(fetchedPinned.compactMap { $0["conversationId"] as? String } == ["bob"])
        #expect(try await alice.run("conv", "mark", "add", "7", "bob", "carol").exitCode == 0)
        #expect(try await alice.run("conv", "mark", "remove", "7", "bob").exitCode == 0)
        let marked = try #require(try await alice.run("conv", "fetch", "--mark", "7").json() as? [[String: Any]])
        #expect(marked.compactMap { $0["conversationId"] as? String } == ["carol"])
        #expect(try await alice.run("conv", "mark", "add", "20", "bob").exitCode == 2)
        #expect(try await alice.run("conv", "unpin", "bob").exitCode == 0)

        let history = try #require(try await alice.run("msg", "history", "carol").json() as? [[String: Any]])
        let carolMsg = try #require(history.first?["msgId"] as? String)
        #expect(try await alice.run("msg", "delete-remote", "carol", carolMsg).exitCode == 0)
        #expect(try isEmptyList(await alice.run("msg", "history", "carol")))
        #expect(try isEmptyList(await alice.run("conv", "messages", "carol")))
        #expect(try await carol.run("msg", "history", "alice").json() as? [Any] != nil)
        #expect((try await carol.run("msg", "history", "alice").json() as? [Any])?.count == 1)
        #expect(try await alice.run("msg", "delete-remote", "bob").exitCode == 2)

        #expect(try await alice.run("conv", "delete", "bob").exitCode == 2)  // not a TTY and no --yes
        let deleted = try #require(try await alice.run("conv", "delete", "bob", "--yes").json() as? [String: Any])
        #expect(deleted["operation"] as? String == "delete")
        let remaining = try #require(try await alice.run("conv", "fetch").json() as? [[String: Any]])
        #expect(remaining.compactMap { $0["conversationId"] as? String } == ["carol"])
        #expect(try isEmptyList(await alice.run("msg", "history", "bob")))

        let events = try await phone.run("events", "--since", cursor, "--once", "--type", "onConversationsUpdate")
        let operations = try events.lines().compactMap { $0["operation"] as? String }
        #expect(operations == ["pin", "mark", "unmark", "unpin", "messagesRemoved", "delete"], "\(events.stdout)")
        let bobEvents = try await bob.run("events", "--since", "start", "--once", "--type", "onConversationsUpdate")
        #expect(try bobEvents.lines().filter { $0["type"] as? String == "onConversationsUpdate" }.isEmpty)
        let aliceOwn = try await alice.run("events", "--since", cursor, "--once", "--type", "onConversationsUpdate")
        #expect(try aliceOwn.lines().filter { $0["type"] as? String == "onConversationsUpdate" }.isEmpty)
    }
}
