/// The push manager; empty in this slice of the system.
public final class PushManager: Sendable {
    init() {}
}
