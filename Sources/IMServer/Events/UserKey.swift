/// A user within an app: the unit the event log and the hub are keyed by.
struct UserKey: Hashable, Sendable {
    /// The app's row id.
    var app: Int64
    /// The lower-cased user ID.
    var userId: String
}
