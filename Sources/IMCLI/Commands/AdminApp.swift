import IMClient
import IMCore
/// What `admin app delete` prints.
struct DeletedApp: Encodable {
    var appKey: String
    var deleted: Bool
}

extension Command {
    /// `imctl admin app`.
    static let adminApp = Command(
        name: "app", summary: "Create, list and delete apps.", subcommands: [.adminAppCreate, .adminAppList, .adminAppDelete])

    /// `imctl admin app create KEY`.
    static let adminAppCreate = Command(
        name: "create",
        summary: "Create an app and print its credentials.",
        arguments: [Argument("key", help: "The app key, org#app.")],
        examples: [Example("imctl admin app create 'acme#chat'", "Create the app acme#chat.")],
        run: { invocation, context in
            let app = try await AdminSupport.client(invocation, context, perApp: false).createApp(invocation.argument("key")!)
            return try context.print(app, shape: Shapes.app)
        }
    )

    /// `imctl admin app list`.
    static let adminAppList = Command(
        name: "list",
        summary: "List every app.",
        examples: [Example("imctl admin app list -o id", "Print the app keys.")],
        run: { invocation, context in
            let apps = try await AdminSupport.client(invocation, context, perApp: false).listApps()
            return try context.print(apps, shape: Shapes.app)
        }
    )

    /// `imctl admin app delete`.
    static let adminAppDelete = Command(
        name: "delete",
        summary: "Delete the app named by --app with all its data.",
        examples: [Example("imctl --app 'acme#chat' admin app delete", "Delete acme#chat.")],
        run: { invocation, context in
            let settings = try context.settings(invocation)
            try await AdminSupport.client(invocation, context, perApp: true).deleteApp()
            return try context.print(DeletedApp(appKey: try settings.requireApp(), deleted: true), shape: Shapes.deletedApp)
        }
    )
}
