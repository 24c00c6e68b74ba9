#if canImport(Glibc)
import Glibc
#endif
@testable import IMCLI
import IMCore
import Testing

@Suite("Output modes")
struct OutputTests {
    struct Record: Encodable {
        var userId: String
        var note: String
        var createdAt: Int64
        var active: Bool
    }

    let records = [
        Record(userId: "alice", note: "tab\there\nnew\\line\r", createdAt: 1_700_000_000_000, active: true),
        Record(userId: "bob", note: "", createdAt: 0, active: false),
    ]
    let shape = Shape(id: "userId", columns: ["userId", "active", "note"])

    func render(_ mode: OutputMode, fields: [String]? = nil, pretty: Bool = false, _ value: some Encodable) throws -> String {
        let buffer = TextBuffer()
        let output = Output(mode: mode, fields: fields, pretty: pretty, color: false, stdout: .buffer(buffer))
        try output.emit(value, shape: shape)
        return buffer.text
    }

    @Test("json: one compact document, sorted keys; indented when pretty")
    func json() throws {
        #expect(
            try render(.json, records) == #"[{"active":true,"createdAt":1700000000000,"note":"tab\there\nnew\\line\r","userId":"alice"},{"active":false,"createdAt":0,"note":"","userId":"bob"}]"# + "\n")
        #expect(try render(.json, pretty: true, records[1]).contains("\n  \"active\" : false"))
        #expect(try render(.json, [Record]()) == "[]\n")
    }

    @Test("ndjson: one object per line")
    func ndjson() throws {
        let lines = try render(.ndjson, fields: ["userId"], records).split(separator: "\n")
        #expect(lines == [#"{"userId":"alice"}"#, #"{"userId":"bob"}"#])
    }

    @Test("tsv: documented columns, no header, escaping of tab, newline, CR and backslash")
    func tsv() throws {
        #expect(try render(.tsv, records) == "alice\ttrue\ttab\\there\\nnew\\\\line\\r\nbob\tfalse\t\n")
        #expect(TSV.escape("a\tb\nc\rd\\e") == "a\\tb\\nc\\rd\\\\e")
    }

    @Test("--fields projects json and tsv, dotted paths included")
    func fields() throws {
        #expect(try render(.json, fields: ["userId", "active"], records[0]) == #"{"active":true,"userId":"alice"}"# + "\n")
        #expect(try render(.tsv, fields: ["active", "userId"], records) == "true\talice\nfalse\tbob\n")
        let nested = JSONValue.object(["message": .object(["msgId": .string("m1")]), "cursor": .string("7")])
        #expect(try render(.json, fields: ["message.msgId", "cursor"], nested) == #"{"cursor":"7","message.msgId":"m1"}"# + "\n")
    }

    @Test("tsv and table columns read projected dotted fields")
    func projectedDotted() throws {
        let nested = JSONValue.array([.object(["from": .string("a"), "body": .object(["content": .string("hi")])])])
        #expect(try render(.tsv, fields: ["from", "body.content"], nested) == "a\thi\n")
        #expect(try render(.table, fields: ["body.content"], nested) == "BODY.CONTENT\nhi\n")
    }

    @Test("a pipe whose reader closed is detected without writing")
    func closedPipeDetection() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        #expect(!TTY.isClosedPipe(fds[1]))
        close(fds[0])
        #expect(TTY.isClosedPipe(fds[1]))
        close(fds[1])
    }

    @Test("id: one id per line")
    func id() throws {
        #expect(try render(.id, records) == "alice\nbob\n")
    }

    @Test("table: aligned columns with a header; a single object as FIELD/VALUE")
    func table() throws {
        let text = try render(.table, records)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "USERID  ACTIVE  NOTE")
        #expect(lines[2] == "bob     false   ")
        #expect(try render(.table, records[1]).hasPrefix("FIELD      VALUE\nactive     false\n"))
    }

    @Test("table: another user's control characters cannot reach the terminal; line breaks and tabs are spaces")
    func tableControlCharacters() {
        let hostile = "evil\u{1B}]0;pwned\u{07}\u{1B}[31mRED\u{7F}\u{9B}2J\tend\nnext"
        let text = TableFormatter(color: false).render(.array([.object(["note": .string(hostile)])]), columns: ["note"])
        #expect(text == "NOTE\nevil^[]0;pwned^G^[[31mRED^?\u{FFFD}2J end next\n")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test("table: time fields are shown as local times")
    func tableTimes() {
        let text = TableFormatter(color: false).render(
            .array([.object(["createdAt": .int(1_700_000_000_000)])]), columns: ["createdAt"])
        #expect(text.split(separator: "\n")[1].count == 19)
        #expect(text.contains("2023-11-1"))
    }

    @Test("exit-code mapping: one function from error codes to exit statuses")
    func exitCodes() {
        let expectations: [(Int, Int32)] = [
            (100, 2), (101, 2), (102, 2), (105, 2), (110, 2),
            (204, 3), (400, 3), (500, 3), (606, 3),
            (104, 4), (108, 4), (201, 4), (202, 4), (206, 4),
            (210, 5), (219, 5), (602, 5), (305, 5),
            (203, 6), (601, 6), (4, 6), (200, 6), (218, 6),
            (502, 7), (509, 7),
            (2, 10), (300, 10), (301, 10), (302, 10), (303, 10), (350, 10), (353, 10),
            (1, 1), (3, 1), (510, 1),
        ]
        for (code, exit) in expectations {
            #expect(ExitCode.forError(ErrorCode(rawValue: code)) == exit, "code \(code)")
        }
    }

    @Test("error envelope shape")
    func envelope() {
        let error = CLIError(ChatError(ErrorCode(rawValue: 602), "not a member"), hint: "join first")
        #expect(
            error.envelope.jsonText(pretty: false)
                == #"{"error":{"code":602,"hint":"join first","message":"not a member","name":"GROUP_NOT_JOINED","retryable":false,"status":403},"exitCode":5}"#
        )
        let text = TextBuffer()
        let status = ErrorReporter(mode: .table, environment: [:], stderr: .buffer(text)).report(error)
        #expect(status == 5)
        #expect(text.text == "imctl: not a member\nhint: join first\n")
    }

    @Test("status prints every key, null when unknown, so its tsv columns are fixed")
    func statusColumns() async {
        let result = await CLIHarness().run(["status", "-o", "tsv"])
        #expect(result.status == 4)
        #expect(result.stdout.split(separator: "\n").first?.split(separator: "\t", omittingEmptySubsequences: false).count == 8, "\(result.stdout)")
    }

    @Test("an error the client raised without an HTTP answer has a null status in the envelope")
    func clientSideEnvelope() {
        for code in [2, 3, 200, 218, 300, 301, 350, 353] {
            let envelope = CLIError(ChatError(ErrorCode(rawValue: code), "x")).envelope
            guard case .object(let fields) = envelope, case .object(let error) = fields["error"] else {
                Issue.record("no error object for \(code)")
                continue
            }
            #expect(error["status"] == .null, "code \(code)")
        }
    }

    @Test("a closed stdout ends the command quietly with status 0")
    func closedPipe() async {
        let io = IO(
            stdin: InputReader(text: ""), stdout: Writer { (_: String) throws(OutputWriteError) in throw OutputWriteError() },
            stderr: .buffer(TextBuffer()))
        #expect(await IMCLI.run(arguments: ["version"], environment: [:], io: io) == 0)
    }

    @Test("default mode: table on a terminal, json when piped; -o and IMCTL_OUTPUT override")
    func defaultMode() throws {
        #expect(try OutputMode.resolve(nil, stdoutIsTTY: true) == .table)
        #expect(try OutputMode.resolve(nil, stdoutIsTTY: false) == .json)
        #expect(try OutputMode.resolve("tsv", stdoutIsTTY: true) == .tsv)
    }
}

@Suite("Failed writes to stdout")
struct FailedWriteTests {
    private func run(_ arguments: [String], stdout: Writer) async -> (status: Int32, stderr: String) {
        let err = TextBuffer()
        let io = IO(stdin: InputReader(text: ""), stdout: stdout, stderr: .buffer(err), stdoutIsTTY: false, terminalWidth: nil)
        let status = await IMCLI.run(arguments: arguments, environment: ["HOME": "/nonexistent"], io: io)
        return (status, err.text)
    }

    @Test("a full disk (ENOSPC from the real descriptor writer) fails the command: exit 1 and the reason on stderr")
    func fullDisk() async throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        let result = await run(["version"], stdout: .fileDescriptor(fd))
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write the output: No space left on device"))
    }

    @Test("a reader that went away (EPIPE) ends the command quietly with status 0")
    func closedPipe() async {
        let closed = Writer { (_: String) throws(OutputWriteError) in throw OutputWriteError(errorNumber: EPIPE) }
        let result = await run(["version"], stdout: closed)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
    }
}
