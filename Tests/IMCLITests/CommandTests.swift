@testable import IMCLI
import Testing

@Suite("Local commands: help, version, completion, topics")
struct CommandTests {
    @Test("version and --version")
    func version() async {
        let harness = CLIHarness()
        let plain = await harness.run(["version"])
        #expect(plain.status == 0)
        #expect(plain.stdout == "imctl \(IMCLI.version)\n")
        #expect(await harness.run(["--version"]).stdout == plain.stdout)
    }

    @Test("help COMMAND equals COMMAND --help; a group alone prints its help")
    func helpForms() async {
        let harness = CLIHarness()
        let viaHelp = await harness.run(["help", "msg", "send"])
        let viaFlag = await harness.run(["msg", "send", "--help"])
        #expect(viaHelp.status == 0)
        #expect(viaHelp.stdout == viaFlag.stdout)
        #expect(viaHelp.stdout.hasPrefix("OVERVIEW: Send a message"))
        let group = await harness.run(["msg"])
        #expect(group.status == 0)
        #expect(group.stdout.contains("SUBCOMMANDS:"))
    }

    @Test("help topics", arguments: HelpTopics.names)
    func topics(name: String) async {
        let result = await CLIHarness().run(["help", name])
        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty)
        assertSnapshot(result.stdout, named: "topic-\(name).txt")
    }

    @Test("help events shows the events command, then the events topic (cli-conventions §1); streams is the topic alone")
    func eventsIsTopicAndCommand() async {
        let harness = CLIHarness()
        let events = await harness.run(["help", "events"]).stdout
        let topic = await harness.run(["help", "streams"]).stdout
        #expect(events.hasPrefix("Usage: imctl events") || events.contains("imctl events ["), "\(events.prefix(200))")
        #expect(events.hasSuffix(topic))
        #expect(topic.hasPrefix("STREAMS:"))
    }

    @Test("help for an unknown word: exit 2 with a suggestion")
    func unknownHelp() async {
        let result = await CLIHarness().run(["help", "exit-code"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean 'exit-codes'?"))
    }

    @Test("help lists every visible top-level command and hides hidden ones")
    func rootHelp() async {
        let text = await CLIHarness().run(["help"]).stdout
        for command in Command.root().visibleSubcommands { #expect(text.contains("  \(command.name)")) }
        #expect(!text.contains("__complete"))
    }

    @Test("completion of an unknown shell is a usage error")
    func completionUnknownShell() async {
        #expect(await CLIHarness().run(["completion", "tcsh"]).status == 2)
    }

    @Test("__complete answers profiles from the config and nothing without a local store")
    func dynamicCompletion() async throws {
        let harness = CLIHarness()
        try ConfigFile(profiles: ["work": .init(), "home": .init()]).save(Paths(environment: harness.environment).configFile)
        #expect(await harness.run(["__complete", "profiles"]).stdout == "home\nwork\n")
        let users = await harness.run(["__complete", "users", "msg", "send"], environment: ["IMCTL_APP": "a#b"])
        #expect(users.status == 0)
        #expect(users.stdout.isEmpty)
    }

    @Test("--deadline bounds a command with exit 124")
    func deadline() async {
        do {
            _ = try await IMCLI.withDeadline(.milliseconds(50)) {
                try await Task.sleep(for: .seconds(30))
                return 0
            }
            Issue.record("the deadline did not fire")
        } catch let error as CLIError {
            #expect(error.exitCode == 124)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a bad --deadline value is a usage error")
    func badDeadline() async {
        #expect(await CLIHarness().run(["version", "--deadline", "soon"]).status == 2)
    }
}
