import IMClient
import IMCore
/// Reading passwords and tokens from stdin or a file, never from a visible flag (cli-conventions §6).
enum Secrets {
    /// `--password-stdin`.
    static let passwordStdin = Option(long: "password-stdin", help: "Read the password from standard input.")
    /// `--password-file PATH`.
    static let passwordFile = Option(
        long: "password-file", value: "PATH", help: "Read the password from a file.", completion: .file)
    /// `--token-stdin`.
    static let tokenStdin = Option(long: "token-stdin", help: "Read the token from standard input.")
    /// `--token-file PATH`.
    static let tokenFile = Option(
        long: "token-file", value: "PATH", help: "Read the token from a file.", env: "IMCTL_TOKEN_FILE",
        completion: .file)

    /// The secret from `--<kind>-stdin` or `--<kind>-file`, or nil when neither was given.
    /// A secret file must not be writable by others (exit 4).
    static func read(_ kind: String, _ invocation: Invocation, _ context: Context) throws -> String? {
        try requireOneSource(invocation)
        if invocation.flag("\(kind)-stdin") {
            return try nonEmpty(context.io.stdin.readAll(), source: "standard input")
        }
        if let path = invocation.value("\(kind)-file") {
            try SecureFile.checkPrivate(path)
            guard let text = try SecureFile.read(path) else {
                throw UsageError.invalidValue(option: "--\(kind)-file", value: path, reason: "no such file")
            }
            return try nonEmpty(text, source: path)
        }
        return nil
    }

    /// The password, required.
    static func password(_ invocation: Invocation, _ context: Context) throws -> String {
        guard let password = try read("password", invocation, context) else {
            throw UsageError.other("give the password with --password-stdin or --password-file")
        }
        return password
    }

    /// A password or a token (exactly one), for commands that accept either.
    static func passwordOrToken(_ invocation: Invocation, _ context: Context) throws -> (password: String?, token: String?) {
        if let password = try read("password", invocation, context) { return (password, nil) }
        if let token = try read("token", invocation, context) { return (nil, token) }
        if let token = context.environment["IMCTL_TOKEN"], !token.isEmpty { return (nil, token) }
        throw UsageError.other("give a password (--password-stdin, --password-file) or a token (--token-stdin, --token-file)")
    }

    /// Two secret sources on one command line are a mistake, not a choice to make silently.
    private static func requireOneSource(_ invocation: Invocation) throws(UsageError) {
        let given = ["password-stdin", "password-file", "token-stdin", "token-file"].filter { invocation.isExplicit($0) }
        if given.count > 1 {
            throw .other("give one secret source, not " + given.map { "--" + $0 }.joined(separator: " and "))
        }
    }

    private static func nonEmpty(_ text: String, source: String) throws -> String {
        var secret = Substring(text)
        while let last = secret.last, last.isNewline { secret = secret.dropLast() }
        guard !secret.isEmpty else { throw UsageError.other("the secret read from \(source) is empty") }
        return String(secret)
    }
}
