import IMCore

/// Apertium run locally: Debian's `apertium` script with its installed language pairs. The languages are the
/// targets of the installed modes (`apertium -l`: `eng-spa`, `spa-eng_US`, …); a translation runs
/// `apertium -u <mode>` with the text on stdin.
struct ApertiumProvider: TranslationProvider {
    /// The `apertium` program (looked up on PATH).
    var command = "apertium"
    /// The longest one `apertium` run may take.
    var timeout: Duration = .seconds(20)

    var cacheKey: String { "apertium " + command }

    func targets() async throws -> [TranslationTarget] {
        let listing = try await run(["-l"], input: [])
        var modesByLanguage: [TranslateLanguage: [String]] = [:]
        for line in listing.split(whereSeparator: \.isNewline) {
            let mode = line.trimmingPrefix(while: \.isWhitespace)
            let sides = mode.split(separator: "-")
            // Debugging modes (`eng-spa-tagger`) have more than two parts; only translation directions count.
            guard sides.count == 2 else { continue }
            modesByLanguage[LanguageNames.language(String(sides[1])), default: []].append(String(mode))
        }
        return modesByLanguage.map { TranslationTarget(language: $0.key, providerCodes: $0.value.sorted()) }
            .sorted { $0.language.languageCode < $1.language.languageCode }
    }

    /// With several modes into the target (`eng-spa`, `cat-spa`), the source language is unknown: each one
    /// translates, and the one that leaves the fewest unknown words (marked `*`) wins.
    func translate(_ text: String, into target: TranslationTarget) async throws -> String {
        guard target.providerCodes.count > 1 else {
            return try await run(["-u", target.providerCodes[0]], input: Array(text.utf8))
        }
        var scored: [(mode: String, unknownWords: Int)] = []
        for mode in target.providerCodes {
            scored.append((mode, try await run([mode], input: Array(text.utf8)).count { $0 == "*" }))
        }
        let best = scored.min { $0.unknownWords < $1.unknownWords }?.mode ?? target.providerCodes[0]
        return try await run(["-u", best], input: Array(text.utf8))
    }

    private func run(_ arguments: [String], input: [UInt8]) async throws -> String {
        let output: Subprocess.Output
        do {
            output = try await Subprocess.run([command] + arguments, input: input, timeout: timeout)
        } catch let failure as Subprocess.Failure {
            throw ChatError.translationFailed(failure.description)
        }
        guard output.exitStatus == 0 else {
            throw ChatError.translationFailed("apertium exited with status \(output.exitStatus): \(output.errorText)")
        }
        return String(decoding: output.stdout, as: UTF8.self)
    }
}
