/// The edit record every stored body carries once edited (semantics §3.3, §4.4): set by the server.
public struct MessageEditInfo: Sendable, Hashable {
    /// Edits so far, 0 before the first.
    public var modifyCount: Int
    public var lastModifyOperatorId: String?
    public var lastModifyTime: Int64?

    public init(modifyCount: Int = 0, lastModifyOperatorId: String? = nil, lastModifyTime: Int64? = nil) {
        self.modifyCount = modifyCount
        self.lastModifyOperatorId = lastModifyOperatorId
        self.lastModifyTime = lastModifyTime
    }
}

/// A body type with the three edit fields (absent from the JSON until the first edit).
protocol EditRecordingBody {
    var modifyCount: Int? { get set }
    var lastModifyOperatorId: String? { get set }
    var lastModifyTime: Int64? { get set }
}

extension EditRecordingBody {
    var editInfo: MessageEditInfo {
        get { MessageEditInfo(modifyCount: modifyCount ?? 0, lastModifyOperatorId: lastModifyOperatorId, lastModifyTime: lastModifyTime) }
        set {
            modifyCount = newValue.modifyCount == 0 ? nil : newValue.modifyCount
            lastModifyOperatorId = newValue.lastModifyOperatorId
            lastModifyTime = newValue.lastModifyTime
        }
    }
}

extension TextBody: EditRecordingBody {}
extension FileBody: EditRecordingBody {}
extension LocationBody: EditRecordingBody {}
extension CustomBody: EditRecordingBody {}
extension CombineBody: EditRecordingBody {}

extension MessageBody {
    /// The body's edit record; `cmd` bodies are never stored, so never edited.
    public var editInfo: MessageEditInfo {
        get {
            switch self {
            case .text(let body): body.editInfo
            case .image(let body), .voice(let body), .video(let body), .file(let body): body.editInfo
            case .location(let body): body.editInfo
            case .custom(let body): body.editInfo
            case .combine(let body): body.editInfo
            case .cmd: MessageEditInfo()
            }
        }
        set {
            switch self {
            case .text(var body): body.editInfo = newValue; self = .text(body)
            case .image(var body): body.editInfo = newValue; self = .image(body)
            case .voice(var body): body.editInfo = newValue; self = .voice(body)
            case .video(var body): body.editInfo = newValue; self = .video(body)
            case .file(var body): body.editInfo = newValue; self = .file(body)
            case .location(var body): body.editInfo = newValue; self = .location(body)
            case .custom(var body): body.editInfo = newValue; self = .custom(body)
            case .combine(var body): body.editInfo = newValue; self = .combine(body)
            case .cmd: break
            }
        }
    }

    /// Whether an edit may replace the body itself (text and custom); other types take only new attributes.
    public var isReplaceable: Bool { type == .text || type == .custom }
}
