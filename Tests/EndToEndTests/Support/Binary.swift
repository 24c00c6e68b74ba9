import Foundation

/// Where the built `imctl` executable is: `$IMCTL_BIN`, else beside the test bundle in the build directory.
enum Binary {
    static let imctl: String = {
        if let path = ProcessInfo.processInfo.environment["IMCTL_BIN"] { return path }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for _ in 0..<4 {
            dir.deleteLastPathComponent()
            let candidate = dir.appendingPathComponent("imctl").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/imctl").path
    }()
}
