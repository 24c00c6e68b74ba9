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
            let info = try await client.renewToken(token)
            return try context.print(RedactedToken(info), shape: Shapes.renewedToken)
        }
    )
}
