@testable import IMCLI
import Testing

@Suite("Golden files")
struct SnapshotTests {
    static let root = Command.root()

    static var commandPaths: [String] {
        root.allPaths().map { $0.dropFirst().map(\.name).joined(separator: " ") }
    }

    @Test("help of every command in the table", arguments: commandPaths)
    func help(path: String) async {
        let words = path.split(separator: " ").map(String.init)
        let result = await CLIHarness().run(words + ["--help"])
        #expect(result.status == 0)
        let name = words.isEmpty ? "imctl" : "imctl-" + words.joined(separator: "-")
        assertSnapshot(result.stdout, named: "help/\(name).txt")
    }

    // The golden files of the man page and the completion scripts are the committed, packaged files themselves, so
    // a change to the table that is not regenerated (scripts/generate-docs.sh) fails here.
    @Test("man page: imctl man prints man/imctl.1")
    func manPage() async {
        let page = await CLIHarness().run(["man"]).stdout
        #expect(page == ManPageRenderer.render(root: Self.root, date: IMCLI.releaseDate, version: IMCLI.version))
        assertFile(page, path: packageRoot + "/man/imctl.1")
    }

    @Test(
        "completion scripts: imctl completion SHELL prints completions/*",
        arguments: [("bash", "imctl.bash"), ("zsh", "_imctl"), ("fish", "imctl.fish")])
    func completions(shell: String, file: String) async {
        let script = await CLIHarness().run(["completion", shell]).stdout
        #expect(script == Command.completionScript(shell, root: Self.root))
        assertFile(script, path: packageRoot + "/completions/" + file)
    }

    @Test("help wraps to the terminal width")
    func wrapping() {
        let path = [Self.root, Self.root.subcommand("msg")!, Self.root.subcommand("msg")!.subcommand("send")!]
        for width in [60, 100] {
            for line in HelpRenderer.render(path: path, width: width).split(separator: "\n") {
                let long = line.split(separator: " ").contains { $0.count > 40 }
                #expect(line.count <= width || long, "line exceeds \(width): [\(line)]")
            }
        }
    }
}
