import CIMCurl
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One libcurl easy handle. Not Sendable: one transfer uses it at a time, on one thread (libcurl-thread(3)).
/// Reusing it for the next request keeps the connection alive.
///
/// - SeeAlso: https://curl.se/libcurl/c/curl_easy_init.html, https://curl.se/libcurl/c/curl_easy_perform.html
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer

    /// Creates a handle; the first one waits for (or does) the process-wide set-up, ``CurlGlobal``.
    init() {
        CurlGlobal.waitUntilReady()
        guard let handle = imcurl_easy_init() else { fatalError("libcurl.so.4 could not be loaded (install libcurl4), or curl_easy_init ran out of memory") }
        self.handle = handle
    }

    deinit { imcurl_easy_cleanup(handle) }

    /// Runs one request to completion on the calling thread. `cancel` aborts it from another thread within
    /// about a second (libcurl calls the progress callback about once a second while idle).
    /// With `files`, the request body streams from a file and a 2xx response body into one (see ``FileStreams``).
    func perform(_ request: HTTPRequest, cancel: CancelFlag, files: FileStreams? = nil) -> Result<HTTPResponse, IMClientError> {
        if cancel.isCancelled { return .failure(.cancelled) }
        let opened: OpenedFileStreams?
        do { opened = try files.map { (streams) throws(IMClientError) in try OpenedFileStreams(streams) } } catch { return .failure(error) }
        // curl_easy_reset keeps live connections, so keep-alive survives it.
        // - SeeAlso: https://curl.se/libcurl/c/curl_easy_reset.html
        imcurl_easy_reset(handle)
        let context = TransferContext(cancel: cancel, files: opened, handle: handle)
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        var headerList: UnsafeMutablePointer<curl_slist>?
        for header in request.headers {
            headerList = imcurl_slist_append(headerList, "\(header.name): \(header.value)")
        }
        // libcurl adds "Expect: 100-continue" to larger POSTs; our server doesn't need the extra round trip.
        headerList = imcurl_slist_append(headerList, "Expect:")
        defer { imcurl_slist_free_all(headerList) }

        configure(request, context: unmanaged.toOpaque(), headers: headerList, files: opened)
        let code = imcurl_easy_perform(handle)
        if code == CURLE_ABORTED_BY_CALLBACK, cancel.isCancelled { return .failure(.cancelled) }
        guard code == CURLE_OK else {
            let message = String(cString: imcurl_easy_strerror(code))
            return .failure(.transport(code: Int(code.rawValue), message: "\(message) (\(request.method) \(request.url))"))
        }
        var status = 0
        imcurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: context.headers, body: context.body))
    }

    private func configure(
        _ request: HTTPRequest, context: UnsafeMutableRawPointer, headers: UnsafeMutablePointer<curl_slist>?, files: OpenedFileStreams?
    ) {
        imcurl_setopt_string(handle, CURLOPT_URL, request.url)
        imcurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        imcurl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1)
        let milliseconds = max(1, Int(request.timeout.components.seconds * 1000 + request.timeout.components.attoseconds / 1_000_000_000_000_000))
        imcurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds)
        imcurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, min(milliseconds, 10_000))
        if let stall = request.stallTimeout {
            // Below 1 byte/s for that many whole seconds: libcurl fails the transfer with CURLE_OPERATION_TIMEDOUT.
            imcurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
            imcurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(stall.components.seconds)))
        }
        imcurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
        if request.method == "GET", request.body == nil, files?.upload == nil {
            imcurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        } else {
            imcurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
        }
        if let upload = files?.upload {
            imcurl_setopt_long(handle, CURLOPT_POST, 1)
            imcurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(upload.size))
            imcurl_setopt_pointer(handle, CURLOPT_READDATA, context)
            imcurl_setopt_read_function(handle) { pointer, size, count, userdata in
                let context = Unmanaged<TransferContext>.fromOpaque(userdata!).takeUnretainedValue()
                guard let pointer, let file = context.files?.upload?.file else { return 0 }
                let read = fread(pointer, 1, size * count, file)
                // A read error must fail the transfer: 0 alone would mean the end of the body.
                return read == 0 && ferror(file) != 0 ? Int(CURL_READFUNC_ABORT) : read
            }
        } else if let body = request.body ?? (["POST", "PUT", "PATCH"].contains(request.method) ? Data() : nil) {
            // A POST, PUT or PATCH without a body still says `Content-Length: 0`.
            imcurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            // COPYPOSTFIELDS copies the bytes, so they need not outlive this call.
            body.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress, !bytes.isEmpty {
                    _ = imcurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
                } else {
                    _ = imcurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
                }
            }
        }
        imcurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        imcurl_setopt_write_function(handle) { pointer, size, count, userdata in
            let context = Unmanaged<TransferContext>.fromOpaque(userdata!).takeUnretainedValue()
            let length = size * count
            guard let pointer else { return length }
            if let sink = context.successSink() { return fwrite(pointer, 1, length, sink) }
            context.body.append(UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length)
            return length
        }
        imcurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        imcurl_setopt_header_function(handle) { pointer, size, count, userdata in
            let context = Unmanaged<TransferContext>.fromOpaque(userdata!).takeUnretainedValue()
            let length = size * count
            if let pointer {
                let line = String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
                context.addHeaderLine(line)
            }
            return length
        }
        imcurl_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        imcurl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context)
        imcurl_setopt_xferinfo_function(handle) { userdata, downloadTotal, downloaded, uploadTotal, uploaded in
            let context = Unmanaged<TransferContext>.fromOpaque(userdata!).takeUnretainedValue()
            if let files = context.files, let progress = files.progress {
                if files.upload != nil {
                    progress(Int64(uploaded), Int64(uploadTotal))
                } else {
                    progress(files.resumedBytes + Int64(downloaded), downloadTotal > 0 ? files.resumedBytes + Int64(downloadTotal) : 0)
                }
            }
            return context.cancel.isCancelled ? 1 : 0
        }
    }
}

@available(*, unavailable)
extension CurlEasy: Sendable {}

/// What the C callbacks of one transfer write into; reached through `Unmanaged` userdata.
private final class TransferContext {
    let cancel: CancelFlag
    let files: OpenedFileStreams?
    private let handle: UnsafeMutableRawPointer
    private var status: Int?
    var body = Data()
    var headers: [String: String] = [:]

    init(cancel: CancelFlag, files: OpenedFileStreams?, handle: UnsafeMutableRawPointer) {
        self.cancel = cancel
        self.files = files
        self.handle = handle
    }

    /// The download file, when the response is a 2xx (error bodies stay in memory for decoding). A 200 to a
    /// resumed request carries the whole file, so the partial bytes are dropped first.
    func successSink() -> UnsafeMutablePointer<FILE>? {
        guard let download = files?.download else { return nil }
        if status == nil {
            var code = 0
            imcurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
            status = code
            if code == 200, files?.resumedBytes ?? 0 > 0 { download.truncate() }
        }
        return (200..<300).contains(status ?? 0) ? download.file : nil
    }

    func addHeaderLine(_ line: String) {
        if line.hasPrefix("HTTP/") {
            headers = [:]  // a new response (after a redirect or 100-continue) starts
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmed
        headers[name] = value
    }
}
