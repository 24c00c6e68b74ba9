import IMCore
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ChatManager {
    /// The messages a combined message carries, downloaded from its file.
    public func fetchCombineMessageDetail(_ message: Message) async throws(ChatError) -> [Message] {
        guard case .combine(let combine) = message.body, let remotePath = combine.remotePath, let secret = combine.secret else {
            throw ChatError(.invalidParam, "message '\(message.msgId)' is not a combined message")
        }
        let path = try scratchPath("combine-\(message.msgId).json")
        defer { unlink(path) }
        _ = try await AttachmentDownload(api: core.api(), remotePath: remotePath, secret: secret).run(to: path, progress: nil)
        do {
            return try WireJSON.decode([Message].self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ChatError(.fileInvalid, "the combined message's file is not a JSON array of messages: \(error)")
        }
    }

    /// A combined body without `remotePath`, uploaded: its messages (from the local store) as a JSON array file.
    func uploadingCombined(_ combine: CombineBody) async throws(ChatError) -> CombineBody {
        guard combine.remotePath == nil else { return combine }
        var combine = combine
        var messages: [Message] = []
        for msgId in combine.messageIdList {
            guard let message = try getMessage(msgId) else {
                throw ChatError(.messageInvalid, "message '\(msgId)' is not in the local store")
            }
            messages.append(message)
        }
        let path = try scratchPath("combine-\(MessageID.generate()).json")
        defer { unlink(path) }
        do {
            try WireJSON.encode(messages).write(to: URL(fileURLWithPath: path))
        } catch {
            throw ChatError(.fileUploadFailed, "cannot write \(path): \(error)")
        }
        let upload = try await uploadAttachment(localPath: path)
        (combine.remotePath, combine.secret, combine.localPath) = (upload.remotePath, upload.secret, nil)
        return combine
    }

    /// A path for a temporary file in the client's data directory (created 0700 when missing).
    private func scratchPath(_ name: String) throws(ChatError) -> String {
        let directory = core.options.dataDirectory
        try SecureFile.makeDirectory(directory)
        return directory + "/" + name
    }
}
