import Foundation
import Testing

@Suite("imctl batch", .timeLimit(.minutes(3)))
struct BatchTests {
    @Test("1,000 sends from one NDJSON input run in one process and answer in input order")
    func thousandSends() async throws {
        let world = try await World()
        #expect(try await world.admin("settings", "set", "sendRatePerSecond=10000").exitCode == 0)
        let shells = try await world.loggedIn("alice", "bob")
        let input = (1...1_000).map { #"{"id":"step-\#($0)","cmd":["msg","send","bob","n\#($0)"]}"# }.joined(separator: "\n") + "\n"
        let result = try await shells[0].run("batch", stdin: input, timeLimit: 150)
        #expect(result.exitCode == 0, "\(result.stderr.prefix(500))")
        let lines = try result.lines()
        #expect(lines.count == 1_000)
        #expect(lines.map { $0["id"] as? String } == (1...1_000).map { "step-\($0)" })
        #expect(lines.allSatisfy { $0["ok"] as? Bool == true })

        let bad = try await shells[0].run("batch", stdin: #"{"id":"a","cmd":["msg","send","bob","ok"]}"# + "\n" + #"{"id":"b","cmd":["msg","send","ghost","x"]}"# + "\n")
        #expect(bad.exitCode == 9)
        let results = try bad.lines()
        #expect(results.map { $0["ok"] as? Bool } == [true, false])
    }
}
