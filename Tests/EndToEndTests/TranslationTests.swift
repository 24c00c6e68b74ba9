import Foundation
import Testing

@Suite("translation through the real imctl and server", .timeLimit(.minutes(2)))
struct TranslationEndToEndTests {
    /// Whether Debian's `apertium` is on PATH (CI installs it with the English–Spanish pair).
    static let apertiumInstalled = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/apertium") }

    private func errorCode(_ result: RunResult) throws -> Int? {
        #expect(result.stdout.isEmpty)
        return (try result.errorEnvelope()["error"] as? [String: Any])?["code"] as? Int
    }

    @Test(
        "Apertium: lang list, msg send --translate es, msg translate, msg edit translated again; unknown language exits 5 with 1110",
        .enabled(if: apertiumInstalled, "apertium is not installed (scripts/install-deps.sh installs apertium apertium-en-es)"))
    func apertium() async throws {
        let world = try await World()
        let configured = try await world.admin("settings", "set", "translationProvider=apertium")
        #expect(configured.exitCode == 0, "\(configured.stderr)")
        let shells = try await world.loggedIn("alice", "bob", "carol")
        let (alice, bob, carol) = (shells[0], shells[1], shells[2])

        let listed = try await bob.run("lang", "list")
        #expect(listed.exitCode == 0, "\(listed.stderr)")
        let languages = try #require(try listed.json() as? [[String: Any]])
        #expect(languages.contains { $0["languageCode"] as? String == "es" && $0["languageNativeName"] as? String == "Español" })

        let sent = try await alice.run("msg", "send", "bob", "I like green apples", "--translate", "es")
        #expect(sent.exitCode == 0, "\(sent.stderr)")
        let message = try #require((try sent.json() as? [String: Any])?["message"] as? [String: Any])
        let atSend = ((message["body"] as? [String: Any])?["translations"] as? [String: String])?["es"]
        #expect(atSend?.contains("manzanas verdes") == true, "translations at send: \(String(describing: atSend))")

        let msgId = try #require(message["msgId"] as? String)
        let translated = try await bob.run("msg", "translate", msgId, "es", "--fields", "body.translations")
        #expect(translated.exitCode == 0, "\(translated.stderr)")
        let spanish = ((try translated.json() as? [String: Any])?["body.translations"] as? [String: String])?["es"]
        #expect(spanish?.contains("manzanas verdes") == true, "msg translate printed: \(translated.stdout)")

        let unknown = try await bob.run("msg", "translate", msgId, "zz")
        #expect(unknown.exitCode == 5)
        #expect(try errorCode(unknown) == 1110)
        let stranger = try await carol.run("msg", "translate", msgId, "es")
        #expect(stranger.exitCode == 3)
        #expect(try errorCode(stranger) == 500)

        // An edit is translated again, into the languages the message was sent with; never kept from the old text.
        let edited = try await alice.run("msg", "edit", msgId, "I like red apples", "--fields", "message.body.translations")
        #expect(edited.exitCode == 0, "\(edited.stderr)")
        let atEdit = ((try edited.json() as? [String: Any])?["message.body.translations"] as? [String: String])?["es"]
        #expect(atEdit?.contains("manzanas rojas") == true, "translations at edit: \(edited.stdout)")
        let unknownAtEdit = try await alice.run("msg", "edit", msgId, "I like blue apples", "--translate", "zz")
        #expect(unknownAtEdit.exitCode == 5)
        #expect(try errorCode(unknownAtEdit) == 1110)
        #expect(try await alice.run("msg", "edit", msgId, "--translate", "es").exitCode == 2)
        // The size limit (510) counts the text, not the server's translations, as at send.
        let long = String(repeating: "green apples ", count: 380)
        let longEdit = try await alice.run("msg", "edit", msgId, long, "--translate", "es")
        #expect(longEdit.exitCode == 0, "\(longEdit.stderr)")

        // With the provider gone, an edit that names no languages still goes through, without translations.
        #expect(try await world.admin("settings", "set", "translationProvider=none").exitCode == 0)
        let untranslated = try await alice.run("msg", "edit", msgId, "I like yellow apples")
        #expect(untranslated.exitCode == 0, "\(untranslated.stderr)")
        let body = try #require(((try untranslated.json() as? [String: Any])?["message"] as? [String: Any])?["body"] as? [String: Any])
        #expect(body["content"] as? String == "I like yellow apples" && body["translations"] == nil)
    }

    @Test("no provider: lang list prints [], msg translate and send --translate exit 5 with 1111")
    func withoutProvider() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])
        let listed = try await bob.run("lang", "list")
        #expect(listed.exitCode == 0, "\(listed.stderr)")
        #expect(listed.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")

        let sent = try await alice.run("msg", "send", "bob", "hello")
        let msgId = try #require(((try sent.json() as? [String: Any])?["message"] as? [String: Any])?["msgId"] as? String)
        let translated = try await bob.run("msg", "translate", msgId, "es")
        #expect(translated.exitCode == 5)
        #expect(try errorCode(translated) == 1111)
        let refused = try await alice.run("msg", "send", "bob", "hello", "--translate", "es")
        #expect(refused.exitCode == 5)
        #expect(try errorCode(refused) == 1111)
        let usage = try await alice.run("msg", "send", "bob", "--type", "cmd", "--action", "typing", "--translate", "es")
        #expect(usage.exitCode == 2)
    }
}
