import IMClient
import IMCore

extension Command {
    /// `imctl msg edit MSGID [TEXT|-] [--event E --param K=V…] [--attr K=JSON…]`.
    static let msgEdit = messageOperation(
        "edit", summary: "Edit a message you sent: new text, custom body or attributes.",
        discussion: """
            TEXT (or '-' for standard input) replaces a text body; --event with --param replaces a custom body; \
            --attr replaces all attributes. Other body types take only attributes (511), and a message takes at \
            most 10 edits (511). New text is translated again: into the --translate languages, else into those \
            the message was sent with. The peer and your other devices get onMessageContentChanged.
            """,
        arguments: [Argument("text", help: "New text, or '-' for standard input.", isOptional: true)],
        options: [
            Option(long: "event", value: "EVENT", help: "New event of a custom message."),
            Option(long: "param", value: "K=V", help: "Parameter of the new custom body.", isRepeatable: true),
            Option(long: "attr", value: "K=JSON", help: "New attribute; the value is JSON or a string.", isRepeatable: true),
            .translate,
        ],
        examples: [
            Example("imctl msg edit 3kF9x2 'fixed text'", "Replace the text of message 3kF9x2."),
            Example("imctl msg edit 3kF9x2 --attr priority=2", "Replace its attributes."),
            Example("imctl msg edit 3kF9x2 'new text' --translate es,fr", "Replace the text, translated into Spanish and French."),
        ]
    ) { manager, msgId, invocation, context in
        let body = try MessageBuilder.editedBody(invocation, context)
        let attributes = try MessageBuilder.attributes(invocation)
        guard body != nil || !attributes.isEmpty else { throw UsageError.other("give new TEXT, --event or --attr") }
        return try await manager.modifyMessage(msgId, body: body, attributes: attributes.isEmpty ? nil : attributes)
    }
}

extension MessageBuilder {
    /// The new body of `msg edit`: custom with `--event`, text with TEXT, or none.
    static func editedBody(_ invocation: Invocation, _ context: Context) throws -> MessageBody? {
        let languages = invocation.values("translate", splitCommas: true)
        let event = invocation.value("event")
        if !languages.isEmpty, event != nil || invocation.argument("text") == nil { throw UsageError.other("--translate needs new TEXT") }
        if let event { return try customBody(event: event, invocation) }
        return invocation.argument("text").map { .text(TextBody(content: text($0, context), targetLanguages: languages.isEmpty ? nil : languages)) }
    }
}
