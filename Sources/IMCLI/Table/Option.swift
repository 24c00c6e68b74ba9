/// A named option or flag of a command (`--long`, `-s`).
public struct Option: Sendable, Hashable {
    /// The long name without dashes.
    public var long: String
    /// The one-letter short name, if any.
    public var short: Character?
    /// The value placeholder (`URL`), or nil for a flag.
    public var value: String?
    /// One-line help.
    public var help: String
    /// True when the option may be given several times; every value is kept.
    public var isRepeatable: Bool
    /// An environment variable that supplies the value when the option is absent.
    public var env: String?
    /// How shells complete the value.
    public var completion: Completion
    /// Hidden options are parsed but not shown in help, man page or completions.
    public var isHidden: Bool
    /// Other long names accepted for the same option.
    public var aliases: [String]

    /// Creates an option.
    public init(
        long: String,
        short: Character? = nil,
        value: String? = nil,
        help: String,
        isRepeatable: Bool = false,
        env: String? = nil,
        completion: Completion = .none,
        isHidden: Bool = false,
        aliases: [String] = []
    ) {
        self.long = long
        self.short = short
        self.value = value
        self.help = help
        self.isRepeatable = isRepeatable
        self.env = env
        self.completion = completion
        self.isHidden = isHidden
        self.aliases = aliases
    }

    /// True for a flag (takes no value).
    public var isFlag: Bool { value == nil }

    /// The spelling in help: `-o, --output MODE`.
    public var label: String {
        var text = short.map { "-\($0), " } ?? ""
        text += "--\(long)"
        if let value { text += " \(value)" }
        return text
    }
}
