import IMClient
import IMCore

extension Command {
    /// The `MSGID` argument of commands that act on one message.
    static let msgIdArgument = Argument("msgid", help: "The message id.")

    /// A command that acts on one message and prints `{"msgId":…,"cursor":…,"message":…}`; the cursor precedes the
    /// write, so `imctl wait --since CURSOR` sees every event it caused.
    static func messageOperation(
        _ name: String,
        summary: String,
        discussion: String = "",
        arguments: [Argument] = [],
        options: [Option] = [],
        examples: [Example],
        _ action: @escaping @Sendable (ChatManager, String, Invocation, Context) async throws -> MessageOperationResult
    ) -> Command {
        Command(
            name: name, summary: summary, discussion: discussion, arguments: [msgIdArgument] + arguments, options: options,
            examples: examples,
            run: { invocation, context in
                let manager = try context.loggedInClient(invocation).chatManager
                let result = try await action(manager, invocation.argument("msgid")!, invocation, context)
                return try context.print(result, shape: Shapes.messageOperation)
            })
    }
}
