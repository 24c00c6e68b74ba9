import IMCore
import IMClient

/// What `status` prints: every key always, `null` when unknown, so tsv columns stay fixed.
struct StatusReport: Encodable {
    var profile: String
    var server: String
    var app: String?
    var loggedIn: Bool
    var userId: String?
    var reachable: Bool?
    var cursor: String?
    var error: String?

    private enum CodingKeys: String, CodingKey { case profile, server, app, loggedIn, userId, reachable, cursor, error }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(profile, forKey: .profile)
        try container.encode(server, forKey: .server)
        try container.encode(app, forKey: .app)
        try container.encode(loggedIn, forKey: .loggedIn)
        try container.encode(userId, forKey: .userId)
        try container.encode(reachable, forKey: .reachable)
        try container.encode(cursor, forKey: .cursor)
        try container.encode(error, forKey: .error)
    }
}

extension Command {
    /// `imctl status`.
    static let status = Command(
        name: "status",
        summary: "Show the profile, the login and whether the server answers.",
        discussion: """
            When logged in, asks the server for the event cursor, which checks connectivity and the session together. \
            Exits 0 when everything is fine, else with the exit status of the failure.
            """,
        examples: [Example("imctl status", "Check login and connectivity.")],
        run: { invocation, context in
            let settings = try context.settings(invocation)
            var report = StatusReport(
                profile: settings.profile, server: settings.server, app: settings.app, loggedIn: false)
            guard settings.app != nil else {
                try context.output.emit(report)
                return ExitCode.authentication
            }
            let client = try context.chatClient(invocation)
            report.loggedIn = client.isLoginBefore
            report.userId = client.currentUserId
            var status = ExitCode.success
            if report.loggedIn {
                do throws(ChatError) {
                    report.cursor = try await client.eventCursor()
                    report.reachable = true
                } catch {
                    let failure = CLIError(error)
                    report.reachable = ExitCode.forError(error.code) != ExitCode.unavailable
                    report.error = failure.message
                    status = failure.exitCode
                }
            } else {
                status = ExitCode.authentication
            }
            try context.output.emit(report)
            return status
        }
    )
}
