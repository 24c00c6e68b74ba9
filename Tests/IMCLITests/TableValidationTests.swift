@testable import IMCLI
import Testing

@Suite("Command table")
struct TableValidationTests {
    let root = Command.root()

    @Test("names and aliases are unique per level")
    func uniqueNames() {
        for path in root.allPaths() {
            let words = path.last!.subcommands.flatMap { [$0.name] + $0.aliases }
            #expect(Set(words).count == words.count, "duplicate subcommand under \(path.map(\.name))")
        }
    }

    @Test("long options are unique along each path, globals included; a short letter once per command, the deepest winning along a path")
    func uniqueOptions() {
        for path in root.allPaths() {
            let longs = path.flatMap(\.options).flatMap { [$0.long] + $0.aliases }
            #expect(Set(longs).count == longs.count, "duplicate long option on \(path.map(\.name))")
            let own = path[path.count - 1].options.compactMap(\.short)
            #expect(Set(own).count == own.count, "duplicate short option on \(path.map(\.name))")
            let scoped = Command.options(along: path).compactMap(\.short)
            #expect(Set(scoped).count == scoped.count, "a short letter means two options on \(path.map(\.name))")
        }
    }

    @Test("the only short letter a command takes from a global option is msg download's -o (cli-conventions §6: msg download -o FILE)")
    func shadowedShortLetters() {
        let globals = Set(root.options.compactMap(\.short))
        let shadowing = root.allPaths().dropFirst().flatMap { path in
            path[path.count - 1].options.compactMap(\.short).filter(globals.contains).map { (path.dropFirst().map(\.name).joined(separator: " "), $0) }
        }
        #expect(shadowing.map { "\($0.0) -\($0.1)" } == ["msg download -o"])
    }

    @Test("every visible item has help; summaries are one capitalised line under 70 characters")
    func helpText() {
        for path in root.visiblePaths() {
            let command = path.last!
            #expect(!command.summary.isEmpty)
            #expect(command.summary.count < 70, "summary too long: \(command.summary)")
            #expect(!command.summary.contains("\n"))
            #expect(command.summary.first?.isUppercase == true, "summary not capitalised: \(command.summary)")
            for option in command.visibleOptions { #expect(!option.help.isEmpty, "--\(option.long) lacks help") }
            for argument in command.arguments { #expect(!argument.help.isEmpty, "\(argument.name) lacks help") }
        }
    }

    @Test("variadic arguments come last; optional arguments follow required ones")
    func argumentOrder() {
        for path in root.allPaths() {
            let arguments = path.last!.arguments
            for (index, argument) in arguments.enumerated() {
                if argument.isVariadic { #expect(index == arguments.count - 1) }
                if index > 0, !argument.isOptional { #expect(!arguments[index - 1].isOptional) }
            }
        }
    }

    @Test("runnable commands that talk to a server load the HTTP library early; groups, serve and local ones do not")
    func networkCommands() {
        let root = Command.root(adding: [.serve(run: { _, _ in 0 })])
        func command(_ words: String...) -> Command { Parser.commandPath(words, root: root).last! }
        for words in [["msg", "send"], ["msg", "history"], ["conv", "fetch"], ["wait"], ["events"], ["login"], ["batch"]] {
            #expect(Parser.commandPath(words, root: root).last!.usesNetwork, "\(words)")
        }
        #expect(!command("serve").usesNetwork)
        #expect(!command("msg").usesNetwork)
        #expect(!command("conv", "list").usesNetwork)
        #expect(!command("msg", "search").usesNetwork)
        #expect(!command("version").usesNetwork)
        #expect(!command("__complete").usesNetwork)
    }

    @Test("dynamic completion keys are known")
    func dynamicKeys() {
        var keys: [String] = []
        for path in root.allPaths() {
            let command = path.last!
            for completion in command.options.map(\.completion) + command.arguments.map(\.completion) {
                if case .dynamic(let key) = completion { keys.append(key) }
            }
        }
        #expect(!keys.isEmpty)
        for key in keys { #expect(Completion.dynamicKeys.contains(key), "unknown dynamic key \(key)") }
    }

    @Test("groups have subcommands and no action; leaves have an action")
    func groupsAndLeaves() {
        for path in root.allPaths().dropFirst() {
            let command = path.last!
            #expect((command.run == nil) == !command.subcommands.isEmpty, "\(path.map(\.name))")
        }
    }

    @Test("extra commands from the executable join the table")
    func extraCommands() throws {
        let serve = Command(name: "serve", summary: "Run the server.", run: { _, _ in 0 })
        let tree = Command.root(adding: [serve])
        #expect(tree.subcommand("serve") != nil)
        let invocation = try Parser.parse(["serve"], root: tree)
        #expect(invocation.command.name == "serve")
    }
}
