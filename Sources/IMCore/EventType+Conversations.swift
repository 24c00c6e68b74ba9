extension EventType {
    /// The caller's server conversation list changed on another of their devices (semantics §4.5).
    public static let conversationsUpdate = "onConversationsUpdate"
}
