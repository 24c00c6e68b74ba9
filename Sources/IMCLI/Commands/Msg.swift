import IMClient
import IMCore
extension Command {
    /// `imctl msg`.
    static let msg = Command(
        name: "msg",
        summary: "Send messages and read history.",
        subcommands: [.msgSend, .msgHistory, .msgTranslate]
    )
}
