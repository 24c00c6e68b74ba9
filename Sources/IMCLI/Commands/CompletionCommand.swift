import IMClient
import IMCore
extension Command {
    /// `imctl completion bash|zsh|fish`.
    static let completion = Command(
        name: "completion",
        summary: "Print a shell completion script.",
        discussion: "Generated from the same command table as help and the man page.",
        arguments: [Argument("shell", help: "bash, zsh or fish.", completion: .choices(["bash", "zsh", "fish"]))],
        examples: [
            Example("source <(imctl completion bash)", "Enable completion in the current bash."),
            Example("imctl completion zsh > ~/.zfunc/_imctl", "Install the zsh completion."),
        ],
        isOffline: true,
        run: { invocation, context in
            let shell = invocation.argument("shell")!
            guard let script = completionScript(shell, root: context.root) else {
                throw UsageError.invalidValue(option: "SHELL", value: shell, reason: "expected bash, zsh or fish")
            }
            try context.io.stdout.write(script)
            return ExitCode.success
        }
    )

    /// The completion script for a shell, or nil for an unknown shell.
    public static func completionScript(_ shell: String, root: Command) -> String? {
        switch shell {
        case "bash": BashCompletion.render(root: root)
        case "zsh": ZshCompletion.render(root: root)
        case "fish": FishCompletion.render(root: root)
        default: nil
        }
    }
}
