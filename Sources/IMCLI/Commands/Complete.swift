import IMClient
import IMCore
extension Command {
    /// `imctl __complete KEY [WORDS…]` (hidden): candidate words for dynamic completion, one per line.
    static let complete = Command(
        name: "__complete",
        summary: "Print completion candidates for a key.",
        arguments: [
            Argument("key", help: "users, conversations or profiles."),
            Argument("words", help: "The words typed so far.", isOptional: true, isVariadic: true),
        ],
        isHidden: true,
        isOffline: true,
        run: { invocation, context in
            for word in (try? candidates(invocation.argument("key")!, invocation, context)) ?? [] {
                try context.io.stdout.write(word + "\n")
            }
            return ExitCode.success
        }
    )

    /// Answers from the config and the local store; nothing when there is no store yet.
    private static func candidates(_ key: String, _ invocation: Invocation, _ context: Context) throws -> [String] {
        let settings = try context.settings(invocation)
        if key == "profiles" {
            return try ConfigFile.load(settings.paths.configFile).profiles.keys.sorted()
        }
        guard Completion.dynamicKeys.contains(key), settings.app != nil,
            SecureFile.exists(settings.paths.profileData(settings.profile) + "/store.sqlite")
        else { return [] }
        let conversations = try context.chatClient(invocation).chatManager.loadAllConversations()
        let ids = conversations.filter { key == "conversations" || $0.type == .chat }.map(\.conversationId)
        return Array(Set(ids)).sorted()
    }
}
