import IMClient
import IMCore

extension Command {
    /// `imctl msg report MSGID --tag T --reason R`.
    static let msgReport = messageOperation(
        "report", summary: "Report a message to the operator.",
        discussion: "The operator reads reports with 'imctl admin reports'. --tag takes 1-32 bytes, --reason 1-512.",
        options: [
            Option(long: "tag", value: "TAG", help: "Category of the report (required)."),
            Option(long: "reason", value: "TEXT", help: "Why the message is reported (required)."),
        ],
        examples: [Example("imctl msg report 3kF9x2 --tag spam --reason 'unsolicited ads'", "Report message 3kF9x2 as spam.")]
    ) { manager, msgId, invocation, _ in
        guard let tag = invocation.value("tag"), let reason = invocation.value("reason") else {
            throw UsageError.other("msg report needs --tag and --reason")
        }
        return try await manager.reportMessage(msgId, tag: tag, reason: reason)
    }
}
