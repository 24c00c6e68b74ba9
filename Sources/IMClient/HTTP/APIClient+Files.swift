import IMCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension APIClient {
    /// The time limit of one attachment transfer (the server caps attachments at 100 MiB). A transfer that moves no
    /// byte for the client's request timeout fails sooner (``fileRequest(_:pathParameters:)``).
    static let fileTransferTimeout = Duration.seconds(3_600)

    /// A file transfer's request: the long whole-transfer limit, and the client's timeout as the limit of a stall.
    private func fileRequest(_ route: Route, pathParameters: [String: String] = [:]) -> HTTPRequest {
        var request = makeRequest(route, pathParameters: pathParameters, timeout: Self.fileTransferTimeout)
        request.stallTimeout = timeout
        return request
    }

    /// `POST /v1/files`: uploads a local file, streamed from disk.
    func upload(localPath: String, progress: TransferProgress?) async throws(ChatError) -> UploadedFile {
        do throws(IMClientError) {
            var request = fileRequest(.uploadFile)
            request.headers.append(HTTPHeader(name: "Content-Type", value: "application/octet-stream"))
            let response = try await streamed(request, FileStreams(upload: localPath, progress: progress))
            guard response.isSuccess else { throw .http(status: response.status, body: Array(response.body)) }
            do { return try WireJSON.decode(UploadedFile.self, from: response.body) } catch { throw .decoding("\(Route.uploadFile): \(error)") }
        } catch {
            throw error.chatError
        }
    }

    /// `GET /v1/files/{remotePath}`: appends the file's bytes from `offset` on to `partPath`. Returns the 2xx
    /// response, or the 416 one (the offset is at or past the end); throws every other answer.
    func download(remotePath: String, secret: String, offset: Int64, into partPath: String, progress: TransferProgress?)
        async throws(ChatError) -> HTTPResponse
    {
        do throws(IMClientError) {
            var request = fileRequest(.downloadFile, pathParameters: ["remotePath": remotePath])
            request.headers.append(HTTPHeader(name: Header.fileSecret, value: secret))
            if offset > 0 { request.headers.append(HTTPHeader(name: "Range", value: "bytes=\(offset)-")) }
            let files = FileStreams(download: partPath, resumedBytes: offset, progress: progress)
            let response = try await streamed(request, files)
            guard response.isSuccess || response.status == 416 else { throw .http(status: response.status, body: Array(response.body)) }
            return response
        } catch {
            throw error.chatError
        }
    }

    private func streamed(_ request: HTTPRequest, _ files: FileStreams) async throws(IMClientError) -> HTTPResponse {
        debug?("http → \(request.method) \(request.url) [file transfer]")
        let response = try await transport.stream(request, files)
        debug?("http ← \(response.status)")
        return response
    }
}
