import IMClient
import IMCore

/// The local-store conversation a `conv` command names.
enum LocalConversationTarget {
    /// The conversation argument of the local `conv` commands.
    static let argument = Argument("conv", help: "Conversation: USER, user:ID, group:ID or room:ID.", completion: .dynamic("conversations"))

    /// The stored conversation named by the `conv` argument; exit 3 when the local store has none.
    static func resolve(_ invocation: Invocation, _ context: Context) throws -> Conversation {
        let target = try Target(invocation.argument("conv")!)
        let manager = try context.loggedInClient(invocation).chatManager
        guard let conversation = try manager.getConversation(target.id, type: target.type, createIfNeeded: false) else {
            throw CLIError(code: .messageInvalid, message: "no conversation '\(target.id)' in the local store",
                hint: "'imctl conv list' shows the local conversations.", exitCode: ExitCode.notFound)
        }
        return conversation
    }
}

/// What `conv show` prints: the conversation and its number of local messages.
struct LocalConversationDetails: Encodable {
    var conversation: LocalConversation
    var localMessageCount: Int

    private enum CodingKeys: String, CodingKey { case localMessageCount }

    func encode(to encoder: any Encoder) throws {
        try conversation.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(localMessageCount, forKey: .localMessageCount)
    }
}
