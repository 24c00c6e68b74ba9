import IMCore

/// The format and content rules of a one-to-one send (§3.2–§3.4), in the error precedence of §0.
enum MessageValidator {
    /// The most bytes body + attributes may take serialized.
    static let maxContentBytes = 5_120
    /// The deepest an attribute value (or `chatThread`) may nest. Far below the JSON parser's 512, so the message
    /// still parses wrapped in an event, a batch of events or a page of history.
    static let maxNesting = 32
    private static let reservedAttributes: Set<String> = ["im_at_list", "im_ignore_notification", "im_force_notification", "im_push_ext"]

    /// Checks format (110, 101, 105, 600, 700) and existence-class rules that need no storage (500 `from`, 606/705
    /// for chat types this slice has no targets for). Returns the message with `from`, `to` and `msgId` normalized,
    /// and the session a `<userId>/<resource>` address names (§1.3), if any.
    static func normalized(_ raw: Message, sender: String) throws(ChatError) -> (message: Message, toResource: String?) {
        var message = raw
        if message.msgId.isEmpty { message.msgId = MessageID.generate() } else { try Validation.msgId(message.msgId) }
        var toResource: String?
        let address = message.to.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        if address.count == 2 {
            guard !address[1].isEmpty else { throw ChatError(.invalidParam, "'\(message.to)' names no resource") }
            toResource = String(address[1])
        }
        // Every format error comes before the missing group or room (§0).
        let missingTarget: ChatError?
        switch message.chatType {
        case .chat:
            if message.isChatThreadMessage { throw ChatError(.invalidParam, "a thread message is a groupChat message (§4.2)") }
            message.to = try Validation.userId(String(address[0]))
            missingTarget = nil
        case .groupChat:
            try GroupErrors.checkGroupId(message.to)
            missingTarget = GroupErrors.missingGroup(message.to)
        case .chatRoom:
            if message.deliverOnlineOnly { throw ChatError(.invalidParam, "deliverOnlineOnly is not allowed in chat rooms") }
            try GroupErrors.checkRoomId(message.to)
            missingTarget = GroupErrors.missingRoom(message.to)
        }
        if toResource != nil, message.to != sender {
            throw ChatError(.invalidParam, "a <userId>/<resource> address must name one of the caller's own sessions")
        }
        try validateBody(message.body)
        try validateAttributes(message.attributes)
        if let thread = message.chatThread, thread.nestingDepth > maxNesting {
            throw ChatError(.invalidParam, "chatThread nests deeper than \(maxNesting) levels")
        }
        if !message.from.isEmpty, message.from.lowercased() != sender {
            throw ChatError(.messageInvalid, "from must be the caller")
        }
        message.from = sender
        if let missingTarget { throw missingTarget }
        return (message, toResource)
    }

    /// The content/limit error of a valid message, if any: 510 size, then 501 keyword filter.
    static func contentError(_ message: Message, settings: AppSettings) throws -> ChatError? {
        let size = try WireJSON.encode(message.body).count + WireJSON.encode(message.attributes).count
        if size > maxContentBytes {
            return ChatError(.messageSizeLimit, "body and attributes take \(size) bytes, more than \(maxContentBytes)")
        }
        let texts: [String]
        switch message.body {
        case .text(let text): texts = [text.content]
        case .custom(let custom): texts = [custom.event] + (custom.params.map { Array($0.values) } ?? [])
        default: texts = []
        }
        let lowered = texts.map { $0.lowercased() }
        if let hit = settings.keywordFilter.first(where: { word in !word.isEmpty && lowered.contains { $0.contains(word.lowercased()) } }) {
            return ChatError(.messageIncludeIllegalContent, "the message contains the filtered word '\(hit)'")
        }
        return nil
    }

    /// Format rules of a body (110).
    static func validateBody(_ body: MessageBody) throws(ChatError) {
        switch body {
        case .text(let text):
            if text.content.isEmpty { throw ChatError(.invalidParam, "text content must not be empty") }
        case .location(let location):
            guard (-90...90).contains(location.latitude), (-180...180).contains(location.longitude) else {
                throw ChatError(.invalidParam, "latitude must be in [-90, 90] and longitude in [-180, 180]")
            }
        case .custom(let custom):
            let eventOK =
                (1...32).contains(custom.event.utf8.count)
                && custom.event.utf8.allSatisfy { Validation.isMessageEventByte($0) }
            guard eventOK else { throw ChatError(.invalidParam, "custom event must match ^[A-Za-z0-9_./-]{1,32}$") }
            guard (custom.params?.count ?? 0) <= 16 else { throw ChatError(.invalidParam, "custom params take at most 16 entries") }
        case .cmd(let cmd):
            guard (1...128).contains(cmd.action.utf8.count) else { throw ChatError(.invalidParam, "cmd action must be 1 to 128 bytes") }
            if cmd.action.hasPrefix("im_") { throw ChatError(.invalidParam, "cmd actions starting im_ are reserved") }
        case .image(let file), .voice(let file), .video(let file), .file(let file):
            try validateFileBody(file)
        case .combine(let combine):
            guard (1...CombineBody.maxMessages).contains(combine.messageIdList.count) else {
                throw ChatError(.invalidParam, "a combined message carries 1 to \(CombineBody.maxMessages) messages")
            }
            for msgId in combine.messageIdList { try Validation.msgId(msgId) }
        }
    }

    /// §3.3 field formats of an attachment body; whether the upload exists is ``AttachmentResolver``'s check.
    private static func validateFileBody(_ file: FileBody) throws(ChatError) {
        guard (1...256).contains(file.displayName.utf8.count) else { throw ChatError(.invalidParam, "displayName must be 1 to 256 bytes") }
        let counts = [file.fileSize.map(Int.init), file.duration, file.width, file.height]
        guard counts.allSatisfy({ ($0 ?? 0) >= 0 }) else {
            throw ChatError(.invalidParam, "fileSize, duration, width and height must not be negative")
        }
    }

    /// Reserved attribute keys and their types, and the nesting of every value (110).
    static func validateAttributes(_ attributes: [String: JSONValue]) throws(ChatError) {
        if let (key, _) = attributes.first(where: { $0.value.nestingDepth > maxNesting }) {
            throw ChatError(.invalidParam, "attribute '\(key)' nests deeper than \(maxNesting) levels")
        }
        for (key, value) in attributes where key.hasPrefix("im_") {
            guard reservedAttributes.contains(key) else { throw ChatError(.invalidParam, "attribute key '\(key)' is reserved") }
            let typeOK: Bool
            switch (key, value) {
            case ("im_at_list", .string(let all)): typeOK = all == "all"
            case ("im_at_list", .array(let ids)): typeOK = ids.allSatisfy { $0.stringValue != nil }
            case ("im_ignore_notification", .bool), ("im_force_notification", .bool): typeOK = true
            case ("im_push_ext", .object): typeOK = true
            default: typeOK = false
            }
            guard typeOK else { throw ChatError(.invalidParam, "attribute '\(key)' has the wrong type") }
        }
    }
}

/// Group and room codes used before groups and rooms exist: a malformed ID (600/700, a format error, §0) before the
/// missing group or room (606/705).
enum GroupErrors {
    /// 600 unless `raw` is a well-formed group ID.
    static func checkGroupId(_ raw: String) throws(ChatError) {
        guard Validation.isGroupOrRoomId(raw) else { throw ChatError(.groupInvalidId, "group ID '\(raw)' is not 1 to 20 digits") }
    }

    /// 700 unless `raw` is a well-formed room ID.
    static func checkRoomId(_ raw: String) throws(ChatError) {
        guard Validation.isGroupOrRoomId(raw) else { throw ChatError(.chatRoomInvalidId, "chat room ID '\(raw)' is not 1 to 20 digits") }
    }

    /// The error for a group ID, as no group exists yet: 600 when malformed, else 606.
    static func missingGroup(_ raw: String) -> ChatError {
        do { try checkGroupId(raw) } catch { return error }
        return ChatError(.groupNotExist, "group '\(raw)' does not exist")
    }

    /// The error for a room ID, as no room exists yet: 700 when malformed, else 705.
    static func missingRoom(_ raw: String) -> ChatError {
        do { try checkRoomId(raw) } catch { return error }
        return ChatError(.chatRoomNotExist, "chat room '\(raw)' does not exist")
    }
}

extension Validation {
    /// A byte of a custom event name: `[A-Za-z0-9_./-]`.
    static func isMessageEventByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || [0x5F, 0x2E, 0x2F, 0x2D].contains(byte)
    }
}
