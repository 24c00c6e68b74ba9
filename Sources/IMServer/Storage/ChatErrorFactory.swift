import IMCore

/// Errors the server raises in several places, worded once.
enum ChatErrorFactory {
    static func userNotFound(_ userId: String) -> ChatError {
        ChatError(.userNotFound, "user '\(userId)' does not exist")
    }

    static let notLoggedIn = ChatError(.userNotLogin, "no session, or the session has ended")
    static let badCredentials = ChatError(.userAuthenticationFailed, "wrong user ID, password or token")
    static let invalidToken = ChatError(.invalidToken, "the token is unknown, malformed or revoked")
    static let tokenExpired = ChatError(.tokenExpired, "the token has expired")
}
