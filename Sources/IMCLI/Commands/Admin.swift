#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IMClient
import IMCore

extension Command {
    /// `imctl admin`.
    static let admin = Command(
        name: "admin",
        summary: "Administer apps, settings, users and tokens (operator).",
        discussion: """
            Operator commands authenticate with the operator credentials the server writes to operator.json in its \
            data directory (default $XDG_DATA_HOME/imctl/server/operator.json), or with an app's own clientId and \
            clientSecret in the same JSON shape. Commands that act in an app take it from --app.
            """,
        options: [
            Option(long: "operator-file", value: "PATH", help: "Operator credentials JSON {clientId, clientSecret}.",
                env: "IMCTL_OPERATOR_FILE", completion: .file)
        ],
        subcommands: [.adminApp, .adminSettings, .adminUser, .adminPassword, .adminToken, .adminLogout, .adminReports]
    )

    /// An operator command on one user that answers with an ``AdminActionResult``.
    static func adminUserAction(
        _ name: String, summary: String, example: String,
        _ action: @escaping @Sendable (AdminClient, String) async throws(ChatError) -> AdminActionResult
    ) -> Command {
        Command(
            name: name, summary: summary,
            arguments: [Argument("user", help: "The user id.", completion: .dynamic("users"))],
            examples: [Example("imctl admin \(example) alice", summary)],
            run: { invocation, context in
                let client = try AdminSupport.client(invocation, context, perApp: true)
                let result = try await action(client, invocation.argument("user")!)
                return try context.print(result, shape: Shapes.adminAction)
            })
    }
}

/// Building the operator client.
enum AdminSupport {
    /// The operator client, with the app from `--app` when `perApp`.
    static func client(_ invocation: Invocation, _ context: Context, perApp: Bool) throws -> AdminClient {
        let settings = try context.settings(invocation)
        let path = invocation.value("operator-file") ?? settings.paths.defaultOperatorFile
        try SecureFile.checkPrivate(path)
        guard let text = try SecureFile.read(path) else {
            throw CLIError.authentication(
                "no operator credentials at \(path)", hint: "Pass --operator-file PATH or set IMCTL_OPERATOR_FILE.")
        }
        let credentials: OperatorCredentials
        do {
            credentials = try WireJSON.decode(OperatorCredentials.self, from: Data(text.utf8))
        } catch {
            throw CLIError.authentication("\(path) does not hold {\"clientId\",\"clientSecret\"}")
        }
        return AdminClient(
            serverURL: settings.server, credentials: credentials, appKey: perApp ? try settings.requireApp() : nil,
            requestTimeout: settings.requestTimeout, maxRateWait: settings.maxRateWait)
    }
}
