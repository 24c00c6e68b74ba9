#if canImport(Glibc)
    import Glibc
#endif

/// The WAL file of a database, opened to flush it to disk: a writer that commits with `synchronous=NORMAL` calls
/// ``synchronize()`` after COMMIT, off its own thread, and everything committed before the call is then as durable as
/// with `synchronous=FULL`. WAL recovery keeps the longest valid prefix of the log, so a flushed commit survives a crash
/// whatever happens to later, unflushed ones.
///
/// Related SQLite documentation: https://www.sqlite.org/wal.html, https://www.sqlite.org/pragma.html#pragma_synchronous
public final class WriteAheadLogFile: Sendable {
    private let descriptor: Int32
    private let path: String

    /// Opens `databasePath`-wal, which a connection in WAL mode has already created, and flushes its directory entry.
    public init(databasePath: String) throws(SQLiteError) {
        path = databasePath + "-wal"
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SQLiteError(code: 14, message: "cannot open \(path): \(Self.errorText())") }
        let directory = databasePath.lastIndex(of: "/").map { String(databasePath[..<$0]) } ?? "."
        let directoryDescriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    deinit { close(descriptor) }

    /// Flushes the WAL's data to disk; returns once every commit made before the call is durable.
    public func synchronize() throws(SQLiteError) {
        guard fdatasync(descriptor) == 0 else {
            throw SQLiteError(code: 10, message: "cannot flush \(path) to disk: \(Self.errorText())")
        }
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
