import IMCore

extension ChatClient {
    /// The user's sessions; needs no session, only the password or a token (202 when wrong).
    public func fetchLoggedInDevices(userId: String, password: String?, token: String?) async throws(ChatError) -> [DeviceInfo] {
        let credentials = try deviceCredentials(userId: userId, password: password, token: token)
        return try await core.api(authenticated: false).call(.listDevices, [DeviceInfo].self, body: credentials, idempotent: true)
    }

    /// Ends one session of the user (`onUserKickedByOtherDevice` there); unknown resource → 110.
    public func kickDevice(userId: String, password: String?, token: String?, resource: String) async throws(ChatError) -> KickResult {
        var credentials = try deviceCredentials(userId: userId, password: password, token: token)
        credentials.resource = resource
        return try await core.api(authenticated: false).call(.kickDevices, KickResult.self, body: credentials)
    }

    /// Ends every session of the user.
    public func kickAllDevices(userId: String, password: String?, token: String?) async throws(ChatError) -> KickResult {
        var credentials = try deviceCredentials(userId: userId, password: password, token: token)
        credentials.all = true
        return try await core.api(authenticated: false).call(.kickDevices, KickResult.self, body: credentials)
    }

    private func deviceCredentials(userId: String, password: String?, token: String?) throws(ChatError) -> DeviceCredentials {
        guard password != nil || token != nil else { throw ChatError(.invalidParam, "a password or a token is required") }
        return DeviceCredentials(userId: try Validation.userId(userId), password: password, token: token)
    }
}
