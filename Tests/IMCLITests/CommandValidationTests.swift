@testable import IMCLI
import IMClient
import IMCore
import Testing

@Suite("Command arguments are checked before anything is sent")
struct CommandValidationTests {
    @Test(
        "bad values exit 2",
        arguments: [
            ["events", "--on-gap", "maybe"],
            ["events", "--idle", "soon"],
            ["events", "--count", "0"],
            ["events", "--timeout", "later"],
            ["wait", "--count", "-1"],
            ["wait", "--match", "("],
            ["msg", "history", "bob", "--direction", "sideways"],
            ["msg", "history", "bob", "--types", "text,hologram"],
            ["msg", "history", "bob", "--limit", "0"],
            ["msg", "history", "bob", "--start-ts", "yesterday"],
            ["msg", "send", "group:abc", "hi"],
            ["msg", "send", "bob", "--type", "cmd"],
            ["msg", "send", "bob", "--type", "location", "--lat", "north"],
            ["msg", "send", "bob", "--type", "location", "--lat", "nan", "--lon", "inf"],
            ["msg", "send", "bob", "--type", "location", "--lat", "91", "--lon", "0"],
            ["msg", "send", "bob", "--type", "location", "--lat", "1", "--lon", "2", "stray text"],
            ["msg", "send", "bob", "--type", "cmd", "--action", "x", "stray text"],
            ["msg", "send", "bob", "stray text", "--file", "/etc/hostname"],
            ["msg", "send", "bob", "hi", "--msg-id", ""],
            ["login", "alice", "--password-file", "/tmp"],
            ["login", "alice", "--password-stdin", "--password-file", "/etc/hostname"],
            ["login", "alice", "--password-stdin", "--token-stdin"],
            ["events", "--ready-file", ""],
            ["wait", "--ready-file", ""],
            ["events", "--ready-file", "/no-such-directory-imctl/ready"],
            ["wait", "--ready-file", "/no-such-directory-imctl/ready"],
            ["wait", "--ready-file", "/etc/hostname/ready"],
            ["msg", "send", "bob", "hi", "--msg-id", "has space"],
            ["msg", "send", "bob", "hi", "--attr", "novalue"],
            ["msg", "send", "thread:9", "hi"],
            ["msg", "send", "bob", "hi", "--wait-reply", "forever"],
            ["conv", "fetch", "--mark", "x"],
            ["devices", "kick", "alice"],
            ["devices", "kick", "alice", "res1", "--all"],
            ["devices", "list", "alice"],
            ["login", "alice"],
            ["register", "alice"],
            ["token", "renew"],
            ["admin", "token", "issue", "alice", "--ttl", "-5"],
            ["admin", "settings", "set", "=1"],
        ])
    func badValues(arguments: [String]) async {
        let result = await CLIHarness().run(arguments + ["--app", "a#b"])
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("commands that open the store need an app key first (exit 2)", arguments: [["whoami"], ["conv", "list"]])
    func needsApp(arguments: [String]) async {
        let result = await CLIHarness().run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no app key given"))
    }
}

@Suite("Message building and targets")
struct MessageBuilderTests {
    func build(_ argv: [String], stdin: String = "") throws -> Message {
        let root = Command.root()
        let invocation = try Parser.parse(["msg", "send"] + argv, root: root)
        let io = IO(stdin: InputReader(text: stdin), stdout: .buffer(TextBuffer()), stderr: .buffer(TextBuffer()))
        let output = Output(mode: .json, fields: nil, pretty: false, color: false, stdout: io.stdout)
        let context = Context(io: io, environment: [:], root: root, output: output, sharedClient: nil)
        return try MessageBuilder.build(invocation, context)
    }

    @Test("text from the argument, from stdin with '-' or no TEXT")
    func text() throws {
        #expect(try build(["bob", "hello"]).body == .text(TextBody(content: "hello")))
        #expect(try build(["bob", "-"], stdin: "from stdin\n").body == .text(TextBody(content: "from stdin")))
        #expect(try build(["bob"], stdin: "two\nlines\n").body == .text(TextBody(content: "two\nlines")))
    }

    @Test("targets pick the chat type")
    func targets() throws {
        let group = try build(["group:1234", "hi"])
        #expect(group.to == "1234")
        #expect(group.chatType == .groupChat)
        #expect(try build(["room:77", "hi"]).chatType == .chatRoom)
        #expect(try build(["user:bob", "hi"]).chatType == .chat)
        #expect(try build(["bob", "hi"]).to == "bob")
        #expect(throws: UsageError.self) { try Target("user:") }
        for (malformed, code) in [("group:abc", 600), ("room:12a", 700), ("group:", 600), ("room:", 700), ("group:" + String(repeating: "1", count: 21), 600)] {
            let error = #expect(throws: UsageError.self, "\(malformed)") { try Target(malformed) }
            // The envelope carries the code the server gives a malformed ID (semantics §0), still exit 2.
            let reported = error.map { CLIError($0, commandName: "msg send") }
            #expect(reported?.code.rawValue == code, "\(malformed)")
            #expect(reported?.exitCode == ExitCode.usage, "\(malformed)")
        }
    }

    @Test("cmd, custom and location bodies, attributes and the idempotency key")
    func bodies() throws {
        #expect(try build(["bob", "--type", "cmd", "--action", "typing"]).body == .cmd(CmdBody(action: "typing")))
        let custom = try build(["bob", "--type", "custom", "--event", "gift", "--param", "a=1", "--param", "b=x=y"])
        #expect(custom.body == .custom(CustomBody(event: "gift", params: ["a": "1", "b": "x=y"])))
        let location = try build(["bob", "--type", "location", "--lat", "1.5", "--lon", "-2", "--address", "here"])
        #expect(location.body == .location(LocationBody(latitude: 1.5, longitude: -2, address: "here")))
        let attributed = try build(["bob", "hi", "--attr", "n=5", "--attr", "s=text", "--attr", #"o={"k":true}"#])
        #expect(attributed.attributes == ["n": .int(5), "s": .string("text"), "o": .object(["k": .bool(true)])])
        #expect(try build(["bob", "hi", "--idempotency-key", "job-42"]).msgId == "job-42")
        #expect(try build(["bob", "hi"]).msgId == "")
    }
}

@Suite("Event filters")
struct EventFilterTests {
    func event(_ type: String, from: String, conversation: String, text: String, seq: Int64? = 1) throws -> Event {
        let message = Message(
            msgId: "m", conversationId: conversation, from: from, to: "me", chatType: .chat,
            body: .text(TextBody(content: text)))
        let messages = try JSONValue.encoding([message])
        return Event(type: type, seq: seq, time: 1, payload: ["messages": messages])
    }

    func filter(_ argv: [String], serverOnly: Bool = false) throws -> EventFilter {
        try EventFilter(try Parser.parse(["wait"] + argv, root: Command.root()), serverEventsOnly: serverOnly)
    }

    @Test("conditions AND by default and OR with --any")
    func combining() throws {
        let fromBob = try event("onMessagesReceived", from: "bob", conversation: "bob", text: "all done")
        let fromCarol = try event("onMessagesReceived", from: "carol", conversation: "carol", text: "hello")
        let and = try filter(["--from", "bob", "--match", "done|ok"])
        #expect(and.accepts(fromBob))
        #expect(!and.accepts(fromCarol))
        let mismatch = try filter(["--from", "bob", "--match", "^hello$"])
        #expect(!mismatch.accepts(fromBob))
        let or = try filter(["--from", "bob", "--match", "^hello$", "--any"])
        #expect(or.accepts(fromBob))
        #expect(or.accepts(fromCarol))
        #expect(try filter(["--in", "user:carol"]).accepts(fromCarol))
        #expect(try filter(["--type", "onMessagesDelivered,onCmdMessagesReceived"]).accepts(fromBob) == false)
    }

    @Test("user IDs match case-insensitively (--from and --in user:); an edit's single message is filtered like the others")
    func usersAndEdits() throws {
        let fromBob = try event("onMessagesReceived", from: "bob", conversation: "bob", text: "all done")
        #expect(try filter(["--from", "BOB"]).accepts(fromBob))
        #expect(try filter(["--in", "user:Bob"]).accepts(fromBob))
        let edited = Message(
            msgId: "m", conversationId: "bob", from: "bob", to: "me", chatType: .chat, body: .text(TextBody(content: "e1 fixed")))
        let edit = Event(type: "onMessageContentChanged", seq: 2, time: 1, payload: ["message": try JSONValue.encoding(edited)])
        #expect(try filter(["--from", "bob"]).accepts(edit))
        #expect(try filter(["--match", "^e1"]).accepts(edit))
        #expect(try !filter(["--from", "carol"]).accepts(edit))
    }

    @Test("--type takes only event names of docs/events.md, with a suggestion; --from only a user ID")
    func unknownTypes() throws {
        #expect(throws: UsageError.self) { try filter(["--type", "onMessageReceived"]) }
        #expect(throws: UsageError.self) { try filter(["--type", "onMessagesReceived,bogus"]) }
        #expect(throws: UsageError.self) { try filter(["--type", ""]) }
        #expect(throws: UsageError.self) { try filter(["--from", "a b"]) }
        for type in EventType.all { #expect(try filter(["--type", type]).types == [type]) }
    }

    @Test("wait ignores client-side events unless --type names them")
    func clientEvents() throws {
        let connected = Event(type: "onConnected", time: 1)
        #expect(try filter([]).accepts(connected))
        #expect(try !filter([], serverOnly: true).accepts(connected))
        #expect(try filter(["--type", "onConnected"], serverOnly: true).accepts(connected))
    }
}

@Suite("Event lines and gaps")
struct EventLineTests {
    let delivery = EventDelivery(
        event: Event(type: "onMessagesReceived", seq: 7, time: 1_700_000_000_000, payload: ["messages": .array([])]),
        cursor: "7", gap: true)

    @Test("an event line is the server's shape plus the resume cursor")
    func line() throws {
        #expect(
            try EventPump.line(delivery).jsonText(pretty: false)
                == #"{"cursor":"7","messages":[],"seq":7,"time":1700000000000,"type":"onMessagesReceived"}"#)
    }

    func context(mode: OutputMode, stderr: TextBuffer) -> Context {
        let io = IO(stdin: InputReader(text: ""), stdout: .buffer(TextBuffer()), stderr: .buffer(stderr))
        let output = Output(mode: mode, fields: nil, pretty: false, color: false, stdout: io.stdout)
        return Context(io: io, environment: [:], root: Command.root(), output: output, sharedClient: nil)
    }

    @Test("a gap is a stream.gap warning on stderr, or exit 10 with --on-gap fail")
    func gap() throws {
        let json = TextBuffer()
        try EventsCommand.reportGap(delivery, fail: false, context: context(mode: .ndjson, stderr: json))
        #expect(json.text == #"{"cursor":"7","warning":"stream.gap"}"# + "\n")
        let text = TextBuffer()
        try EventsCommand.reportGap(delivery, fail: false, context: context(mode: .table, stderr: text))
        #expect(text.text.hasPrefix("imctl: warning: stream.gap:"))
        #expect(throws: CLIError.self) {
            try EventsCommand.reportGap(delivery, fail: true, context: context(mode: .table, stderr: text))
        }
        do {
            try EventsCommand.reportGap(delivery, fail: true, context: context(mode: .table, stderr: text))
        } catch let error as CLIError {
            #expect(error.exitCode == 10)
        }
    }
}
