import IMClient
import IMCore
/// What `logout` prints.
struct LogoutResult: Encodable {
    var userId: String
    var loggedOut: Bool
}

extension Command {
    /// `imctl logout`.
    static let logout = Command(
        name: "logout",
        summary: "End the session on the server and forget the stored login.",
        examples: [Example("imctl logout", "Log out of the current profile.")],
        run: { invocation, context in
            let client = try context.loggedInClient(invocation)
            let user = client.currentUserId ?? ""
            try await client.logout()
            return try context.print(LogoutResult(userId: user, loggedOut: true), shape: Shape(id: "userId", columns: []))
        }
    )
}
