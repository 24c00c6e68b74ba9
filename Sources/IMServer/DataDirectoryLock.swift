import Glibc
import IMCore

/// An exclusive `flock` on `<data directory>/server.lock`, held while `imctl serve` runs, with the holder's PID in the
/// file. A second server on the same data directory is refused: its writes would not wake the first one's held event
/// requests, nor advance its durable cursor. The kernel drops the lock when the process ends, even by SIGKILL.
final class DataDirectoryLock: Sendable {
    private let descriptor: Int32

    init(directory: String) throws {
        let path = directory + "/server.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ChatError(.generalError, "cannot open \(FileError(path: path, errno: errno))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.contents(of: descriptor).map { " (pid \($0))" } ?? ""
            close(descriptor)
            throw ChatError(.generalError, "another imctl serve\(holder) is using the data directory \(directory); stop it or give another --data-dir")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    private static func contents(of descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).filter(\.isNumber)
        return text.isEmpty ? nil : text
    }
}
