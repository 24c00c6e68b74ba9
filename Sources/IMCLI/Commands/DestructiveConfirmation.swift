import IMClient
import IMCore

/// The confirmation of destructive commands (cli-conventions §6): `--yes` skips it; on a terminal the user
/// is asked; otherwise the command refuses with a usage error (exit 2) before doing anything.
enum DestructiveConfirmation {
    /// The `--yes` option of destructive commands.
    static let yes = Option(long: "yes", short: "y", help: "Do not ask for confirmation.")

    /// Returns when the action may go ahead; throws otherwise.
    static func require(_ invocation: Invocation, _ context: Context, _ question: String) throws {
        if invocation.flag("yes") { return }
        guard context.io.stdinIsTTY, context.io.stdoutIsTTY else {
            throw UsageError.other("refusing a destructive action without --yes when not on a terminal")
        }
        try? context.io.stderr.write(question + " [y/N] ")
        let answer = context.io.stdin.readLine()?.lowercased() ?? ""
        guard answer == "y" || answer == "yes" else {
            throw CLIError(code: .generalError, message: "cancelled", exitCode: ExitCode.failure)
        }
    }
}
