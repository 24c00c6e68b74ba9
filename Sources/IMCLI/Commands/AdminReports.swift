import IMClient
import IMCore

extension Command {
    /// `imctl admin reports`.
    static let adminReports = Command(
        name: "reports",
        summary: "List the app's message reports, newest first.",
        discussion: "Each report has reportId, msgId, reporter, tag, reason, time and the reported message as it was.",
        examples: [Example("imctl admin reports --app 'org#app'", "Read the reports of app org#app.")],
        run: { invocation, context in
            let client = try AdminSupport.client(invocation, context, perApp: true)
            return try context.print(try await client.reports(), shape: Shapes.report)
        }
    )
}
