import IMClient
import IMCore

/// What `whoami` and `login` print: the session without its secret token; `login` adds the event cursor.
struct Identity: Encodable {
    var userId: String
    var resource: String
    var expiresAt: Int64
    var profile: String
    var server: String
    var app: String
    var cursor: String?
}

extension Command {
    /// `imctl whoami`.
    static let whoami = Command(
        name: "whoami",
        summary: "Print the logged-in user of the profile.",
        discussion: "Reads only the local stored login; exits 4 when there is none.",
        examples: [Example("imctl whoami -o id", "Print just the user id.")],
        isOffline: true,
        run: { invocation, context in
            let settings = try context.settings(invocation)
            let client = try context.loggedInClient(invocation)
            guard let login = client.storedLogin else { throw CLIError.authentication("not logged in") }
            return try context.print(
                Identity(
                    userId: login.userId, resource: login.resource, expiresAt: login.expiresAt,
                    profile: settings.profile, server: login.serverURL, app: login.appKey),
                shape: Shape(id: "userId", columns: ["userId", "resource", "server", "app", "expiresAt"]))
        }
    )
}
