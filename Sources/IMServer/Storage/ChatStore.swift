import IMCore

/// The server's storage: every state change and its events commit in one transaction. SQLite
/// (``SQLiteChatStore``) is the implementation today; a PostgreSQL one can follow behind the same protocol.
///
/// Domain failures are thrown as `ChatError`; anything else is a storage failure (303).
protocol ChatStore: Sendable, MessageOperationsStore, FileRecordStore {
    // Apps
    func createApp(_ info: AppInfo) async throws -> AppRecord
    func apps() async throws -> [AppRecord]
    func deleteApp(_ app: Int64) async throws
    func updateSettings(_ app: Int64, _ settings: AppSettings) async throws
    // Users and tokens
    func user(_ key: UserKey) async throws -> StoredUser?
    func createUser(_ app: Int64, _ user: StoredUser) async throws -> UserRecord
    func users(_ app: Int64) async throws -> [UserRecord]
    func token(_ hash: String) async throws -> TokenRecord?
    /// A token and a session in one read (every user call needs both).
    func credentials(tokenHash: String, resource: String?) async throws -> (token: TokenRecord?, session: SessionRecord?)
    func insertToken(_ token: TokenRecord) async throws
    func setPassword(_ key: UserKey, hash: String, now: Int64) async throws -> AdminActionResult
    func deleteUser(_ key: UserKey, now: Int64) async throws -> AdminActionResult
    func setActive(_ key: UserKey, active: Bool, now: Int64) async throws -> AdminActionResult
    func revokeTokens(_ key: UserKey, now: Int64) async throws -> AdminActionResult
    func forceLogout(_ key: UserKey, now: Int64) async throws -> AdminActionResult
    // Sessions
    func session(_ resource: String) async throws -> SessionRecord?
    func sessions(of user: UserKey) async throws -> [SessionRecord]
    func login(_ plan: LoginPlan) async throws -> Int64
    func logout(_ resource: String) async throws
    func renew(_ resource: String, tokenHash: String) async throws
    func kick(_ user: UserKey, resources: [String]?, now: Int64) async throws -> [String]
    func sessionEvent(_ resource: String, type: String, code: ErrorCode, endsSession: Bool, now: Int64) async throws
    // Events
    func currentCursor() async throws -> Int64
    func readEvents(_ resource: String, after cursor: Int64?, limit: Int) async throws -> EventRead?
    func acknowledge(_ session: SessionRecord, cursor: Int64, delivered msgIds: [String], endsSession: Bool, now: Int64) async throws
    // Messages
    func send(_ plan: SendPlan) async throws -> SendResult
    /// Whether `msgId` is taken in the app (stored, recalled or sent online only): a send with it replays or conflicts.
    func isMessageIdUsed(_ msgId: String, app: Int64) async throws -> Bool
    func history(_ query: HistoryQuery) async throws -> CursorResult<Message>
    func conversations(_ query: ConversationQuery) async throws -> ConversationPage
    // Conversation list (§4.5)
    func pinConversation(_ ref: ConversationRef, isPinned: Bool, now: Int64) async throws -> ConversationsUpdate
    func markConversations(_ refs: [ConversationRef], mark: Int, add: Bool, now: Int64) async throws -> ConversationsUpdate
    func deleteConversation(_ ref: ConversationRef, deleteMessages: Bool, now: Int64) async throws -> ConversationsUpdate
    func removeMessages(_ ref: ConversationRef, msgIds: [String]?, beforeTs: Int64?, now: Int64) async throws -> ConversationsUpdate
    /// One message as the calling participant sees it; unknown, expired or not visible to the caller → 500.
    func message(_ call: UserCall, msgId: String, now: Int64) async throws -> Message
    /// Closes the store after the queued work.
    func close()
}
