/// Parses durations as the CLI accepts them: `500ms`, `30s`, `2m`, `1h`, or a plain number of seconds.
enum DurationParser {
    /// The duration, or nil when `text` is not one.
    static func parse(_ text: String) -> Duration? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let number = Double(text.dropLast(suffix.count)), number >= 0 else { return nil }
            return .milliseconds(Int64((number * scale * 1000).rounded()))
        }
        guard let seconds = Double(text), seconds >= 0 else { return nil }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// Parses the value of `option`, throwing a usage error when it is not a duration.
    static func require(_ text: String, option: String) throws(UsageError) -> Duration {
        guard let duration = parse(text) else {
            throw .invalidValue(option: option, value: text, reason: "expected a duration such as 30s, 2m or 500ms")
        }
        return duration
    }
}
