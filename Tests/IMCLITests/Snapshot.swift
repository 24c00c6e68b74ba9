#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The package root (…/Tests/IMCLITests/Snapshot.swift → …).
let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// Compares `text` with the golden file `Tests/IMCLITests/Snapshots/<name>`; with RECORD_SNAPSHOTS=1 it re-records
/// the file and fails, so a recording run is never mistaken for a passing one.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    assertFile(text, path: "\(packageRoot)/Tests/IMCLITests/Snapshots/\(name)", sourceLocation: sourceLocation)
}

/// Compares `text` with the file at `path` (re-recorded with RECORD_SNAPSHOTS=1, which then fails).
func assertFile(_ text: String, path: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if getenv("RECORD_SNAPSHOTS").map({ String(cString: $0) }) == "1" {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
        close(fd)
        Issue.record("recorded \(path); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        return
    }
    guard let expected = readFile(path) else {
        Issue.record("no snapshot at \(path); run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    if expected != text {
        let lines = zip(expected.split(separator: "\n", omittingEmptySubsequences: false),
            text.split(separator: "\n", omittingEmptySubsequences: false))
        let first = lines.enumerated().first { $0.element.0 != $0.element.1 }
        let detail = first.map { "line \($0.offset + 1): expected '\($0.element.0)' got '\($0.element.1)'" } ?? "lengths differ"
        Issue.record("\(path) differs (\(detail))", sourceLocation: sourceLocation)
    }
}

/// A file's text, or nil.
func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count == 0 { break }
        bytes += buffer[..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}
