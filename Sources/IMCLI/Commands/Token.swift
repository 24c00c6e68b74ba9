import IMClient
import IMCore
extension Command {
    /// `imctl token`.
    static let token = Command(
        name: "token",
        summary: "Manage the session's token.",
        subcommands: [.tokenRenew]
    )

    /// `imctl token renew`.
    static let tokenRenew = Command(
        name: "renew",
        summary: "Replace the session's token with a new one.",
        discussion: "The new token (issued by 'imctl admin token issue') is read from standard input or a file.",
        options: [Secrets.tokenStdin, Secrets.tokenFile],
        examples: [Example("imctl token renew --token-file new-token.txt", "Swap in a new token.")],
        run: { invocation, context in
            guard let token = try Secrets.read("token", invocation, context) else {
                throw UsageError.other("give the new token with --token-stdin or --token-file")
            }
            let client = try context.loggedInClient(invocation)
            let info: TokenInfo
            do {
                info = try await client.renewToken(token)
            } catch let error as ChatError where [.invalidToken, .tokenExpired].contains(error.code) {
                // Usually the new token is at fault, not the session: the plain login hint would mislead.
                throw CLIError(error, hint: "Check the new token (issue one with 'imctl admin token issue USER'); if the session itself has ended, log in again.")
            }
            return try context.print(RedactedToken(info), shape: Shapes.renewedToken)
        }
    )
}
