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

    @Test("man page")
    func manPage() async {
        let page = await CLIHarness().run(["man"]).stdout
        #expect(page == ManPageRenderer.render(root: Self.root, date: IMCLI.releaseDate, version: IMCLI.version))
        assertSnapshot(page, named: "imctl.1")
    }

    @Test("completion scripts", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) {
        assertSnapshot(Command.completionScript(shell, root: Self.root)!, named: "completion.\(shell)")
    }

    @Test("committed man/imctl.1 and completions/* match the renderers (regenerate: scripts/generate-docs.sh)")
    func committedDocs() {
        assertFile(
            ManPageRenderer.render(root: Self.root, date: IMCLI.releaseDate, version: IMCLI.version),
            path: packageRoot + "/man/imctl.1")
        assertFile(BashCompletion.render(root: Self.root), path: packageRoot + "/completions/imctl.bash")
        assertFile(ZshCompletion.render(root: Self.root), path: packageRoot + "/completions/_imctl")
        assertFile(FishCompletion.render(root: Self.root), path: packageRoot + "/completions/imctl.fish")
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
