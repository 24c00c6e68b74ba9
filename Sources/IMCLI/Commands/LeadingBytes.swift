#if canImport(Glibc)
import Glibc
#endif

/// The first `count` bytes of a regular file, nil when it cannot be opened or is no regular file (never blocks on a
/// FIFO or a device: whatever uses the path later reports those).
func leadingBytes(ofFileAt path: String, count: Int) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    var bytes = [UInt8](repeating: 0, count: count)
    let read = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, count) }
    guard read >= 0 else { return nil }
    return Array(bytes.prefix(read))
}
