/// Chat type of a message or conversation (semantics §3.1).
public enum ChatType: String, Sendable, Hashable, Codable, CaseIterable {
    case chat
    case groupChat
    case chatRoom
}

/// Direction of a message relative to the viewer.
public enum MessageDirection: String, Sendable, Hashable, Codable {
    case send
    case receive
}

/// Direction of a history fetch or search: `up` is newest to oldest, `down` oldest to newest.
public enum FetchDirection: String, Sendable, Hashable, Codable, CaseIterable {
    case up
    case down
}

/// Client-local send or receive status of a message.
public enum MessageStatus: String, Sendable, Hashable, Codable {
    case created
    case inProgress
    case success
    case fail
}

/// Type of a message body.
public enum BodyType: String, Sendable, Hashable, Codable, CaseIterable {
    case text, image, voice, video, file, location, custom, cmd, combine
}
