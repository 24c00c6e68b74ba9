import IMClient
import IMCore

extension Command {
    /// `imctl msg recall MSGID [--ext TEXT]`.
    static let msgRecall = messageOperation(
        "recall", summary: "Recall a message you sent, within the app's recall window.",
        discussion: """
            Deletes the message for everyone; the peer and your other devices get onMessagesRecalledInfo. After the \
            recall window (recallWindowSeconds, default 120 s) the server answers 504; another user's message 210.
            """,
        options: [Option(long: "ext", value: "TEXT", help: "Up to 1,024 bytes passed to the receivers.")],
        examples: [Example("imctl msg recall 3kF9x2 --ext typo", "Recall message 3kF9x2.")]
    ) { manager, msgId, invocation, _ in
        try await manager.recallMessage(msgId, ext: invocation.value("ext"))
    }
}
