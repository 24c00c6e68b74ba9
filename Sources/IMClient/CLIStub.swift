// Stub of the IMClient API of brief/client-api.md so IMCLI compiles before the real library is merged.
// Deleted at merge time; every body traps.
import IMCore

/// Options for a client (client.method.init).
public struct ChatOptions: Sendable {
    public var appKey: String
    public var serverURL: String
    public var dataDirectory: String
    public var credentialsPath: String
    public var deviceUUID: String?
    public var platform: String = "linux"
    public var deviceName: String? = nil
    public var requestTimeout: Duration = .seconds(30)
    public var maxAttempts: Int = 3
    public var maxRateWait: Duration = .seconds(30)
    public var debugHTTP: (@Sendable (String) -> Void)? = nil
    /// Creates options.
    public init(appKey: String, serverURL: String, dataDirectory: String, credentialsPath: String) {
        self.appKey = appKey
        self.serverURL = serverURL
        self.dataDirectory = dataDirectory
        self.credentialsPath = credentialsPath
    }
}

/// The stored login (what credentialsPath holds).
public struct StoredLogin: Sendable, Codable, Hashable {
    public var userId: String
    public var token: String
    public var resource: String
    public var expiresAt: Int64
    public var serverURL: String
    public var appKey: String
}

/// Stub client.
public final class ChatClient: Sendable {
    /// Stub.
    public init(options: ChatOptions) throws(ChatError) { fatalError("stub") }
    /// Stub.
    public func loginWithPassword(userId: String, password: String, loginExtension: String? = nil) async throws(ChatError)
        -> LoginResponse { fatalError("stub") }
    /// Stub.
    public func loginWithToken(userId: String, token: String, loginExtension: String? = nil) async throws(ChatError)
        -> LoginResponse { fatalError("stub") }
    /// Stub.
    public func createAccount(userId: String, password: String) async throws(ChatError) -> UserRecord { fatalError("stub") }
    /// Stub.
    public func renewToken(_ newToken: String) async throws(ChatError) -> TokenInfo { fatalError("stub") }
    /// Stub.
    public func logout() async throws(ChatError) { fatalError("stub") }
    /// Stub.
    public var currentUserId: String? { fatalError("stub") }
    /// Stub.
    public var isLoginBefore: Bool { fatalError("stub") }
    /// Stub.
    public var isConnected: Bool { fatalError("stub") }
    /// Stub.
    public var storedLogin: StoredLogin? { fatalError("stub") }
    /// Stub.
    public func addConnectionEventHandler(_ id: String, _ handler: @escaping @Sendable (ConnectionEvent) -> Void) {
        fatalError("stub")
    }
    /// Stub.
    public func removeConnectionEventHandler(_ id: String) { fatalError("stub") }
    /// Stub.
    public func fetchLoggedInDevices(userId: String, password: String?, token: String?) async throws(ChatError)
        -> [DeviceInfo] { fatalError("stub") }
    /// Stub.
    public func kickDevice(userId: String, password: String?, token: String?, resource: String) async throws(ChatError)
        -> KickResult { fatalError("stub") }
    /// Stub.
    public func kickAllDevices(userId: String, password: String?, token: String?) async throws(ChatError) -> KickResult {
        fatalError("stub")
    }
    /// Stub.
    public func eventCursor() async throws(ChatError) -> String { fatalError("stub") }
    /// Stub.
    public func events(since: String?) -> AsyncThrowingStream<EventDelivery, any Error> { fatalError("stub") }
    /// Stub.
    public var chatManager: ChatManager { fatalError("stub") }
    /// Stub.
    public var contactManager: ContactManager { fatalError("stub") }
    /// Stub.
    public var groupManager: GroupManager { fatalError("stub") }
    /// Stub.
    public var chatRoomManager: ChatRoomManager { fatalError("stub") }
    /// Stub.
    public var presenceManager: PresenceManager { fatalError("stub") }
    /// Stub.
    public var chatThreadManager: ChatThreadManager { fatalError("stub") }
    /// Stub.
    public var pushManager: PushManager { fatalError("stub") }
    /// Stub.
    public var userInfoManager: UserInfoManager { fatalError("stub") }
}

/// Stub.
public final class ContactManager: Sendable {}
/// Stub.
public final class GroupManager: Sendable {}
/// Stub.
public final class ChatRoomManager: Sendable {}
/// Stub.
public final class PresenceManager: Sendable {}
/// Stub.
public final class ChatThreadManager: Sendable {}
/// Stub.
public final class PushManager: Sendable {}
/// Stub.
public final class UserInfoManager: Sendable {}

/// Connection state changes.
public enum ConnectionEvent: Sendable, Equatable {
    case connected, disconnected(ChatError?), tokenWillExpire, tokenDidExpire, loggedOut(Event)
}

/// One event of the stream with its resume cursor.
public struct EventDelivery: Sendable {
    public var event: Event
    public var cursor: String
    public var gap: Bool
    /// A delivery of `event`, resumable at `cursor` (the real library declares the same initializer).
    public init(event: Event, cursor: String, gap: Bool = false) {
        self.event = event
        self.cursor = cursor
        self.gap = gap
    }
}

/// Stub chat manager.
public final class ChatManager: Sendable {
    /// Stub.
    public func sendMessage(_ message: Message) async throws(ChatError) -> SendMessageResponse { fatalError("stub") }
    /// Stub.
    public func fetchHistoryMessagesByOption(
        conversationId: String, type: ChatType, options: FetchMessageOptions, cursor: String?, pageSize: Int
    ) async throws(ChatError) -> CursorResult<Message> { fatalError("stub") }
    /// Stub.
    public func fetchConversationsByOptions(_ options: ConversationFetchOptions, cursor: String?, pageSize: Int)
        async throws(ChatError) -> CursorResult<ServerConversation> { fatalError("stub") }
    /// Stub.
    public func loadAllConversations() throws(ChatError) -> [LocalConversation] { fatalError("stub") }
    /// Stub.
    public func getConversation(_ conversationId: String, type: ChatType, createIfNeeded: Bool) throws(ChatError)
        -> LocalConversation? { fatalError("stub") }
    /// Stub.
    public func addEventHandler(_ id: String, _ handler: @escaping @Sendable (Event) -> Void) { fatalError("stub") }
    /// Stub.
    public func removeEventHandler(_ id: String) { fatalError("stub") }
}

/// A conversation in the local store.
public struct LocalConversation: Sendable, Codable, Hashable {
    public var id: String
    public var conversationId: String
    public var type: ChatType
    public var unreadCount: Int
    public var isChatThread: Bool
    public var ext: [String: String]
    public var latestMessage: Message?
    public var lastReceivedMessage: Message?
}

/// Stub operator client.
public final class AdminClient: Sendable {
    /// Stub.
    public init(serverURL: String, credentials: OperatorCredentials, appKey: String?, requestTimeout: Duration = .seconds(30)) {}
    /// Stub.
    public func createApp(_ appKey: String) async throws(ChatError) -> AppInfo { fatalError("stub") }
    /// Stub.
    public func listApps() async throws(ChatError) -> [AppInfo] { fatalError("stub") }
    /// Stub.
    public func deleteApp() async throws(ChatError) { fatalError("stub") }
    /// Stub.
    public func settings() async throws(ChatError) -> AppSettings { fatalError("stub") }
    /// Stub.
    public func updateSettings(_ patch: [String: JSONValue]) async throws(ChatError) -> AppSettings { fatalError("stub") }
    /// Stub.
    public func createUser(userId: String, password: String?) async throws(ChatError) -> UserRecord { fatalError("stub") }
    /// Stub.
    public func listUsers() async throws(ChatError) -> [UserRecord] { fatalError("stub") }
    /// Stub.
    public func deleteUser(_ userId: String) async throws(ChatError) -> AdminActionResult { fatalError("stub") }
    /// Stub.
    public func setPassword(_ userId: String, password: String) async throws(ChatError) -> AdminActionResult {
        fatalError("stub")
    }
    /// Stub.
    public func deactivate(_ userId: String) async throws(ChatError) -> AdminActionResult { fatalError("stub") }
    /// Stub.
    public func reactivate(_ userId: String) async throws(ChatError) -> AdminActionResult { fatalError("stub") }
    /// Stub.
    public func issueToken(_ userId: String, ttl: Int64?) async throws(ChatError) -> TokenInfo { fatalError("stub") }
    /// Stub.
    public func revokeTokens(_ userId: String) async throws(ChatError) -> AdminActionResult { fatalError("stub") }
    /// Stub.
    public func forceLogout(_ userId: String) async throws(ChatError) -> AdminActionResult { fatalError("stub") }
}
