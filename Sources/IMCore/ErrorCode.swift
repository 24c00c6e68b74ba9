/// The system's error codes (`ChatError.code`), with their names and HTTP statuses (semantics §2).
public struct ErrorCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { "\(rawValue) \(name)" }

    /// The upper-case name of the code, `UNKNOWN_ERROR` for a number this build does not know.
    public var name: String { Self.names[rawValue] ?? "UNKNOWN_ERROR" }

    /// The HTTP status the server answers with for this code.
    public var httpStatus: Int {
        switch rawValue {
        case 100, 101, 102, 105, 110: 400
        case 104, 108, 201, 202, 206, 207, 216, 217: 401
        case 204, 400, 500, 605, 606, 705, 1400: 404
        case 203, 601, 701, 1301, 1401: 409
        case 405, 510: 413
        case 502, 509: 429
        case 1, 303: 500
        case 302: 503
        default: 403
        }
    }

    /// Whether the client library raises this code itself, without an HTTP answer (semantics §2, "client").
    public var isClientSide: Bool {
        switch rawValue {
        case 2, 3, 200, 218, 300, 301, 350...353, 1500: true
        default: false
        }
    }

    /// Whether retrying the same request later may succeed.
    public var isRetryable: Bool {
        switch rawValue {
        case 2, 300, 301, 302, 350, 351, 352, 353, 502, 509: true
        default: false
        }
    }

    public static let generalError = ErrorCode(rawValue: 1)
    public static let networkError = ErrorCode(rawValue: 2)
    public static let databaseError = ErrorCode(rawValue: 3)
    public static let exceedServiceLimit = ErrorCode(rawValue: 4)
    public static let invalidAppKey = ErrorCode(rawValue: 100)
    public static let invalidUserName = ErrorCode(rawValue: 101)
    public static let invalidPassword = ErrorCode(rawValue: 102)
    public static let invalidToken = ErrorCode(rawValue: 104)
    public static let userNameTooLong = ErrorCode(rawValue: 105)
    public static let tokenExpired = ErrorCode(rawValue: 108)
    public static let tokenWillExpire = ErrorCode(rawValue: 109)
    public static let invalidParam = ErrorCode(rawValue: 110)
    public static let userAlreadyLogin = ErrorCode(rawValue: 200)
    public static let userNotLogin = ErrorCode(rawValue: 201)
    public static let userAuthenticationFailed = ErrorCode(rawValue: 202)
    public static let userAlreadyExist = ErrorCode(rawValue: 203)
    public static let userNotFound = ErrorCode(rawValue: 204)
    public static let userIllegalArgument = ErrorCode(rawValue: 205)
    public static let userLoginAnotherDevice = ErrorCode(rawValue: 206)
    public static let userRemoved = ErrorCode(rawValue: 207)
    public static let userRegFailed = ErrorCode(rawValue: 208)
    public static let userPermissionDenied = ErrorCode(rawValue: 210)
    public static let userLoginTooManyDevices = ErrorCode(rawValue: 214)
    public static let userKickedByChangePassword = ErrorCode(rawValue: 216)
    public static let userKickedByOtherDevice = ErrorCode(rawValue: 217)
    public static let userAlreadyLoginAnother = ErrorCode(rawValue: 218)
    public static let userMutedByAdmin = ErrorCode(rawValue: 219)
    public static let userNotOnRoster = ErrorCode(rawValue: 221)
    public static let serverNotReachable = ErrorCode(rawValue: 300)
    public static let serverTimeout = ErrorCode(rawValue: 301)
    public static let serverBusy = ErrorCode(rawValue: 302)
    public static let serverUnknownError = ErrorCode(rawValue: 303)
    public static let serverServiceRestricted = ErrorCode(rawValue: 305)
    public static let connectionTimeout = ErrorCode(rawValue: 350)
    public static let connectionDNSError = ErrorCode(rawValue: 351)
    public static let connectionIOError = ErrorCode(rawValue: 352)
    public static let connectionStreamClosed = ErrorCode(rawValue: 353)
    public static let fileNotFound = ErrorCode(rawValue: 400)
    public static let fileInvalid = ErrorCode(rawValue: 401)
    public static let fileUploadFailed = ErrorCode(rawValue: 402)
    public static let fileDownloadFailed = ErrorCode(rawValue: 403)
    public static let fileTooLarge = ErrorCode(rawValue: 405)
    public static let fileIsExpired = ErrorCode(rawValue: 407)
    public static let messageInvalid = ErrorCode(rawValue: 500)
    public static let messageIncludeIllegalContent = ErrorCode(rawValue: 501)
    public static let messageExternalLogicBlocked = ErrorCode(rawValue: 508)
    public static let messageSendTrafficLimit = ErrorCode(rawValue: 502)
    public static let messageRecallTimeLimit = ErrorCode(rawValue: 504)
    public static let messageSizeLimit = ErrorCode(rawValue: 510)
    public static let messageEditFailed = ErrorCode(rawValue: 511)
    public static let groupInvalidId = ErrorCode(rawValue: 600)
    public static let groupNotExist = ErrorCode(rawValue: 606)
    public static let chatRoomInvalidId = ErrorCode(rawValue: 700)
    public static let chatRoomNotExist = ErrorCode(rawValue: 705)
    public static let reactionReachLimit = ErrorCode(rawValue: 1300)
    public static let reactionHasBeenOperated = ErrorCode(rawValue: 1301)
    public static let reactionOperationIsIllegal = ErrorCode(rawValue: 1302)
    public static let translateParamInvalid = ErrorCode(rawValue: 1110)
    public static let translateServiceNotEnabled = ErrorCode(rawValue: 1111)
    public static let translateUsageLimit = ErrorCode(rawValue: 1112)
    public static let translateMessageFail = ErrorCode(rawValue: 1113)

    static let names: [Int: String] = [
        0: "EM_NO_ERROR", 1: "GENERAL_ERROR", 2: "NETWORK_ERROR", 3: "DATABASE_ERROR", 4: "EXCEED_SERVICE_LIMIT",
        100: "INVALID_APP_KEY", 101: "INVALID_USER_NAME", 102: "INVALID_PASSWORD", 104: "INVALID_TOKEN",
        105: "USER_NAME_TOO_LONG", 108: "TOKEN_EXPIRED", 109: "TOKEN_WILL_EXPIRE", 110: "INVALID_PARAM",
        200: "USER_ALREADY_LOGIN", 201: "USER_NOT_LOGIN", 202: "USER_AUTHENTICATION_FAILED",
        203: "USER_ALREADY_EXIST", 204: "USER_NOT_FOUND", 205: "USER_ILLEGAL_ARGUMENT",
        206: "USER_LOGIN_ANOTHER_DEVICE", 207: "USER_REMOVED", 208: "USER_REG_FAILED",
        209: "USER_UPDATEINFO_FAILED", 210: "USER_PERMISSION_DENIED", 214: "USER_LOGIN_TOO_MANY_DEVICES",
        215: "USER_MUTED", 216: "USER_KICKED_BY_CHANGE_PASSWORD", 217: "USER_KICKED_BY_OTHER_DEVICE",
        218: "USER_ALREADY_LOGIN_ANOTHER", 219: "USER_MUTED_BY_ADMIN", 221: "USER_NOT_ON_ROSTER",
        300: "SERVER_NOT_REACHABLE", 301: "SERVER_TIMEOUT", 302: "SERVER_BUSY", 303: "SERVER_UNKNOWN_ERROR",
        305: "SERVER_SERVICE_RESTRICTED", 350: "CONNECTION_TIMEOUT", 351: "CONNECTION_DNS_ERROR",
        352: "CONNECTION_IO_ERROR", 353: "CONNECTION_STREAM_CLOSED",
        400: "FILE_NOT_FOUND", 401: "FILE_INVALID", 402: "FILE_UPLOAD_FAILED", 403: "FILE_DOWNLOAD_FAILED",
        404: "FILE_DELETE_FAILED", 405: "FILE_TOO_LARGE", 407: "FILE_IS_EXPIRED",
        500: "MESSAGE_INVALID", 501: "MESSAGE_INCLUDE_ILLEGAL_CONTENT", 502: "MESSAGE_SEND_TRAFFIC_LIMIT",
        504: "MESSAGE_RECALL_TIME_LIMIT", 505: "SERVICE_NOT_ENABLED", 506: "MESSAGE_EXPIRED",
        507: "MESSAGE_ILLEGAL_WHITELIST", 508: "MESSAGE_EXTERNAL_LOGIC_BLOCKED", 509: "MESSAGE_CURRENT_LIMITING",
        510: "MESSAGE_SIZE_LIMIT", 511: "MESSAGE_EDIT_FAILED",
        600: "GROUP_INVALID_ID", 601: "GROUP_ALREADY_JOINED", 602: "GROUP_NOT_JOINED",
        603: "GROUP_PERMISSION_DENIED", 604: "GROUP_MEMBERS_FULL", 605: "GROUP_SHARED_FILE_INVALIDID",
        606: "GROUP_NOT_EXIST", 607: "GROUP_DISABLED", 608: "GROUP_NAME_VIOLATION", 613: "GROUP_USER_IN_BLOCKLIST",
        700: "CHATROOM_INVALID_ID", 701: "CHATROOM_ALREADY_JOINED", 702: "CHATROOM_NOT_JOINED",
        703: "CHATROOM_PERMISSION_DENIED", 704: "CHATROOM_MEMBERS_FULL", 705: "CHATROOM_NOT_EXIST",
        706: "CHATROOM_OWNER_NOT_ALLOW_LEAVE", 707: "CHATROOM_USER_IN_BLOCKLIST",
        900: "USERINFO_USERCOUNT_EXCEED", 901: "USERINFO_DATALENGTH_EXCEED",
        1000: "CONTACT_ADD_FAILED", 1001: "CONTACT_REACH_LIMIT", 1002: "CONTACT_REACH_LIMIT_PEER",
        1100: "PRESENCE_PARAM_LENGTH_EXCEED", 1101: "PRESENCE_CANNOT_SUBSCRIBE_YOURSELF",
        1110: "TRANSLATE_PARAM_INVALID", 1111: "TRANSLATE_SERVICE_NOT_ENABLE", 1112: "TRANSLATE_USAGE_LIMIT",
        1113: "TRANSLATE_MESSAGE_FAIL", 1300: "REACTION_REACH_LIMIT", 1301: "REACTION_HAS_BEEN_OPERATED",
        1302: "REACTION_OPERATION_IS_ILLEGAL", 1400: "THREAD_NOT_EXIST", 1401: "THREAD_ALREADY_EXIST",
        1402: "THREAD_CREATE_MESSAGE_ILLEGAL", 1500: "PUSH_NOT_SUPPORT", 1501: "PUSH_BIND_FAILED",
    ]
}
