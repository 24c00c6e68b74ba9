/// A positional argument of a command.
public struct Argument: Sendable, Hashable {
    /// The name, lower-case; shown upper-case in usage (`TO`).
    public var name: String
    /// One-line help.
    public var help: String
    /// True when the argument may be left out.
    public var isOptional: Bool
    /// True when the argument takes every remaining word; only the last argument may be variadic.
    public var isVariadic: Bool
    /// How shells complete it.
    public var completion: Completion

    /// Creates an argument.
    public init(
        _ name: String,
        help: String,
        isOptional: Bool = false,
        isVariadic: Bool = false,
        completion: Completion = .none
    ) {
        self.name = name
        self.help = help
        self.isOptional = isOptional
        self.isVariadic = isVariadic
        self.completion = completion
    }

    /// The usage spelling: `TO`, `[TEXT]`, `KEY=VALUE...`.
    public var usage: String {
        let word = name.uppercased() + (isVariadic ? "..." : "")
        return isOptional ? "[\(word)]" : word
    }
}
