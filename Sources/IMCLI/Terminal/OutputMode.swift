/// How data is written to stdout (cli-conventions §2).
public enum OutputMode: String, Sendable, Hashable, CaseIterable {
    /// Aligned columns for people (the default on a terminal).
    case table
    /// One JSON document (the default when piped).
    case json
    /// One JSON object per line.
    case ndjson
    /// Tab-separated values, no header.
    case tsv
    /// One id per line.
    case id

    /// The mode for an invocation: `-o`/IMCTL_OUTPUT, else table on a terminal and json otherwise.
    static func resolve(_ requested: String?, stdoutIsTTY: Bool) throws(UsageError) -> OutputMode {
        guard let requested else { return stdoutIsTTY ? .table : .json }
        guard let mode = OutputMode(rawValue: requested) else {
            throw .invalidValue(option: "--output", value: requested, reason: "expected table, json, ndjson, tsv or id")
        }
        return mode
    }
}
