import Hummingbird
import IMCore
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The attachment bytes on disk: `<data>/files/<sha256>`, one file per distinct content, written through a
/// temporary file in `<data>/files/incoming` while the upload streams (never held in memory).
struct FileStore: Sendable {
    let directory: String
    private let fileIO = FileIO()

    init(dataDirectory: String) {
        directory = dataDirectory + "/files"
    }

    /// Where a content's bytes live.
    func path(ofContent sha256: String) -> String { directory + "/" + sha256 }

    /// Streams a request body to disk through `meter` (which enforces the size limit); returns the content
    /// hash. Nothing is left behind when the upload fails.
    func receive(_ body: RequestBody, meter: UploadMeter, context: some RequestContext) async throws -> String {
        let temporary = try makeIncomingPath()
        do {
            try await fileIO.writeFile(contents: body.map { try meter.take($0) }, path: temporary, context: context)
        } catch {
            unlink(temporary)
            // The file system layer may wrap the meter's error, so ask the meter.
            if meter.count > meter.limit { throw UploadMeter.tooLarge(limit: meter.limit) }
            throw ChatError(.fileUploadFailed, "the upload was interrupted or could not be stored")
        }
        return try commit(temporary, sha256: meter.digest)
    }

    /// Stores bytes made by the server (thumbnails); returns their content hash.
    func store(_ bytes: [UInt8], context: some RequestContext) async throws -> String {
        let meter = UploadMeter(limit: Int64.max)
        _ = try meter.take(ByteBuffer(bytes: bytes))
        let temporary = try makeIncomingPath()
        try await fileIO.writeFile(buffer: ByteBuffer(bytes: bytes), path: temporary, context: context)
        return try commit(temporary, sha256: meter.digest)
    }

    /// Deletes the bytes of contents no upload refers to any more.
    func removeContent(_ sha256s: [String]) {
        for sha in sha256s { unlink(path(ofContent: sha)) }
    }

    /// Moves a finished temporary file to its content address (equal content is kept once).
    private func commit(_ temporary: String, sha256: String) throws -> String {
        guard rename(temporary, path(ofContent: sha256)) == 0 else {
            unlink(temporary)
            throw ChatError(.fileUploadFailed, "the upload could not be stored (errno \(errno))")
        }
        return sha256
    }

    private func makeIncomingPath() throws -> String {
        let incoming = directory + "/incoming"
        do {
            try FileManager.default.createDirectory(atPath: incoming, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ChatError(.fileUploadFailed, "cannot create \(incoming): \(error)")
        }
        return incoming + "/" + Secrets.randomHex(32)
    }
}
