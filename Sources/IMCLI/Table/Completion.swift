/// How a shell completes an argument or option value.
public enum Completion: Sendable, Hashable {
    /// No completion.
    case none
    /// A file path.
    case file
    /// A directory path.
    case directory
    /// One of a fixed list of words.
    case choices([String])
    /// Words produced at completion time by the hidden `imctl __complete <key>` command.
    case dynamic(String)

    /// The keys `imctl __complete` knows.
    public static let dynamicKeys: Set<String> = ["users", "conversations", "profiles"]
}
