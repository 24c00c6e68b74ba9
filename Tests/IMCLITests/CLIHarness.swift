#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import IMCLI
import Testing

/// Runs `imctl` in-process with captured streams and private XDG directories; the directory is removed with it.
final class CLIHarness: Sendable {
    /// The outcome of one run.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A fresh temporary directory used as HOME.
    let home: String

    init() {
        var template = Array("/tmp/imctl-cli-test-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        home = String(cString: path!)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: home)
    }

    /// The environment of a run: HOME and XDG dirs in the temp dir, nothing from the real process.
    var environment: [String: String] {
        ["HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data"]
    }

    /// Runs one command line.
    func run(
        _ arguments: [String], environment extra: [String: String] = [:], stdin: String = "", tty: Bool = false,
        stdinIsTTY: Bool = false
    ) async -> Result {
        let out = TextBuffer()
        let err = TextBuffer()
        let io = IO(
            stdin: InputReader(text: stdin), stdout: .buffer(out), stderr: .buffer(err), stdinIsTTY: stdinIsTTY, stdoutIsTTY: tty,
            terminalWidth: tty ? 100 : nil)
        let status = await IMCLI.run(
            arguments: arguments, environment: environment.merging(extra) { $1 }, io: io)
        return Result(status: status, stdout: out.text, stderr: err.text)
    }

    /// Writes a file with the given mode.
    func write(_ text: String, to path: String, mode: mode_t = 0o600) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
        _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
        fchmod(fd, mode)
        close(fd)
    }

    /// Creates a directory and its parents.
    func makeDirectory(_ path: String) {
        var current = ""
        for part in path.split(separator: "/") {
            current += "/" + part
            mkdir(current, 0o700)
        }
    }

    /// The permission bits of a path.
    func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }
}
