import Dispatch
import IMCore

/// The entry point of the client library: login and session, the event stream, and the managers.
public final class ChatClient: Sendable {
    let core: ClientCore
    /// Messages, history and conversations.
    public let chatManager: ChatManager
    /// Contacts (not in this slice).
    public let contactManager = ContactManager()
    /// Groups (not in this slice).
    public let groupManager = GroupManager()
    /// Chat rooms (not in this slice).
    public let chatRoomManager = ChatRoomManager()
    /// Presence (not in this slice).
    public let presenceManager = PresenceManager()
    /// Threads (not in this slice).
    public let chatThreadManager = ChatThreadManager()
    /// Push (not in this slice).
    public let pushManager = PushManager()
    /// User info (not in this slice).
    public let userInfoManager = UserInfoManager()

    /// A client for one app and profile. Checks the app key's format (100) and contacts nobody.
    public convenience init(options: ChatOptions) throws(ChatError) {
        try self.init(options: options, transport: .curl())
    }

    /// A client over any transport (tests use a fake).
    init(options: ChatOptions, transport: Transport) throws(ChatError) {
        try Validation.appKey(options.appKey)
        core = ClientCore(options: options, transport: transport)
        chatManager = ChatManager(core: core)
    }

    /// The logged-in user, from the stored login.
    public var currentUserId: String? { storedLogin?.userId }

    /// True when a login is stored.
    public var isLoginBefore: Bool { storedLogin != nil }

    /// Does on the calling thread, now, work a request's answer will need: opens the local store and, given the
    /// message about to be sent, pays the first use of decoding the send's answer and of saving its message (in a
    /// transaction that is rolled back). A short-lived process calls it while the HTTP library loads
    /// (``preloadHTTPLibrary()``): that thread would wait then anyway, since no thread can start while a library
    /// loads. Calling it is never required, and it changes nothing.
    public func warmUp(sending message: Message? = nil) {
        core.openStore()
        if let message { chatManager.rehearseAnswer(to: message) }
    }

    /// Starts loading the HTTP library (libcurl and its dependencies, the costliest step of a short-lived process's
    /// first request) in the background, before any client exists. Calling it is never required.
    public static func preloadHTTPLibrary() {
        CurlGlobal.start()
    }

    /// True while the event channel is established.
    public var isConnected: Bool { core.isConnected }

    /// The stored login; nil when there is none or the file is refused (``ChatClient/logout()`` and
    /// authenticated calls report why).
    public var storedLogin: StoredLogin? { try? core.credentials.load() }

    /// The stored login, nil when there is none; throws (104) when the credentials file is refused or damaged.
    public func loadStoredLogin() throws(ChatError) -> StoredLogin? { try core.credentials.load() }

    /// Calls `handler` on connection changes; a handler with the same id replaces the previous one.
    public func addConnectionEventHandler(_ id: String, _ handler: @escaping @Sendable (ConnectionEvent) -> Void) {
        core.addConnectionHandler(id, handler)
    }

    /// Removes a connection handler.
    public func removeConnectionEventHandler(_ id: String) {
        core.removeConnectionHandler(id)
    }
}
