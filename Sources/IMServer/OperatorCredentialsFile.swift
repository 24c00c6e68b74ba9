import Glibc
import IMCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `operator.json` in the data directory: created on first start with random credentials, mode 0600, written
/// atomically (temp file + rename).
enum OperatorCredentialsFile {
    /// Reads the credentials, creating them when the file does not exist.
    static func loadOrCreate(at path: String) throws -> OperatorCredentials {
        if let data = FileManager.default.contents(atPath: path) {
            do {
                return try WireJSON.decode(OperatorCredentials.self, from: data)
            } catch {
                throw ChatError(.generalError, "cannot read the operator credentials \(path): \(error)")
            }
        }
        let credentials = OperatorCredentials(clientId: "op_" + Secrets.randomHex(16), clientSecret: Secrets.randomToken())
        try writeAtomically(Array(try WireJSON.encode(credentials)), to: path, mode: 0o600)
        return credentials
    }

    private static func writeAtomically(_ bytes: [UInt8], to path: String, mode: mode_t) throws {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard fd >= 0 else { throw FileError(path: temporary, errno: errno) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == bytes.count, synced == 0 else {
            unlink(temporary)
            throw FileError(path: temporary, errno: errno)
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw FileError(path: path, errno: errno)
        }
    }
}

/// A failed file operation, with the path and the system error number.
struct FileError: Error, CustomStringConvertible {
    var path: String
    var errno: Int32

    var description: String { "\(path): \(String(cString: strerror(errno)))" }
}
