import IMClient
import IMCore

/// What `msg send --wait-reply` prints: the send result and the reply.
struct SentWithReply: Encodable {
    var message: Message
    var cursor: String
    var reply: Message
}

extension Command {
    /// `imctl msg send TO [TEXT|-]`.
    static let msgSend = Command(
        name: "send",
        summary: "Send a message and print it with the preceding cursor.",
        discussion: """
            TO is a user id, or user:ID, group:ID or room:ID. The text comes from TEXT, or from standard input when \
            TEXT is '-' or missing. Prints {"message":…,"cursor":…}: pass the cursor to 'imctl wait --since' to see \
            everything the send caused. --msg-id makes a re-run idempotent: the server stores the message once.
            """,
        arguments: [
            Argument("to", help: "Recipient: USER, user:ID, group:ID or room:ID.", completion: .dynamic("users")),
            Argument("text", help: "Message text, or '-' for standard input.", isOptional: true),
        ],
        options: [
            Option(long: "type", value: "TYPE", help: "Body type: text (default), cmd, custom or location.",
                completion: .choices(["text", "cmd", "custom", "location"])),
            Option(long: "action", value: "ACTION", help: "Action of a cmd message."),
            Option(long: "event", value: "EVENT", help: "Event of a custom message."),
            Option(long: "param", value: "K=V", help: "Parameter of a custom message.", isRepeatable: true),
            Option(long: "lat", value: "DEGREES", help: "Latitude of a location message."),
            Option(long: "lon", value: "DEGREES", help: "Longitude of a location message."),
            Option(long: "address", value: "TEXT", help: "Address of a location message."),
            Option(long: "attr", value: "K=JSON", help: "Message attribute; the value is JSON or a string.",
                isRepeatable: true),
            Option(long: "msg-id", value: "ID", help: "Message id (idempotency key) instead of a random one.",
                aliases: ["idempotency-key"]),
            Option(long: "wait-reply", value: "DURATION", help: "Then wait this long for the next message from the peer."),
            .translate,
        ] + Option.attachmentOptions,
        examples: [
            Example("imctl msg send bob 'hello'", "Send a text to bob."),
            Example("echo hi | imctl msg send group:1234 -", "Send standard input to a group."),
            Example("imctl msg send bob --type cmd --action typing", "Send a command message."),
            Example("imctl msg send bob --image photo.jpg", "Upload a photo and send it as an image message."),
            Example("imctl msg send bob 'hello' --translate es", "Send a text stored with its Spanish translation."),
        ],
        run: { invocation, context in
            let message = try MessageBuilder.build(invocation, context)
            let waitReply = try invocation.value("wait-reply").map { text throws(UsageError) in
                try DurationParser.require(text, option: "--wait-reply")
            }
            let client = try context.loggedInClient(invocation)
            client.warmUp(sending: message)
            let bar = ProgressBar.make("upload", io: context.io)
            let sent: SendMessageResponse
            do {
                sent = try await client.chatManager.sendMessage(message, progress: bar?.callback)
            } catch let error as ChatError where error.code == .messageInvalid && !message.msgId.isEmpty && message.body.type != .combine {
                // Such a send's only 500: its --msg-id already names other content (cli-conventions §3: a conflict).
                throw CLIError(code: error.code, message: error.description, hint: "Use a new --msg-id for new content.", exitCode: ExitCode.conflict)
            }
            bar?.finish()
            guard let waitReply else {
                return try context.print(sent, shape: Shapes.sent)
            }
            guard let reply = try await awaitReply(client, after: sent, within: waitReply) else {
                try context.output.emit(sent, shape: Shapes.sent)
                throw CLIError(code: .serverTimeout, message: "no reply within \(waitReply)", exitCode: ExitCode.timeout)
            }
            try context.output.emit(
                SentWithReply(message: sent.message, cursor: sent.cursor, reply: reply), shape: Shapes.sent)
            return ExitCode.success
        }
    )

    /// The next message in the conversation from someone else, or nil on timeout.
    private static func awaitReply(
        _ client: ChatClient, after sent: SendMessageResponse, within limit: Duration
    ) async throws -> Message? {
        let me = client.currentUserId
        let conversation = sent.message.to
        var reply: Message?
        let pump = EventPump(client: client, since: sent.cursor, timeout: limit, idle: nil)
        _ = try await pump.run { delivery in
            guard delivery.event.type == EventType.messagesReceived else { return .proceed }
            reply = try delivery.event.messages().first { $0.from != me && $0.conversationId == conversation }
            return reply == nil ? .proceed : .stop(ExitCode.success)
        }
        return reply
    }
}
