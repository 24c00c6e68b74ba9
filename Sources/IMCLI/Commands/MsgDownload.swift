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
            Saves to FILE with -o (into it, under the attachment's name, when it is a directory), else under the profile's data directory as files/MSGID/NAME, NAME being the \
            attachment's name ('thumb-' + NAME for a thumbnail); nothing is written to the current directory \
            unless -o names it. Bytes go to PATH.part first; run the command again to resume an interrupted \
            download. Prints {"msgId":…,"path":…,"thumbnail":…}.
            """,
        arguments: [Argument("msgid", help: "Id of an image, voice, video or file message.")],
        options: [
            Option(
                long: "out", short: "o", value: "FILE",
                help: "Where to save the file (-o here names the file; the output mode is --output).", completion: .file),
            Option(long: "thumbnail", help: "Download the thumbnail instead of the attachment."),
        ],
        examples: [
            Example("imctl msg download 9AbC -o photo.jpg", "Save an image message's picture as photo.jpg."),
            Example("imctl msg download 9AbC --thumbnail", "Save its thumbnail in the profile's data directory."),
        ],
        run: { invocation, context in
            let msgId = invocation.argument("msgid")!
            let thumbnail = invocation.flag("thumbnail")
            let manager = try context.loggedInClient(invocation).chatManager
            guard let message = try manager.getMessage(msgId) else { throw Command.notStored(msgId) }
            let path = try invocation.value("out").map { out throws(UsageError) in
                if out == "-" { throw .invalidValue(option: "-o", value: out, reason: "give a file or directory; downloads are not written to stdout") }
                // An existing directory gets the file under the attachment's own name, as cp and mv do.
                guard Directory.exists(out) else { return out }
                return (out.hasSuffix("/") ? out : out + "/") + ChatManager.attachmentFileName(for: message, thumbnail: thumbnail)
            }
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
