import IMCore

extension Message {
    /// The time the local store orders by: `serverTime`, or `localTime` for a message the server never saw.
    var sortTime: Int64 { serverTime != 0 ? serverTime : localTime }

    /// The text the local full-text index holds: a text body's content or an attachment's file name.
    var searchText: String {
        switch body {
        case .text(let text): text.content
        case .image(let file), .voice(let file), .video(let file), .file(let file): file.displayName
        case .combine(let combined): combined.title ?? combined.compatibleText ?? ""
        case .location, .custom, .cmd: ""
        }
    }
}
