import Foundation
import Testing

@Suite("errors: documented exit codes and the JSON error envelope", .timeLimit(.minutes(2)))
struct ErrorExitCodeTests {
    private func expectEnvelope(_ result: RunResult, exit: Int32, code: Int? = nil, status: Int?? = .none) throws {
        #expect(result.exitCode == exit, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let envelope = try result.errorEnvelope()
        #expect(envelope["exitCode"] as? Int == Int(exit))
        let error = try #require(envelope["error"] as? [String: Any])
        #expect(error["message"] is String)
        if let code { #expect(error["code"] as? Int == code) }
        if let status { #expect(error["status"] as? Int == status, "\(error)") }
    }

    @Test("usage errors exit 2")
    func usage() async throws {
        let world = try await World()
        let shell = world.user("nobody")
        try expectEnvelope(try await shell.run("frobnicate"), exit: 2)
        try expectEnvelope(try await shell.run("msg", "send", "bob", "hi", "--no-such-flag"), exit: 2)
    }

    @Test("wrong password exits 4, unknown user exits 3")
    func authentication() async throws {
        let world = try await World()
        _ = try await world.loggedIn("alice")
        let shell = world.user("stranger")
        try expectEnvelope(try await shell.run("login", "alice", "--password-stdin", stdin: "wrong\n"), exit: 4, code: 202, status: 401)
        try expectEnvelope(try await shell.run("login", "ghost", "--password-stdin", stdin: "x\n"), exit: 3, code: 204)
    }

    @Test("server not running exits 10; the envelope's status is null, as no HTTP answer came")
    func unavailable() async throws {
        let world = try await World()
        let alice = try await world.loggedIn("alice")[0]
        await world.server.stop()
        try expectEnvelope(try await alice.run("msg", "send", "alice", "anyone there?", "--timeout", "5s"), exit: 10, code: 300, status: .some(nil))
    }

    @Test("a second imctl serve on a data directory in use, or on a taken address, exits 1 saying why; the first keeps serving")
    func secondServer() async throws {
        let world = try await World()
        let environment = ["IMCTL_OUTPUT": "json", "PATH": "/usr/bin:/bin"]
        let serve = { (listen: String, dataDirectory: String) in
            try await offPool {
                try runProcess(Binary.imctl, ["serve", "--listen", listen, "--data-dir", dataDirectory], environment: environment, timeLimit: 20)
            }
        }
        let sameDirectory = try await serve("127.0.0.1:0", world.server.dataDirectory)
        try expectEnvelope(sameDirectory, exit: 1, code: 1)
        #expect(sameDirectory.stderr.contains("another imctl serve (pid \(world.server.pid)) is using the data directory"))

        let address = world.server.url.replacingOccurrences(of: "http://", with: "")
        let sameAddress = try await serve(address, world.directory.sub("other-server"))
        try expectEnvelope(sameAddress, exit: 1, code: 1)
        #expect(sameAddress.stderr.contains("cannot listen on \(address): the address is already in use"))

        let alice = try await world.loggedIn("alice")[0]
        #expect(try await alice.run("msg", "send", "alice", "still here").exitCode == 0)
    }

    @Test("serve on a data directory it cannot use exits 1 naming the path and the reason")
    func unusableDataDirectory() async throws {
        let directory = try TempDirectory()
        let file = directory.sub("plain-file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let garbage = directory.sub("garbage")
        try FileManager.default.createDirectory(atPath: garbage, withIntermediateDirectories: true)
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: garbage + "/server.sqlite"))
        let cases = [
            (file, "\(file) is not a directory"),
            (file + "/sub", "cannot create directory \(file)/sub: Not a directory"),
            (garbage, "cannot open the database \(garbage)/server.sqlite: "),
        ]
        for (dataDirectory, message) in cases {
            let result = try await offPool {
                try runProcess(
                    Binary.imctl, ["serve", "--listen", "127.0.0.1:0", "--data-dir", dataDirectory],
                    environment: ["IMCTL_OUTPUT": "json", "PATH": "/usr/bin:/bin"], timeLimit: 20)
            }
            try expectEnvelope(result, exit: 1, code: 1)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }

    @Test("rate-limited sends: retried after the server's Retry-After by default; --max-rate-wait 0 fails at once with 502")
    func maxRateWait() async throws {
        let world = try await World()
        #expect(try await world.admin("settings", "set", "sendRatePerSecond=1").exitCode == 0)
        let alice = try await world.loggedIn("alice", "bob")[0]
        // One process sends back to back, so its sends fall into at most two of the server's one-second windows.
        func steps(_ count: Int) -> String {
            (1...count).map { #"{"id":"\#($0)","cmd":["msg","send","bob","n\#($0)"]}"# }.joined(separator: "\n") + "\n"
        }
        let patient = try await alice.run("batch", stdin: steps(2))
        #expect(try patient.lines().map { $0["ok"] as? Bool } == [true, true], "\(patient.stdout)")
        let impatient = try await alice.run("batch", "--max-rate-wait", "0", stdin: steps(3))
        let errors = try impatient.lines().compactMap { $0["error"] as? [String: Any] }
        #expect(errors.contains { $0["code"] as? Int == 502 }, "\(impatient.stdout)")
        #expect(errors.allSatisfy { $0["code"] as? Int != 502 || $0["retryAfter"] as? Int == 1 }, "rate-limit errors say when to retry: \(errors)")
        // A step's own --max-rate-wait holds for its requests, though every step shares the batch's client.
        let stepwise = (1...3).map { #"{"id":"\#($0)","cmd":["msg","send","bob","s\#($0)","--max-rate-wait","0"]}"# }
        let impatientSteps = try await alice.run("batch", stdin: stepwise.joined(separator: "\n") + "\n")
        let stepErrors = try impatientSteps.lines().compactMap { $0["error"] as? [String: Any] }
        #expect(stepErrors.contains { $0["code"] as? Int == 502 }, "\(impatientSteps.stdout)")
        try expectEnvelope(try await alice.run("msg", "send", "bob", "x", "--max-rate-wait", "soon"), exit: 2)
    }

    @Test("wait and events timeouts exit 124 with the envelope; wait --timeout 0 with nothing pending exits 8")
    func waitTimeout() async throws {
        let world = try await World()
        let alice = try await world.loggedIn("alice")[0]
        try expectEnvelope(try await alice.run("wait", "--since", "now", "--from", "bob", "--timeout", "1s"), exit: 124)
        let events = try await alice.run("events", "--since", "now", "--type", "onMessagesReceived", "--timeout", "1s")
        #expect(events.exitCode == 124)
        #expect((try events.errorEnvelope()["exitCode"] as? Int) == 124)
        #expect(try await alice.run("wait", "--since", "now", "--from", "bob", "--timeout", "0").exitCode == 8)
    }
}
