import Foundation

/// A directory of its own for one test, removed when the value is released.
final class TempDirectory: Sendable {
    let path: String

    init(_ label: String = "e2e") throws {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/imctl-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func sub(_ name: String) -> String { "\(path)/\(name)" }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
