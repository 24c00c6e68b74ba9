import IMCore
import IMClient

/// Conditions on events (`--type`, `--from`, `--in`, `--match`), ANDed unless `any` is set.
struct EventFilter {
    var types: Set<String> = []
    var from: String?
    var conversation: Target?
    var match: Regex<AnyRegexOutput>?
    var any = false
    /// Skip events without a `seq` (client-side and marker events) unless `--type` names them.
    var serverEventsOnly = false

    /// Builds the filter from the common options.
    init(_ invocation: Invocation, serverEventsOnly: Bool = false) throws {
        types = Set(invocation.values("type", splitCommas: true))
        if types.isEmpty, let given = invocation.values("type").first {
            throw UsageError.invalidValue(option: "--type", value: given, reason: "names no event type")
        }
        if let unknown = types.first(where: { !EventType.all.contains($0) }) {
            let guess = Suggestion.closest(to: unknown, among: EventType.all).map { "; did you mean '\($0)'?" } ?? ""
            throw UsageError.invalidValue(option: "--type", value: unknown, reason: "not an event type\(guess) (see docs/events.md)")
        }
        from = try invocation.value("from").map { user throws(UsageError) in
            guard let id = try? Validation.userId(user) else {
                throw .invalidValue(option: "--from", value: user, reason: "not a user ID")
            }
            return id
        }
        conversation = try invocation.value("in").map { word throws(UsageError) in try Target(word) }
        if let pattern = invocation.value("match") {
            do {
                match = try Regex(pattern)
            } catch {
                throw UsageError.invalidValue(option: "--match", value: pattern, reason: "not a regular expression")
            }
        }
        any = invocation.flag("any")
        self.serverEventsOnly = serverEventsOnly
    }

    /// True when the event passes.
    func accepts(_ event: Event) -> Bool {
        if serverEventsOnly && event.seq == nil && !types.contains(event.type) { return false }
        let messages = event.carriedMessages()
        var checks: [Bool] = []
        if !types.isEmpty { checks.append(types.contains(event.type)) }
        if let from { checks.append(messages.contains { $0.from == from }) }
        if let conversation { checks.append(event.conversationIds.contains { conversation.matches($0) }) }
        if let match { checks.append(messages.contains { ($0.body.text ?? "").contains(match) }) }
        if checks.isEmpty { return true }
        return any ? checks.contains(true) : !checks.contains(false)
    }
}
