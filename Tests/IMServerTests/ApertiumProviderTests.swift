import Glibc
import IMCore
import Testing

@testable import IMServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite("ApertiumProvider: modes, language codes and the choice among several pairs", .timeLimit(.minutes(1)))
struct ApertiumProviderTests {
    /// A stand-in `apertium` script: lists `eng-spa`, `cat-spa`, `spa-eng_US` and a debugging mode; `eng-spa` leaves
    /// every word unknown, `cat-spa` knows them. It logs its arguments, one run per line.
    private func withFakeApertium(_ body: (ApertiumProvider, String) async throws -> Void) async throws {
        let directory = "/tmp/imserver-apertium-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { _ = try? FileManager.default.removeItem(atPath: directory) }
        let script = """
            #!/bin/sh
            echo "$*" >> \(directory)/log
            case "$*" in
              -l) printf '  eng-spa\\n  cat-spa\\n  spa-eng_US\\n  eng-spa-tagger\\n' ;;
              eng-spa|"-u eng-spa") sed 's/[a-z]*/*&/g' ;;
              *) sed 's/^/ok:/' ;;
            esac
            """
        let provider = try await Self.runnableScript(script, at: directory + "/apertium")
        _ = unlink(directory + "/log")
        try await body(provider, directory + "/log")
    }

    /// Writes an executable script and returns a provider running it once it runs. Tests run in parallel, and a child
    /// another test forks holds every descriptor open until it execs: running a file that one holds open for writing
    /// fails with ETXTBSY. The script is written through a close-on-exec descriptor, so such a hold lasts only until
    /// that child's exec, and the first run is retried meanwhile.
    private static func runnableScript(_ script: String, at path: String) async throws -> ApertiumProvider {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        try #require(descriptor >= 0, "cannot create \(path)")
        let written = script.utf8.withContiguousStorageIfAvailable { write(descriptor, $0.baseAddress, $0.count) } ?? -1
        close(descriptor)
        try #require(written == script.utf8.count, "cannot write \(path)")
        let provider = ApertiumProvider(command: path)
        for _ in 0..<100 {
            do {
                _ = try await provider.targets()
                break
            } catch let error as ChatError where error.description.contains("Text file busy") {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        return provider
    }

    @Test("targets: one per target language, ISO 639-1 codes, variants kept, debugging modes skipped")
    func targets() async throws {
        try await withFakeApertium { provider, _ in
            let targets = try await provider.targets()
            #expect(targets.map(\.language.languageCode) == ["en-US", "es"])
            #expect(targets[0].language == TranslateLanguage(languageCode: "en-US", languageName: "English (US)", languageNativeName: "English (US)"))
            #expect(targets[1].providerCodes == ["cat-spa", "eng-spa"])
        }
    }

    @Test("several modes into the target: the one leaving the fewest unknown words translates, without marks")
    func choosesAmongPairs() async throws {
        try await withFakeApertium { provider, log in
            let spanish = try #require(try await provider.targets().first { $0.language.languageCode == "es" })
            #expect(try await provider.translate("bon dia", into: spanish) == "ok:bon dia")
            let runs = String(decoding: try #require(FileManager.default.contents(atPath: log)), as: UTF8.self)
            #expect(runs.split(separator: "\n").last == "-u cat-spa")
        }
    }

    @Test("a failing or missing apertium → 1113")
    func failures() async throws {
        let missing = ApertiumProvider(command: "/nonexistent/apertium")
        await #expect { try await missing.targets() } throws: { ($0 as? ChatError)?.code.rawValue == 1113 }
        let failing = ApertiumProvider(command: "false")
        await #expect { try await failing.targets() } throws: { ($0 as? ChatError)?.code.rawValue == 1113 }
    }
}
