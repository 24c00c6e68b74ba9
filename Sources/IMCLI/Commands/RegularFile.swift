#if canImport(Glibc)
import Glibc
#endif

/// Checks before anything is sent that `path`, given with `option`, is a regular file this process can read (exit 2
/// otherwise: the mistake is the argument's, and nothing went to the server).
func requireReadableRegularFile(_ path: String, option: String) throws(UsageError) {
    var status = stat()
    guard stat(path, &status) == 0 else {
        throw .invalidValue(option: option, value: path, reason: String(cString: strerror(errno)))
    }
    guard status.st_mode & S_IFMT == S_IFREG else { throw .invalidValue(option: option, value: path, reason: "not a regular file") }
    guard access(path, R_OK) == 0 else { throw .invalidValue(option: option, value: path, reason: String(cString: strerror(errno))) }
}
