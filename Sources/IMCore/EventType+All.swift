extension EventType {
    /// Every event name this slice of the system delivers, server-side and client-side (`docs/events.md`).
    public static let all: [String] = [
        messagesReceived, cmdMessagesReceived, messagesDelivered, messagesRead, conversationRead, messagesRecalledInfo,
        messageContentChanged, messageReactionDidChange, messagePinChanged, conversationsUpdate,
        offlineSyncStart, offlineSyncFinish, connected, disconnected,
        tokenWillExpire, tokenDidExpire, userAuthenticationFailed, userDidChangePassword, userDidLoginFromOtherDevice,
        userDidLoginTooManyDevice, userDidRemoveFromServer, userKickedByOtherDevice,
    ]
}
