import IMClient
import IMCore
extension Command {
    /// `imctl devices`.
    static let devices = Command(
        name: "devices",
        summary: "List or kick a user's logged-in devices.",
        discussion: "Needs no session: authenticate with the user's password or a token.",
        options: [Secrets.passwordStdin, Secrets.passwordFile, Secrets.tokenStdin, Secrets.tokenFile],
        subcommands: [.devicesList, .devicesKick]
    )

    /// `imctl devices list USER`.
    static let devicesList = Command(
        name: "list",
        summary: "List the sessions of a user.",
        arguments: [Argument("user", help: "The user id.", completion: .dynamic("users"))],
        examples: [Example("imctl devices list alice --password-stdin <pw.txt", "Show alice's devices.")],
        run: { invocation, context in
            let secret = try Secrets.passwordOrToken(invocation, context)
            let client = try context.chatClient(invocation)
            let devices = try await client.fetchLoggedInDevices(
                userId: invocation.argument("user")!, password: secret.password, token: secret.token)
            return try context.print(devices, shape: Shapes.device)
        }
    )

    /// `imctl devices kick USER RESOURCE|--all`.
    static let devicesKick = Command(
        name: "kick",
        summary: "End one session of a user, or all of them.",
        arguments: [
            Argument("user", help: "The user id.", completion: .dynamic("users")),
            Argument("resource", help: "The session to end (from 'devices list').", isOptional: true),
        ],
        options: [Option(long: "all", help: "End every session of the user.")],
        examples: [Example("imctl devices kick alice --all --password-stdin <pw.txt", "Log alice out everywhere.")],
        run: { invocation, context in
            let user = invocation.argument("user")!
            let resource = invocation.argument("resource")
            guard (resource == nil) == invocation.flag("all") else {
                throw UsageError.other("give either RESOURCE or --all")
            }
            let secret = try Secrets.passwordOrToken(invocation, context)
            let client = try context.chatClient(invocation)
            let result =
                if let resource {
                    try await client.kickDevice(
                        userId: user, password: secret.password, token: secret.token, resource: resource)
                } else {
                    try await client.kickAllDevices(userId: user, password: secret.password, token: secret.token)
                }
            return try context.print(result, shape: Shapes.kick)
        }
    )
}
