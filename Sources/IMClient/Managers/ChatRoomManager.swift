/// The chat room manager; empty in this slice of the system.
public final class ChatRoomManager: Sendable {
    init() {}
}
