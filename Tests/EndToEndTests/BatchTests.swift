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

    @Test("a step cannot re-point the shared client: its own --server, --app or --profile is exit 2, the next step still runs")
    func stepConnectionOptions() async throws {
        let world = try await World()
        let alice = try await world.loggedIn("alice", "bob")[0]
        let input = [
            #"{"id":"s","cmd":["msg","send","--server","http://127.0.0.1:1","bob","x"]}"#,
            #"{"id":"a","cmd":["msg","send","--app","other#app","bob","x"]}"#,
            #"{"id":"p","cmd":["msg","send","--profile","elsewhere","bob","x"]}"#,
            #"{"id":"ok","cmd":["msg","send","bob","x"]}"#,
        ].joined(separator: "\n") + "\n"
        let result = try await alice.run("batch", stdin: input)
        #expect(result.exitCode == 9)
        let lines = try result.lines()
        #expect(lines.map { $0["ok"] as? Bool } == [false, false, false, true], "\(result.stdout)")
        for line in lines.prefix(3) {
            let error = line["error"] as? [String: Any]
            #expect(error?["exitCode"] as? Int == 2, "\(line)")
            #expect((error?["message"] as? String)?.contains("applies to the whole batch") == true, "\(line)")
        }
    }

    @Test("the batch's --deadline: the step it cuts off reports 301 with exit 124, no later step runs, the batch exits 124")
    func deadline() async throws {
        let world = try await World()
        let alice = try await world.loggedIn("alice", "bob")[0]
        let input = [
            #"{"id":"first","cmd":["msg","send","bob","before"]}"#,
            #"{"id":"long","cmd":["wait","--since","now","--from","bob","--timeout","20s"]}"#,
            #"{"id":"never","cmd":["msg","send","bob","after"]}"#,
        ].joined(separator: "\n") + "\n"
        let result = try await alice.run("batch", "--deadline", "2s", stdin: input)
        #expect(result.exitCode == 124, "\(result.stderr)")
        let lines = try result.lines()
        #expect(lines.map { $0["id"] as? String } == ["first", "long"], "\(result.stdout)")
        let cut = lines.last?["error"] as? [String: Any]
        #expect(cut?["code"] as? Int == 301)
        #expect(cut?["exitCode"] as? Int == 124)
    }
}

