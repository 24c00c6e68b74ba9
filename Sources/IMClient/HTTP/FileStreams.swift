import IMCore
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a transfer streams through files instead of memory: the request body read from `upload`, a 2xx
/// response body appended to `download`. Neither is ever held whole in memory.
struct FileStreams: Sendable {
    /// A local file sent as the request body.
    var upload: String?
    /// A local file a 2xx response body is appended to (created when missing).
    var download: String?
    /// Bytes already in `download` that the request's `Range` skips; progress counts them as done.
    var resumedBytes: Int64 = 0
    /// Called on libcurl's thread with bytes done and bytes in total (0 while unknown).
    var progress: (@Sendable (Int64, Int64) -> Void)?
}

/// An open `FILE *` of a transfer, closed when the transfer ends.
final class OpenStream {
    let file: UnsafeMutablePointer<FILE>
    let size: Int64

    /// Opens `path`; a file to read must be a regular file, whose size is the length of the upload.
    init(path: String, mode: String) throws(IMClientError) {
        guard let file = fopen(path, mode) else {
            throw .local(ChatError(.fileNotFound, "cannot open \(path): \(String(cString: strerror(errno)))"))
        }
        var status = stat()
        let known = fstat(fileno(file), &status) == 0
        if mode.hasPrefix("r"), !known || status.st_mode & S_IFMT != S_IFREG {
            fclose(file)
            throw .local(ChatError(.fileNotFound, "cannot upload \(path): not a regular file"))
        }
        self.file = file
        size = known ? Int64(status.st_size) : 0
    }

    /// Drops everything written so far.
    func truncate() {
        fflush(file)
        _ = ftruncate(fileno(file), 0)
        fseek(file, 0, SEEK_SET)
    }

    deinit { fclose(file) }
}

/// The files of one transfer, opened.
final class OpenedFileStreams {
    let upload: OpenStream?
    let download: OpenStream?
    let resumedBytes: Int64
    let progress: (@Sendable (Int64, Int64) -> Void)?

    init(_ streams: FileStreams) throws(IMClientError) {
        upload = try streams.upload.map { path throws(IMClientError) in try OpenStream(path: path, mode: "rb") }
        download = try streams.download.map { path throws(IMClientError) in try OpenStream(path: path, mode: "ab") }
        resumedBytes = streams.resumedBytes
        progress = streams.progress
    }
}
