import IMCore
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A resumable download to a local path: bytes go to `<path>.part`, which a later attempt continues with a
/// `Range` request, and the finished file is renamed to `<path>`.
struct AttachmentDownload {
    let api: APIClient
    let remotePath: String
    let secret: String

    /// Downloads (or finishes downloading) into `path`; returns `path`.
    func run(to path: String, progress: TransferProgress?) async throws(ChatError) -> String {
        let part = path + ".part"
        let offset = Self.size(of: part)
        let response: HTTPResponse
        do {
            response = try await api.download(remotePath: remotePath, secret: secret, offset: offset, into: part, progress: progress)
        } catch {
            if Self.size(of: part) == 0 { unlink(part) }
            throw error
        }
        if response.status == 416 {
            // The range started at or past the end: complete if the part is exactly the file, else start over.
            let total = response.headers["content-range"].flatMap { Int64($0.split(separator: "/").last ?? "") }
            if total != offset {
                unlink(part)
                return try await run(to: path, progress: progress)
            }
        }
        guard rename(part, path) == 0 else {
            throw ChatError(.fileDownloadFailed, "cannot move the download to \(path): \(String(cString: strerror(errno)))")
        }
        return path
    }

    /// The size of a file, 0 when it does not exist.
    static func size(of path: String) -> Int64 {
        var status = stat()
        return stat(path, &status) == 0 ? Int64(status.st_size) : 0
    }
}
