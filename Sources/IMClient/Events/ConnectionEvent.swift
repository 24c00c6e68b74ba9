import IMCore

/// A change of the client's connection, for ``ChatClient/addConnectionEventHandler(_:_:)``.
public enum ConnectionEvent: Sendable, Equatable {
    /// The event channel is established.
    case connected
    /// The event channel is lost (nil error: it was closed by the client).
    case disconnected(ChatError?)
    /// The token passed 80 % of its lifetime (`onTokenWillExpire`, 109).
    case tokenWillExpire
    /// The token expired (`onTokenDidExpire`, 108); the session is over.
    case tokenDidExpire
    /// The session ended by a forced logout (semantics §1.4); the stored login was cleared.
    case loggedOut(Event)
}
