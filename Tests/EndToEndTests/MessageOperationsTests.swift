import Foundation
import Testing

/// The `msgId` and `cursor` of an imctl result printed as JSON.
private func idAndCursor(_ result: RunResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> (msgId: String, cursor: String) {
    #expect(result.exitCode == 0, "\(result.stderr)", sourceLocation: sourceLocation)
    let object = try #require(try result.json() as? [String: Any], sourceLocation: sourceLocation)
    let message = object["message"] as? [String: Any]
    let msgId = try #require((object["msgId"] ?? message?["msgId"]) as? String, sourceLocation: sourceLocation)
    return (msgId, try #require(object["cursor"] as? String, sourceLocation: sourceLocation))
}

/// The error code of a failed imctl run.
private func errorCode(_ result: RunResult) -> Int? {
    ((try? result.errorEnvelope())?["error"] as? [String: Any])?["code"] as? Int
}

@Suite("receipts, recall and edit through the real imctl and server", .timeLimit(.minutes(2)))
struct ReceiptRecallEditTests {
    @Test("msg ack and conv ack: the sender is told; acking your own message → 110, exit 2")
    func receipts() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let sent = try idAndCursor(try await alice.run("msg", "send", "bob", "read me"))

        let acked = try idAndCursor(try await bob.run("msg", "ack", sent.msgId))
        let read = try await alice.run("wait", "--since", acked.cursor, "--type", "onMessagesRead", "--timeout", "20s")
        #expect(read.exitCode == 0, "\(read.stderr)")
        let readMessage = try #require((try read.lines().first?["messages"] as? [[String: Any]])?.first)
        #expect(readMessage["msgId"] as? String == sent.msgId && readMessage["hasReadAck"] as? Bool == true)

        let own = try await alice.run("msg", "ack", sent.msgId)
        #expect(own.exitCode == 2 && errorCode(own) == 110)

        _ = try await alice.run("msg", "send", "bob", "more")
        let conv = try await bob.run("conv", "ack", "alice")
        #expect(conv.exitCode == 0, "\(conv.stderr)")
        let convCursor = try #require((try conv.json() as? [String: Any])?["cursor"] as? String)
        let convRead = try await alice.run("wait", "--since", convCursor, "--type", "onConversationRead", "--timeout", "20s")
        #expect(convRead.exitCode == 0, "\(convRead.stderr)")
        #expect(try convRead.lines().first?["from"] as? String == "bob")
        let list = try #require(try await bob.run("conv", "fetch").json() as? [[String: Any]])
        #expect(list.first { $0["conversationId"] as? String == "alice" }?["unreadCount"] as? Int == 0)
    }

    @Test("msg recall: bob is told and the message leaves his history and local store; bob cannot recall it (210, exit 5); window → 504")
    func recall() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let sent = try idAndCursor(try await alice.run("msg", "send", "bob", "oops"))
        #expect(try await bob.run("events", "--since", "start", "--once").exitCode == 0)
        let stored = try #require(try await bob.run("conv", "list").json() as? [[String: Any]])
        #expect((stored.first?["latestMessage"] as? [String: Any])?["msgId"] as? String == sent.msgId)

        let denied = try await bob.run("msg", "recall", sent.msgId)
        #expect(denied.exitCode == 5 && errorCode(denied) == 210)
        let recalled = try idAndCursor(try await alice.run("msg", "recall", sent.msgId, "--ext", "typo"))
        let told = try await bob.run("wait", "--since", recalled.cursor, "--type", "onMessagesRecalledInfo", "--timeout", "20s")
        #expect(told.exitCode == 0, "\(told.stderr)")
        let info = try #require((try told.lines().first?["recalls"] as? [[String: Any]])?.first)
        #expect(info["recallMessageId"] as? String == sent.msgId && info["ext"] as? String == "typo")
        #expect(try await bob.run("events", "--once").exitCode == 0)
        let afterRecall = try #require(try await bob.run("conv", "list").json() as? [[String: Any]])
        #expect(afterRecall.first?["latestMessage"] is NSNull || afterRecall.first?["latestMessage"] == nil)
        #expect((try await bob.run("msg", "history", "alice").json() as? [Any])?.isEmpty == true)

        #expect(try await world.admin("settings", "set", "recallWindowSeconds=1").exitCode == 0)
        let late = try idAndCursor(try await alice.run("msg", "send", "bob", "late"))
        try await Task.sleep(for: .milliseconds(1_100))
        let tooLate = try await alice.run("msg", "recall", late.msgId)
        #expect(tooLate.exitCode == 5 && errorCode(tooLate) == 504)
    }

    @Test("msg edit: bob gets onMessageContentChanged and sees the new text; bob cannot edit it (210)")
    func edit() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let sent = try idAndCursor(try await alice.run("msg", "send", "bob", "helo"))
        let edited = try await alice.run("msg", "edit", sent.msgId, "-", "--attr", "fixed=true", stdin: "hello\n")
        let cursor = try idAndCursor(edited).cursor
        let body = try #require(((try edited.json() as? [String: Any])?["message"] as? [String: Any])?["body"] as? [String: Any])
        #expect(body["content"] as? String == "hello" && body["modifyCount"] as? Int == 1 && body["lastModifyOperatorId"] as? String == "alice")

        let changed = try await bob.run("wait", "--since", cursor, "--type", "onMessageContentChanged", "--timeout", "20s")
        #expect(changed.exitCode == 0, "\(changed.stderr)")
        let event = try #require(try changed.lines().first)
        #expect(event["operatorId"] as? String == "alice")
        let history = try #require(try await bob.run("msg", "history", "alice").json() as? [[String: Any]])
        #expect((history.first?["body"] as? [String: Any])?["content"] as? String == "hello")
        #expect((history.first?["attributes"] as? [String: Any])?["fixed"] as? Bool == true)

        let denied = try await bob.run("msg", "edit", sent.msgId, "mine now")
        #expect(denied.exitCode == 5 && errorCode(denied) == 210)
        let nothing = try await alice.run("msg", "edit", sent.msgId)
        #expect(nothing.exitCode == 2)
    }
}

@Suite("reactions, pins and reports through the real imctl and server", .timeLimit(.minutes(2)))
struct ReactionPinReportTests {
    @Test("msg react / reactions / unreact: alice is told; twice → 1301 (exit 6)")
    func reactions() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let sent = try idAndCursor(try await alice.run("msg", "send", "bob", "nice"))
        let reacted = try idAndCursor(try await bob.run("msg", "react", sent.msgId, "👍"))
        let told = try await alice.run("wait", "--since", reacted.cursor, "--type", "onMessageReactionDidChange", "--in", "bob", "--timeout", "20s")
        #expect(told.exitCode == 0, "\(told.stderr)")
        let change = try #require((try told.lines().first?["changes"] as? [[String: Any]])?.first)
        #expect(change["messageId"] as? String == sent.msgId)

        let twice = try await bob.run("msg", "react", sent.msgId, "👍")
        #expect(twice.exitCode == 6 && errorCode(twice) == 1301)
        let rows = try #require(try await alice.run("msg", "reactions", sent.msgId).json() as? [[String: Any]])
        #expect(rows.count == 1 && rows.first?["reaction"] as? String == "👍" && rows.first?["isAddedBySelf"] as? Bool == false)
        let users = try #require(try await alice.run("msg", "reactions", sent.msgId, "--detail", "👍").json() as? [[String: Any]])
        #expect(users.map { $0["userId"] as? String } == ["bob"])
        let history = try #require(try await alice.run("msg", "history", "bob").json() as? [[String: Any]])
        #expect((history.first?["reactionList"] as? [[String: Any]])?.first?["userCount"] as? Int == 1)

        let removed = try idAndCursor(try await bob.run("msg", "unreact", sent.msgId, "👍"))
        #expect(try await alice.run("wait", "--since", removed.cursor, "--type", "onMessageReactionDidChange", "--timeout", "20s").exitCode == 0)
        let notGiven = try await bob.run("msg", "unreact", sent.msgId, "👍")
        #expect(errorCode(notGiven) == 1302)
    }

    @Test("msg pin / pins / unpin: bob is told; the limit → 4 (exit 6)")
    func pins() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        #expect(try await world.admin("settings", "set", "maxPinnedMessages=1").exitCode == 0)
        let first = try idAndCursor(try await alice.run("msg", "send", "bob", "pin me"))
        let second = try idAndCursor(try await alice.run("msg", "send", "bob", "and me"))
        let pinned = try idAndCursor(try await alice.run("msg", "pin", first.msgId))
        let told = try await bob.run("wait", "--since", pinned.cursor, "--type", "onMessagePinChanged", "--in", "alice", "--timeout", "20s")
        #expect(told.exitCode == 0, "\(told.stderr)")
        #expect(try told.lines().first?["operation"] as? String == "pin")
        let limit = try await bob.run("msg", "pin", second.msgId)
        #expect(limit.exitCode == 6 && errorCode(limit) == 4)

        let list = try #require(try await bob.run("msg", "pins", "alice").json() as? [[String: Any]])
        #expect(list.map { $0["msgId"] as? String } == [first.msgId])
        #expect((list.first?["pinInfo"] as? [String: Any])?["operatorId"] as? String == "alice")
        let unpinned = try idAndCursor(try await bob.run("msg", "unpin", first.msgId))
        let untold = try await alice.run("wait", "--since", unpinned.cursor, "--type", "onMessagePinChanged", "--timeout", "20s")
        #expect(try untold.lines().first?["operation"] as? String == "unpin")
        #expect((try await bob.run("msg", "pins", "alice").json() as? [Any])?.isEmpty == true)
    }

    @Test("msg report → imctl admin reports lists it; a reason over 512 bytes → 110")
    func reports() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let sent = try idAndCursor(try await alice.run("msg", "send", "bob", "buy now"))
        let tooLong = try await bob.run("msg", "report", sent.msgId, "--tag", "spam", "--reason", String(repeating: "r", count: 513))
        #expect(tooLong.exitCode == 2 && errorCode(tooLong) == 110)
        _ = try idAndCursor(try await bob.run("msg", "report", sent.msgId, "--tag", "spam", "--reason", "unsolicited"))
        let reports = try await world.admin("reports")
        #expect(reports.exitCode == 0, "\(reports.stderr)")
        let list = try #require(try reports.json() as? [[String: Any]])
        #expect(list.count == 1 && list.first?["msgId"] as? String == sent.msgId && list.first?["reporter"] as? String == "bob")
        #expect(list.first?["reportId"] is String, "ids are strings (cli-conventions §2)")
        let tsv = try await world.admin("app", "delete", "-o", "tsv")
        #expect(tsv.stdout.hasSuffix("\ttrue\n"), "admin app delete's tsv columns are appKey and deleted: \(tsv.stdout)")
    }
}
