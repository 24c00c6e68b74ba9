/// The user info manager; empty in this slice of the system.
public final class UserInfoManager: Sendable {
    init() {}
}
