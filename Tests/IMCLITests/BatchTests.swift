#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
@testable import IMCLI
import IMCore
import Testing

@Suite("batch (local steps only)")
struct BatchTests {
    @Test("results in input order, one line each; failures become error objects and exit 9")
    func mixedResults() async throws {
        let input = """
            {"id":"a","cmd":["help","exit-codes"]}
            {"id":2,"cmd":["mgs","send"]}
            not json

            {"id":"d","cmd":["completion","tcsh"]}
            """
        let result = await CLIHarness().run(["batch"], stdin: input)
        #expect(result.status == 9)
        let lines = result.stdout.split(separator: "\n").map { try? WireJSON.decode(JSONValue.self, from: Array($0.utf8).data) }
        #expect(lines.count == 4)
        #expect(lines[0]?.lookup("id") == .string("a"))
        #expect(lines[0]?.lookup("ok") == .bool(true))
        #expect(lines[0]?.lookup("result")?.stringValue?.hasPrefix("EXIT CODES") == true)
        #expect(lines[1]?.lookup("id") == .int(2))
        #expect(lines[1]?.lookup("ok") == .bool(false))
        #expect(lines[1]?.lookup("error.code") == .int(110))
        #expect(lines[1]?.lookup("error.exitCode") == .int(2))
        #expect(lines[2]?.lookup("ok") == .bool(false))
        #expect(lines[3]?.lookup("id") == .string("d"))
        #expect(lines[3]?.lookup("error.name") == .string("INVALID_PARAM"))
    }

    @Test("a line that is not an operation keeps its id and gets exit code 2; batch and serve cannot be steps; lines over 1 MiB are refused")
    func badLines() async throws {
        let long = #"{"id":"long","cmd":["version","# + String(repeating: " ", count: BatchCommand.maxLineBytes) + #"]}"#
        let input = [
            #"{"id":"no-cmd"}"#, #"{"id":"string","cmd":"whoami"}"#, #"{"id":"empty","cmd":[]}"#, #"{"id":"nested","cmd":["batch"]}"#,
            #"{"id":"numbers","cmd":["version",1]}"#, #"[1]"#, long, #"{"id":"fine","cmd":["version"]}"#,
        ].joined(separator: "\n")
        let result = await CLIHarness().run(["batch"], stdin: input)
        #expect(result.status == 9)
        let lines = result.stdout.split(separator: "\n").compactMap { try? WireJSON.decode(JSONValue.self, from: Array($0.utf8).data) }
        #expect(lines.map { $0.lookup("id") } == [.string("no-cmd"), .string("string"), .string("empty"), .string("nested"), .string("numbers"), .null, .null, .string("fine")])
        for line in lines.dropLast() {
            #expect(line.lookup("ok") == .bool(false))
            #expect(line.lookup("error.exitCode") == .int(2))
            #expect(line.lookup("error.message")?.stringValue?.contains("DecodingError") == false)
        }
        #expect(lines.last?.lookup("ok") == .bool(true))
    }

    @Test("all steps succeeding: exit 0; empty input: no output, exit 0")
    func success() async {
        let harness = CLIHarness()
        let ok = await harness.run(["batch"], stdin: #"{"id":"v","cmd":["version"]}"# + "\n")
        #expect(ok.status == 0)
        #expect(ok.stdout == #"{"id":"v","ok":true,"result":"imctl \#(IMCLI.version)\n"}"# + "\n")
        let empty = await harness.run(["batch"], stdin: "")
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
    }
}

extension Array where Element == UInt8 {
    /// The bytes as Data, for WireJSON.
    var data: Data { Data(self) }
}
