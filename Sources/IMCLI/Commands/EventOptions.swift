#if canImport(Glibc)
    import Glibc
#endif
import IMClient
import IMCore
/// Options shared by `events` and `wait`.
enum EventOptions {
    /// `--since CURSOR|now|start`.
    static let since = Option(
        long: "since", value: "CURSOR", help: "Start after this cursor, or 'now' or 'start' (default: stored position).")
    /// `--count N`.
    static let count = Option(long: "count", value: "N", help: "Stop after N matching events.")
    /// `--type NAME`.
    static let type = Option(
        long: "type", value: "NAME", help: "Only events of this type (comma list).", isRepeatable: true,
        completion: .choices(EventType.all))
    /// `--in CONV`.
    static let conversation = Option(
        long: "in", value: "CONV", help: "Only events about this conversation.",
        completion: .dynamic("conversations"))
    /// `--from USER`.
    static let from = Option(
        long: "from", value: "USER", help: "Only events with a message from this user.", completion: .dynamic("users"))

    /// `--ready-file PATH`.
    static let readyFile = Option(
        long: "ready-file", value: "PATH", help: "Create this file once the stream is live.", completion: .file)

    /// `--on-gap MODE`.
    static let onGap = Option(
        long: "on-gap", value: "MODE", help: "On a gap: warn (default) or fail (exit 10).", completion: .choices(["warn", "fail"]))

    /// Parses `--on-gap`: whether a gap fails the command.
    static func failOnGap(_ invocation: Invocation) throws(UsageError) -> Bool {
        switch invocation.value("on-gap") ?? "warn" {
        case "warn": return false
        case "fail": return true
        case let other: throw .invalidValue(option: "--on-gap", value: other, reason: "expected warn or fail")
        }
    }

    /// Parses `--ready-file`.
    static func readyFile(_ invocation: Invocation) throws(UsageError) -> String? {
        guard let path = invocation.value("ready-file") else { return nil }
        if path.isEmpty { throw .invalidValue(option: "--ready-file", value: path, reason: "expected a file path") }
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var status = stat()
        guard stat(directory.isEmpty ? "/" : directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw .invalidValue(option: "--ready-file", value: path, reason: "its directory does not exist")
        }
        return path
    }

    /// Parses `--count`.
    static func count(_ invocation: Invocation) throws(UsageError) -> Int? {
        guard let text = invocation.value("count") else { return nil }
        guard let count = Int(text), count > 0 else {
            throw .invalidValue(option: "--count", value: text, reason: "expected a positive number")
        }
        return count
    }
}
