import IMClient
import IMCore
extension Command {
    /// `imctl msg`.
    static let msg = Command(
        name: "msg",
        summary: "Send, download, recall, edit, react to, pin and report messages.",
        subcommands: [
            .msgSend, .msgDownload, .msgCombined, .msgHistory, .msgAck, .msgRecall, .msgEdit, .msgReact, .msgUnreact,
            .msgReactions, .msgPin, .msgUnpin, .msgPins, .msgReport,
        ]
    )
}
