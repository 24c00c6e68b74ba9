import IMClient
import IMCore
extension Command {
    /// `imctl register USER`.
    static let register = Command(
        name: "register",
        summary: "Create an account with open registration.",
        discussion: "Fails with code 208 when the app does not allow open registration; use 'imctl admin user create'.",
        arguments: [Argument("user", help: "The new user id.")],
        options: [Secrets.passwordStdin, Secrets.passwordFile],
        examples: [Example("imctl register alice --password-stdin <pw.txt", "Create the account alice.")],
        run: { invocation, context in
            let password = try Secrets.password(invocation, context)
            let client = try context.chatClient(invocation)
            let user = try await client.createAccount(userId: invocation.argument("user")!, password: password)
            return try context.print(user, shape: Shapes.user)
        }
    )
}
