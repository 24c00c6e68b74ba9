import IMClient
import IMCore
extension Command {
    /// `imctl admin user`.
    static let adminUser = Command(
        name: "user",
        summary: "Create, list, delete and (de)activate users.",
        subcommands: [
            .adminUserCreate, .adminUserList,
            adminUserAction("delete", summary: "Delete a user and end their sessions.", example: "user delete") {
                client, user throws(ChatError) in try await client.deleteUser(user)
            },
            adminUserAction("deactivate", summary: "Block a user from logging in.", example: "user deactivate") {
                client, user throws(ChatError) in try await client.deactivate(user)
            },
            adminUserAction("reactivate", summary: "Allow a deactivated user again.", example: "user reactivate") {
                client, user throws(ChatError) in try await client.reactivate(user)
            },
        ]
    )

    /// `imctl admin user create USER`.
    static let adminUserCreate = Command(
        name: "create",
        summary: "Register a user (without a password: token login only).",
        arguments: [Argument("user", help: "The new user id.")],
        options: [Secrets.passwordStdin, Secrets.passwordFile],
        examples: [Example("imctl admin user create alice --password-stdin <pw.txt", "Create alice.")],
        run: { invocation, context in
            let password = try Secrets.read("password", invocation, context)
            let client = try AdminSupport.client(invocation, context, perApp: true)
            let user = try await client.createUser(userId: invocation.argument("user")!, password: password)
            return try context.print(user, shape: Shapes.user)
        }
    )

    /// `imctl admin user list`.
    static let adminUserList = Command(
        name: "list",
        summary: "List the app's users.",
        examples: [Example("imctl admin user list -o id", "Print every user id.")],
        run: { invocation, context in
            let users = try await AdminSupport.client(invocation, context, perApp: true).listUsers()
            return try context.print(users, shape: Shapes.user)
        }
    )

    /// `imctl admin password`.
    static let adminPassword = Command(
        name: "password", summary: "Set users' passwords.", subcommands: [.adminPasswordSet])

    /// `imctl admin password set USER`.
    static let adminPasswordSet = Command(
        name: "set",
        summary: "Set a user's password; their sessions end.",
        arguments: [Argument("user", help: "The user id.", completion: .dynamic("users"))],
        options: [Secrets.passwordStdin, Secrets.passwordFile],
        examples: [Example("imctl admin password set alice --password-file new.txt", "Reset alice's password.")],
        run: { invocation, context in
            let password = try Secrets.password(invocation, context)
            let client = try AdminSupport.client(invocation, context, perApp: true)
            let result = try await client.setPassword(invocation.argument("user")!, password: password)
            return try context.print(result, shape: Shapes.adminAction)
        }
    )

    /// `imctl admin token`.
    static let adminToken = Command(
        name: "token",
        summary: "Issue and revoke user tokens.",
        subcommands: [
            .adminTokenIssue,
            adminUserAction("revoke", summary: "Revoke every token of a user.", example: "token revoke") {
                client, user throws(ChatError) in try await client.revokeTokens(user)
            },
        ]
    )

    /// `imctl admin token issue USER`.
    static let adminTokenIssue = Command(
        name: "issue",
        summary: "Issue a token for a user and print it.",
        arguments: [Argument("user", help: "The user id.", completion: .dynamic("users"))],
        options: [Option(long: "ttl", value: "SECONDS", help: "Lifetime in seconds; 0 never expires (default: app's).")],
        examples: [Example("imctl admin token issue alice --ttl 3600 -o id", "Print a one-hour token for alice.")],
        run: { invocation, context in
            let ttl = try invocation.value("ttl").map { text throws(UsageError) in
                guard let ttl = Int64(text), ttl >= 0 else {
                    throw .invalidValue(option: "--ttl", value: text, reason: "expected seconds")
                }
                return ttl
            }
            let client = try AdminSupport.client(invocation, context, perApp: true)
            let token = try await client.issueToken(invocation.argument("user")!, ttl: ttl)
            return try context.print(token, shape: Shapes.token)
        }
    )

    /// `imctl admin logout USER`.
    static let adminLogout = adminUserAction("logout", summary: "End every session of a user.", example: "logout") {
        client, user throws(ChatError) in try await client.forceLogout(user)
    }
}
