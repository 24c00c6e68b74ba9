/// Parses durations as the CLI accepts them: `500ms`, `30s`, `2m`, `1h`, or a plain number of seconds.
enum DurationParser {
    /// The longest duration accepted: a year (8760h).
    static let longestMilliseconds: Double = 365 * 86_400_000

    /// The duration, or nil when `text` is not one (or is negative or longer than a year).
    static func parse(_ text: String) -> Duration? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        let scale = units.first { text.hasSuffix($0.0) }
        guard let number = Double(scale.map { text.dropLast($0.0.count) } ?? Substring(text)) else { return nil }
        let milliseconds = (number * (scale?.1 ?? 1) * 1000).rounded()
        guard milliseconds >= 0, milliseconds <= longestMilliseconds else { return nil }
        return .milliseconds(Int64(milliseconds))
    }

    /// Parses the value of `option`, throwing a usage error when it is not a duration.
    static func require(_ text: String, option: String) throws(UsageError) -> Duration {
        guard let duration = parse(text) else {
            throw .invalidValue(option: option, value: text, reason: "expected a duration such as 30s, 2m or 500ms, at most 8760h")
        }
        return duration
    }
}
