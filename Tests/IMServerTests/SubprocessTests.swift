import Glibc
import Testing

@testable import IMServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite("Subprocess: the child-process runner of the translation providers", .timeLimit(.minutes(1)))
struct SubprocessTests {
    @Test("3 MB through cat: stdin is written while stdout is read, nothing stalls")
    func largeRoundTrip() async throws {
        let input = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let output = try await Subprocess.run(["cat"], input: input, timeout: .seconds(30))
        #expect(output.exitStatus == 0)
        #expect(output.stdout == input)
    }

    @Test("exit status and stderr are reported; a missing program is notFound")
    func statusAndErrors() async throws {
        let output = try await Subprocess.run(["sh", "-c", "echo out; echo oops >&2; exit 3"], timeout: .seconds(30))
        #expect(output.exitStatus == 3)
        #expect(output.stdout == Array("out\n".utf8))
        #expect(output.errorText == "oops")
        await #expect {
            _ = try await Subprocess.run(["imctl-no-such-program"], timeout: .seconds(5))
        } throws: { error in
            if case .notFound = error as? Subprocess.Failure { return true }
            return false
        }
    }

    @Test("past its time limit the program and its children are killed")
    func timeoutKillsTheGroup() async throws {
        let pidFile = "/tmp/imserver-subprocess-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(pidFile) }
        await #expect {
            _ = try await Subprocess.run(["sh", "-c", "sleep 60 & echo $! > \(pidFile); wait"], timeout: .milliseconds(500))
        } throws: { error in
            if case .timedOut = error as? Subprocess.Failure { return true }
            return false
        }
        let text = try #require(FileManager.default.contents(atPath: pidFile)).map { Character(UnicodeScalar($0)) }
        let child = try #require(pid_t(String(text).filter(\.isNumber)))
        // The orphaned `sleep` is reaped by init shortly after SIGKILL; wait (bounded) until it is gone.
        var alive = true
        for _ in 0..<500 where alive {
            alive = kill(child, 0) == 0 && !Self.isZombie(child)
            if alive { usleep(10_000) }
        }
        #expect(!alive, "the child process \(child) survived the time limit")
    }

    private static func isZombie(_ pid: pid_t) -> Bool {
        guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return true }
        return String(decoding: stat, as: UTF8.self).split(separator: ")").last?.split(separator: " ").first == "Z"
    }
}
