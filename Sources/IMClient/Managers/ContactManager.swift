/// The contact manager; empty in this slice of the system.
public final class ContactManager: Sendable {
    init() {}
}
