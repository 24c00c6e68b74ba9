/// The thread manager; empty in this slice of the system.
public final class ChatThreadManager: Sendable {
    init() {}
}
