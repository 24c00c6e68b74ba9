import IMClient
import IMCore

/// What a command's run function gets besides its ``Invocation``: streams, environment, output, clients.
public struct Context: Sendable {
    /// Standard streams.
    public var io: IO
    /// The process environment.
    public var environment: [String: String]
    /// The whole command tree (for `help`, completions, `batch`).
    public var root: Command
    /// The stdout writer in the selected mode.
    public var output: Output
    /// A client shared by every step of `batch` (one connection); nil otherwise.
    var sharedClient: ChatClient?
    /// Keeps the clients made here until the process exits (one-shot commands); nil in tests and `batch` steps.
    var lifetime: ProcessLifetime?

    /// Resolves server, app, profile and paths (reads `config.json`).
    public func settings(_ invocation: Invocation) throws -> Settings {
        try Settings.resolve(invocation, environment: environment)
    }

    /// The profile's chat client. Refuses a credentials file others can write (exit 4).
    public func chatClient(_ invocation: Invocation) throws -> ChatClient {
        if let sharedClient {
            // The shared client is already bound to the batch's server, app and profile; a step cannot change them.
            if let option = ["server", "app", "profile"].first(where: invocation.isExplicit) {
                throw UsageError.other("--\(option) applies to the whole batch: give it to 'imctl batch', not to a step")
            }
            return sharedClient
        }
        let settings = try settings(invocation)
        if isVerbose(invocation) {
            io.warn("imctl: profile \(settings.profile), server \(settings.server), app \(settings.app ?? "(none)")")
        }
        try SecureFile.checkPrivate(settings.credentialsFile)
        do {
            let client = try ChatClient(options: try settings.chatOptions(debug: httpTrace))
            lifetime?.keep(client)
            return client
        } catch let error as ChatError {
            throw CLIError(error)
        }
    }

    /// In a `batch` step, the step's own `--timeout` and `--max-rate-wait` for the shared client's requests; the
    /// client's own limits otherwise.
    func batchStepLimits(_ invocation: Invocation) throws(UsageError) -> RequestLimits {
        guard sharedClient != nil else { return RequestLimits() }
        func explicit(_ long: String) -> String? { invocation.isExplicit(long) ? invocation.value(long) : nil }
        return RequestLimits(
            timeout: try Settings.requestTimeout(explicit("timeout")), maxRateWait: try Settings.maxRateWait(explicit("max-rate-wait")))
    }

    /// A logged-in chat client: exit 4 when the profile has no stored login.
    public func loggedInClient(_ invocation: Invocation) throws -> ChatClient {
        let client = try chatClient(invocation)
        guard try client.loadStoredLogin() != nil else {
            throw CLIError.authentication(
                "not logged in (profile \(try settings(invocation).profile))",
                hint: "Run 'imctl login USER --password-stdin' first.")
        }
        return client
    }

    /// Prints a command's result in the output mode and returns exit status 0.
    public func print(_ value: some Encodable, shape: Shape = .plain) throws -> Int32 {
        try output.emit(value, shape: shape)
        return ExitCode.success
    }

    /// The `IMCTL_DEBUG=http` trace writer, or nil.
    var httpTrace: (@Sendable (String) -> Void)? {
        guard environment["IMCTL_DEBUG"]?.split(separator: ",").contains("http") == true else { return nil }
        let io = io
        return { line in io.warn("imctl: " + line) }
    }

    /// True with `-v`.
    func isVerbose(_ invocation: Invocation) -> Bool { invocation.flag("verbose") }

    /// The same context writing stdout elsewhere (batch steps).
    func redirected(stdout: Writer, stderr: Writer, jsonErrors: Bool) -> Context {
        var copy = self
        copy.io.stdout = stdout
        copy.io.stderr = stderr
        copy.io.stdoutIsTTY = false
        copy.output.stdout = stdout
        copy.output.pretty = false
        if jsonErrors { copy.environment["IMCTL_ERROR_FORMAT"] = "json" }
        return copy
    }
}
