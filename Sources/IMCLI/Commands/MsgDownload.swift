import IMClient
import IMCore

/// What `msg download` prints.
struct DownloadResult: Encodable {
    var msgId: String
    var path: String
    var thumbnail: Bool
}

extension Command {
    /// `imctl msg download MSGID`.
    static let msgDownload = Command(
        name: "download",
        summary: "Download a message's attachment or thumbnail.",
        discussion: """
            MSGID must be in the local store: received through 'imctl events' or fetched with 'imctl msg history'. \
            Saves to --out, else to the attachment's name in the current directory (thumbnails: 'thumb-' + name). \
            Bytes go to PATH.part first; run the command again to resume an interrupted download. \
            Prints {"msgId":…,"path":…,"thumbnail":…}.
            """,
        arguments: [Argument("msgid", help: "Id of an image, voice, video or file message.")],
        options: [
            Option(long: "out", value: "PATH", help: "Where to save the file.", completion: .file),
            Option(long: "thumbnail", help: "Download the thumbnail instead of the attachment."),
        ],
        examples: [
            Example("imctl msg download 9AbC --out photo.jpg", "Save an image message's picture."),
            Example("imctl msg download 9AbC --thumbnail", "Save its thumbnail as thumb-<name>."),
        ],
        run: { invocation, context in
            let msgId = invocation.argument("msgid")!
            let thumbnail = invocation.flag("thumbnail")
            let manager = try context.loggedInClient(invocation).chatManager
            guard let message = try manager.getMessage(msgId) else { throw Command.notStored(msgId) }
            let name = message.body.fileBody?.displayName.split(separator: "/").last.map(String.init) ?? msgId
            let path = invocation.value("out") ?? (thumbnail ? "thumb-" + name : name)
            let bar = ProgressBar.make("download", io: context.io)
            let saved: String
            if thumbnail {
                saved = try await manager.downloadThumbnail(message, to: path, progress: bar?.callback)
            } else {
                saved = try await manager.downloadAttachment(message, to: path, progress: bar?.callback)
            }
            bar?.finish()
            return try context.print(DownloadResult(msgId: msgId, path: saved, thumbnail: thumbnail), shape: Shapes.download)
        }
    )
}
