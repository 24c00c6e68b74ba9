/// The presence manager; empty in this slice of the system.
public final class PresenceManager: Sendable {
    init() {}
}
