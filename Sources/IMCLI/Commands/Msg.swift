import IMClient
import IMCore
extension Command {
    /// `imctl msg`.
    static let msg = Command(
        name: "msg",
        summary: "Send, search, translate, recall, edit, react to and pin messages.",
        subcommands: [
            .msgSend, .msgDownload, .msgCombined, .msgHistory, .msgTranslate, .msgSearch, .msgImport, .msgInsert, .msgUpdate, .msgPrune,
            .msgDeleteRemote, .msgAck, .msgRecall, .msgEdit, .msgReact, .msgUnreact, .msgReactions, .msgPin, .msgUnpin,
            .msgPins, .msgReport,
        ]
    )
}
