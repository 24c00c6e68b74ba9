#if canImport(Glibc)
    import Glibc
#endif

/// Private directories, shared by the client, the CLI and the server.
public enum Directory {
    /// Creates `path` and its missing parents with `mode` (0700: private); fails when `path` is not a directory.
    public static func create(_ path: String, mode: mode_t = 0o700) throws(ChatError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, mode) != 0 && errno != EEXIST {
                throw ChatError(.generalError, "cannot create directory \(current): \(String(cString: strerror(errno)))")
            }
        }
        guard exists(path) else { throw ChatError(.generalError, "\(path) is not a directory") }
    }

    /// Whether `path` is a directory (following symbolic links).
    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
