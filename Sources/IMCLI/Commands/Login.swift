import IMCore
import IMClient

extension Command {
    /// `imctl login USER`.
    static let login = Command(
        name: "login",
        summary: "Log in and store the session in the profile.",
        discussion: """
            The password or token is read from standard input or a file, never from a flag. With no source given, \
            IMCTL_TOKEN is used. The profile remembers the server and app, so later commands need neither.
            """,
        arguments: [Argument("user", help: "The user id.", completion: .dynamic("users"))],
        options: [Secrets.passwordStdin, Secrets.passwordFile, Secrets.tokenStdin, Secrets.tokenFile],
        examples: [
            Example("imctl --app acme#chat login alice --password-stdin <pw.txt", "Log in as alice."),
            Example("imctl login alice --token-file ~/.alice-token", "Log in with a token."),
        ],
        run: { invocation, context in
            let user = invocation.argument("user")!
            let secret = try Secrets.passwordOrToken(invocation, context)
            let settings = try context.settings(invocation)
            let client = try context.chatClient(invocation)
            let response =
                if let password = secret.password {
                    try await client.loginWithPassword(userId: user, password: password)
                } else {
                    try await client.loginWithToken(userId: user, token: secret.token!)
                }
            try saveProfile(settings)
            return try context.print(
                Identity(
                    userId: response.userId, resource: response.resource, expiresAt: response.token.expiresAt,
                    profile: settings.profile, server: settings.server, app: settings.app ?? "",
                    cursor: response.cursor),
                shape: Shapes.session)
        }
    )

    /// Remembers the profile's server and app and makes it current when none is.
    private static func saveProfile(_ settings: Settings) throws {
        let path = settings.paths.configFile
        var config = try ConfigFile.load(path)
        config.profiles[settings.profile] = ConfigFile.Profile(server: settings.server, app: settings.app)
        if config.currentProfile == nil { config.currentProfile = settings.profile }
        try config.save(path)
    }
}
