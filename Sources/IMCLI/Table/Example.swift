/// One usage example shown in help and the man page.
public struct Example: Sendable, Hashable {
    /// The command line.
    public var command: String
    /// What it does, one sentence.
    public var explanation: String

    /// Creates an example.
    public init(_ command: String, _ explanation: String) {
        self.command = command
        self.explanation = explanation
    }
}
