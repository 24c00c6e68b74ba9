import IMCore
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Private files of a profile: directories 0700, files 0600, written atomically (temp file + rename).
enum SecureFile {
    /// Creates `path` and its missing parents with mode 0700.
    static func makeDirectory(_ path: String) throws(ChatError) {
        try Directory.create(path)
    }

    /// Writes `data` to `path` atomically with mode 0600, creating the directory (0700) when missing.
    /// With `replace` false an existing file wins: returns false and leaves it as it is.
    @discardableResult
    static func write(_ data: Data, to path: String, replace: Bool = true) throws(ChatError) -> Bool {
        try makeDirectory(directory(of: path))
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ChatError(.generalError, "cannot write \(temporary): \(errorText())") }
        let written = data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 { if errno == EINTR { continue } else { return false } }
                offset += count
            }
            return true
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written, synced else {
            let text = errorText()
            unlink(temporary)
            throw ChatError(.generalError, "cannot write \(path): \(text)")
        }
        if replace {
            guard rename(temporary, path) == 0 else {
                let text = errorText()
                unlink(temporary)
                throw ChatError(.generalError, "cannot write \(path): \(text)")
            }
            return true
        }
        // link(2) fails when the target exists, so of two processes creating the file at once exactly one wins.
        let linked = link(temporary, path) == 0
        let failure = linked || errno == EEXIST ? nil : errorText()
        unlink(temporary)
        if let failure { throw ChatError(.generalError, "cannot write \(path): \(failure)") }
        return linked
    }

    /// The file's bytes, nil when it does not exist. With `requirePrivate`, refuses (104) a file that is
    /// group- or world-writable or owned by someone else (cli-conventions §6).
    static func read(_ path: String, requirePrivate: Bool = false) throws(ChatError) -> Data? {
        // Open first, then check the opened file, so the checked file is the one read.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw ChatError(.generalError, "cannot read \(path): \(errorText())")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw ChatError(.generalError, "cannot read \(path): \(errorText())") }
        if requirePrivate {
            if info.st_uid != geteuid() {
                throw ChatError(.invalidToken, "refusing credentials file \(path): it is owned by another user")
            }
            if info.st_mode & (S_IWGRP | S_IWOTH) != 0 {
                throw ChatError(.invalidToken, "refusing credentials file \(path): it is writable by group or others (chmod 600 it)")
            }
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw ChatError(.generalError, "cannot read \(path): \(errorText())") }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Deletes the file; a missing file is fine.
    static func remove(_ path: String) throws(ChatError) {
        if unlink(path) != 0 && errno != ENOENT { throw ChatError(.generalError, "cannot delete \(path): \(errorText())") }
    }

    /// The directory part of a path ("." for a bare name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
