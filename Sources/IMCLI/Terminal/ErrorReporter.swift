import IMCore

/// Writes a failure to stderr: one JSON envelope line in json/ndjson mode or with IMCTL_ERROR_FORMAT=json,
/// else `imctl: <message>` and an optional `hint:` line (cli-conventions §3).
struct ErrorReporter {
    /// True for the JSON envelope.
    var json: Bool
    /// Where to write.
    var stderr: Writer

    /// Chooses the format from the output mode and environment.
    init(mode: OutputMode?, environment: [String: String], stderr: Writer) {
        json = mode == .json || mode == .ndjson || environment["IMCTL_ERROR_FORMAT"] == "json"
        self.stderr = stderr
    }

    /// Reports the error and returns its exit status. `usage` is the command's usage line for usage errors.
    func report(_ error: CLIError, usage: String? = nil) -> Int32 {
        if json {
            try? stderr.write(error.envelope.jsonText(pretty: false) + "\n")
            return error.exitCode
        }
        var text = "imctl: \(error.message)\n"
        if let usage { text += "usage: \(usage)\n" }
        if let hint = error.hint { text += usage == nil ? "hint: \(hint)\n" : "\(hint)\n" }
        try? stderr.write(text)
        return error.exitCode
    }

    /// Guesses the output mode from raw argv when parsing failed (for the error format). A value that is no mode is
    /// passed over (`msg download -o FILE` names a file).
    static func requestedMode(_ argv: [String], environment: [String: String]) -> OutputMode? {
        var requested = environment["IMCTL_OUTPUT"].flatMap(OutputMode.init(rawValue:))
        for (index, word) in argv.enumerated() {
            var candidate: String?
            if word.hasPrefix("--output=") { candidate = String(word.dropFirst(9)) }
            if (word == "-o" || word == "--output"), index + 1 < argv.count { candidate = argv[index + 1] }
            if word.hasPrefix("-o"), word.count > 2, !word.hasPrefix("--") { candidate = String(word.dropFirst(2)) }
            if let mode = candidate.flatMap(OutputMode.init(rawValue:)) { requested = mode }
        }
        return requested
    }
}
