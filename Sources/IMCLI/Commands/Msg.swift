import IMClient
import IMCore
extension Command {
    /// `imctl msg`.
    static let msg = Command(
        name: "msg",
        summary: "Send, search, recall, edit, react to, pin and report messages.",
        subcommands: [
            .msgSend, .msgDownload, .msgCombined, .msgHistory, .msgSearch, .msgImport, .msgInsert, .msgUpdate, .msgPrune,
            .msgDeleteRemote, .msgAck, .msgRecall, .msgEdit, .msgReact, .msgUnreact, .msgReactions, .msgPin, .msgUnpin,
            .msgPins, .msgReport,
        ]
    )
}
