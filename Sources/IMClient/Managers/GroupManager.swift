/// The group manager; empty in this slice of the system.
public final class GroupManager: Sendable {
    init() {}
}
