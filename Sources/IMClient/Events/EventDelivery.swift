import IMCore

/// One element of ``ChatClient/events(since:)``: an event, the cursor to resume after it, and whether events
/// before it were lost.
public struct EventDelivery: Sendable, Hashable {
    /// The event (IMCore `Event`: type, seq, time, payload). Client-side events have no `seq`.
    public var event: Event
    /// The cursor to resume after this event (`--since`).
    public var cursor: String
    /// True when the requested cursor fell out of retention: events before this one were lost.
    public var gap: Bool

    /// A delivery of `event`, resumable at `cursor`.
    public init(event: Event, cursor: String, gap: Bool = false) {
        self.event = event
        self.cursor = cursor
        self.gap = gap
    }
}

extension EventBatch {
    /// The cursor from which this whole batch can be read again: the request's cursor, or (when the server chose the
    /// position) just before the first logged event. Markers such as `onOfflineMessageSyncStart` have no `seq`.
    func cursorBefore(requested: String?) -> String {
        requested ?? events.lazy.compactMap(\.seq).first.map { String($0 - 1) } ?? cursor
    }
}
