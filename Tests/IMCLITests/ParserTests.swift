@testable import IMCLI
import Testing

@Suite("Parser")
struct ParserTests {
    let root = Command.root()

    @Test("subcommands, positionals and --x=v, --x v, -x v, -xv forms")
    func syntaxForms() throws {
        let invocation = try Parser.parse(
            ["msg", "send", "--type=cmd", "--action", "typing", "-o", "tsv", "bob", "--server=http://h:1"], root: root)
        #expect(invocation.commandName == "msg send")
        #expect(invocation.value("type") == "cmd")
        #expect(invocation.value("action") == "typing")
        #expect(invocation.value("output") == "tsv")
        #expect(invocation.value("server") == "http://h:1")
        #expect(invocation.argument("to") == "bob")
        #expect(invocation.argument("text") == nil)
        let attached = try Parser.parse(["-ojson", "whoami"], root: root)
        #expect(attached.value("output") == "json")
    }

    @Test("bundled short flags")
    func bundled() throws {
        let invocation = try Parser.parse(["whoami", "-vh"], root: root)
        #expect(invocation.flag("verbose"))
        #expect(invocation.action == .help)
    }

    @Test("-- ends options; '-' is a positional")
    func endOfOptions() throws {
        let invocation = try Parser.parse(["msg", "send", "bob", "--", "--not-an-option"], root: root)
        #expect(invocation.argument("text") == "--not-an-option")
        let dash = try Parser.parse(["msg", "send", "bob", "-"], root: root)
        #expect(dash.argument("text") == "-")
    }

    @Test("repeatable options keep every value; variadic arguments take the rest")
    func repeatable() throws {
        let invocation = try Parser.parse(
            ["msg", "send", "bob", "--type", "custom", "--event", "e", "--param", "a=1", "--param", "b=2"], root: root)
        #expect(invocation.values("param") == ["a=1", "b=2"])
        let set = try Parser.parse(["admin", "settings", "set", "a=1", "b=2", "c=3"], root: root)
        #expect(set.argumentValues("assignment") == ["a=1", "b=2", "c=3"])
    }

    @Test("environment supplies defaults; the flag wins")
    func environmentDefaults() throws {
        let environment = ["IMCTL_SERVER": "http://env:1", "IMCTL_OUTPUT": "tsv"]
        let fromEnv = try Parser.parse(["whoami"], root: root, environment: environment)
        #expect(fromEnv.value("server") == "http://env:1")
        #expect(fromEnv.sources["server"] == .environment)
        let fromFlag = try Parser.parse(["whoami", "--server", "http://flag:1"], root: root, environment: environment)
        #expect(fromFlag.value("server") == "http://flag:1")
        #expect(fromFlag.isExplicit("server"))
    }

    @Test("group options are inherited by subcommands")
    func inherited() throws {
        let invocation = try Parser.parse(["admin", "user", "list", "--operator-file", "/x.json"], root: root)
        #expect(invocation.value("operator-file") == "/x.json")
    }

    @Test("a command's short letter wins over a global one: msg download -o FILE; --output still sets the mode")
    func deeperShortLetterWins() throws {
        let download = try Parser.parse(["msg", "download", "9AbC", "-o", "photo.jpg", "--output", "tsv"], root: root)
        #expect(download.value("out") == "photo.jpg")
        #expect(download.value("output") == "tsv")
        let attached = try Parser.parse(["msg", "download", "9AbC", "-ophoto.jpg"], root: root)
        #expect(attached.value("out") == "photo.jpg")
        #expect(attached.value("output") == nil)
        let send = try Parser.parse(["msg", "send", "bob", "hi", "-o", "json"], root: root)
        #expect(send.value("output") == "json")
        #expect(send.value("out") == nil)
    }

    @Test("unknown option suggests the closest spelling, with its argv index")
    func unknownOption() {
        #expect(throws: UsageError.unknownOption("--sever", index: 1, suggestion: "--server")) {
            try Parser.parse(["whoami", "--sever", "x"], root: root)
        }
    }

    @Test("unknown command suggests the closest command")
    func unknownCommand() {
        #expect(throws: UsageError.unknownCommand("mgs", index: 0, suggestion: "msg")) {
            try Parser.parse(["mgs", "send"], root: root)
        }
        #expect(throws: UsageError.unknownCommand("sned", index: 1, suggestion: "send")) {
            try Parser.parse(["msg", "sned"], root: root)
        }
    }

    @Test("missing values, missing and extra arguments, values on flags")
    func otherErrors() {
        #expect(throws: UsageError.missingValue(option: "--server", index: 1)) {
            try Parser.parse(["whoami", "--server"], root: root)
        }
        #expect(throws: UsageError.missingArgument("to")) { try Parser.parse(["msg", "send"], root: root) }
        #expect(throws: UsageError.unexpectedArgument("extra", index: 1)) {
            try Parser.parse(["whoami", "extra"], root: root)
        }
        #expect(throws: UsageError.unexpectedValue(option: "--verbose", index: 1)) {
            try Parser.parse(["whoami", "--verbose=yes"], root: root)
        }
    }

    @Test("a group without a subcommand, -h and --version choose their actions")
    func actions() throws {
        #expect(try Parser.parse(["msg"], root: root).action == .help)
        #expect(try Parser.parse(["msg", "send", "--help"], root: root).action == .help)
        #expect(try Parser.parse(["--version"], root: root).action == .version)
        #expect(try Parser.parse([], root: root).action == .help)
    }

    @Test("durations")
    func durations() {
        #expect(DurationParser.parse("30s") == .seconds(30))
        #expect(DurationParser.parse("2m") == .seconds(120))
        #expect(DurationParser.parse("500ms") == .milliseconds(500))
        #expect(DurationParser.parse("1.5") == .milliseconds(1500))
        #expect(DurationParser.parse("soon") == nil)
        #expect(DurationParser.parse("-1s") == nil)
        #expect(DurationParser.parse("8760h") == .seconds(365 * 86_400))
        for tooLong in ["8761h", "99999999999999999s", "1e300", "inf", "nan", "infms"] {
            #expect(DurationParser.parse(tooLong) == nil, "\(tooLong)")
        }
    }
}

@Suite("Usage errors through IMCLI.run")
struct UsageErrorRunTests {
    @Test("unknown option: exit 2, message, usage line and help pointer on stderr, nothing on stdout")
    func textMode() async {
        let result = await CLIHarness().run(["msg", "send", "bob", "--tpye", "cmd"], tty: true)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                imctl: unknown option '--tpye'; did you mean '--type'?
                usage: imctl msg send [OPTIONS] TO [TEXT]
                See 'imctl help msg send'

                """)
    }

    @Test("a duration too long to represent is a usage error, as an option and from IMCTL_TIMEOUT, not a crash")
    func hugeDuration() async {
        let option = await CLIHarness().run(["wait", "--since", "now", "--timeout", "99999999999999999s"])
        #expect(option.status == 2)
        #expect(option.stderr.contains("at most 8760h"))
        let environment = await CLIHarness().run(["whoami"], environment: ["IMCTL_TIMEOUT": "1e300"])
        #expect(environment.status == 2)
        #expect(environment.stdout.isEmpty)
    }

    @Test("json mode: exactly one JSON envelope line")
    func jsonMode() async throws {
        let result = await CLIHarness().run(["-o", "json", "mgs"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(
            lines.first == #"{"error":{"code":110,"hint":"See 'imctl help'","message":"unknown command 'mgs'; did you mean 'msg'?","name":"INVALID_PARAM","retryable":false,"status":400},"exitCode":2}"#
        )
    }

    @Test("piped stdout without -o means json mode, so a usage error is the envelope")
    func pipedDefault() async {
        let result = await CLIHarness().run(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(#"{"error":{"code":110"#))
        #expect(result.stderr.hasSuffix(#""exitCode":2}"# + "\n"))
    }

    @Test("IMCTL_ERROR_FORMAT=json forces the envelope in any mode")
    func errorFormatEnvironment() async {
        let result = await CLIHarness().run(["whoami", "--bogus"], environment: ["IMCTL_ERROR_FORMAT": "json"], tty: true)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(#"{"error":{"code":110"#))
    }

    @Test("a usage error in msg download keeps IMCTL_OUTPUT=json's envelope: its -o FILE is no output mode")
    func downloadUsageErrorEnvelope() async {
        let result = await CLIHarness().run(
            ["msg", "download", "9AbC", "-o", "photo.jpg", "--bogus"], environment: ["IMCTL_OUTPUT": "json"], tty: true)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(#"{"error":{"code":110"#))
    }

    @Test("a bad --output value is a usage error")
    func badOutput() async {
        let result = await CLIHarness().run(["-o", "xml", "version"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("invalid value 'xml' for --output"))
    }

    @Test("argument errors inside a command are usage errors too (nothing sent)")
    func commandUsageError() async {
        let result = await CLIHarness().run(["msg", "send", "bob", "--type", "video", "--app", "a#b"], tty: true)
        #expect(result.status == 2)
        #expect(result.stderr.contains("invalid value 'video' for --type"))
        #expect(result.stderr.contains("usage: imctl msg send [OPTIONS] TO [TEXT]"))
    }
}
