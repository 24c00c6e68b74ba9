#if canImport(Glibc)
import Glibc
#endif
import IMCore

/// Private files: directories 0700, files 0600 written atomically (temp file + rename), permission checks.
enum SecureFile {
    /// Creates `path` and its parents with mode 0700 where missing.
    static func makeDirectory(_ path: String) throws(CLIError) {
        do { try Directory.create(path) } catch { throw CLIError(error) }
    }

    /// Writes `text` to `path` (mode 0600) through a temporary file renamed over it; missing parent directories are
    /// created (0700) unless `createDirectories` is false.
    static func write(_ text: String, to path: String, createDirectories: Bool = true) throws(CLIError) {
        if createDirectories { try makeDirectory(String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])) }
        let temporary = "\(path).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CLIError(code: .generalError, message: "cannot write \(path): \(errorText())") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CLIError(code: .generalError, message: "cannot write \(path): \(errorText())")
        }
    }

    /// The file's text, or nil when it does not exist.
    static func read(_ path: String) throws(CLIError) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw CLIError(code: .generalError, message: "cannot read \(path): \(errorText())")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the path exists.
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// The permission bits of a file, or nil when it does not exist.
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// Refuses a directory (exit 2), and a regular secret file that is group/world-writable or owned by someone else
    /// (exit 4). A pipe or device (`<(pass show x)`, `/dev/stdin`) has no such permissions to check.
    static func checkPrivate(_ path: String) throws(CLIError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw CLIError(code: .invalidParam, message: "\(path) is a directory, not a file", exitCode: ExitCode.usage)
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return }
        if info.st_mode & 0o022 != 0 {
            throw .authentication(
                "refusing \(path): it is writable by group or others", hint: "Run 'chmod 600 \(path)'.")
        }
        if info.st_uid != geteuid() {
            throw .authentication("refusing \(path): it is owned by another user")
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
