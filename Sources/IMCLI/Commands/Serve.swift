import IMCore

extension Command {
    /// `imctl serve`: declared here so help, the man page and completions list it; the `imctl` executable supplies `run`,
    /// because only it links the server (client commands never pay for it).
    public static func serve(run: Run?) -> Command {
        Command(
            name: "serve",
            summary: "Run the imctl server in the foreground.",
            discussion: """
                Serves the REST API and the long-poll event channel, storing everything in SQLite under the data \
                directory. On first start it writes the operator credentials to DIR/operator.json (mode 0600), which \
                'imctl admin' reads. SIGINT or SIGTERM stop it gracefully: held event requests are answered at once.
                """,
            options: [
                Option(long: "listen", value: "HOST:PORT", help: "Address to listen on; port 0 picks a free port.", env: "IMCTL_LISTEN"),
                Option(long: "data-dir", value: "DIR", help: "Data directory (default $XDG_DATA_HOME/imctl/server).", completion: .directory),
                Option(long: "log-level", value: "LEVEL", help: "trace, debug, info, notice, warning, error or critical.",
                       completion: .choices(["trace", "debug", "info", "notice", "warning", "error", "critical"])),
                Option(long: "ready-file", value: "PATH", help: "Write HOST:PORT to PATH once the server listens.", completion: .file),
                Option(long: "password-hash-iterations", value: "N", help: "PBKDF2 iterations for new password hashes.", isHidden: true),
            ],
            examples: [
                Example("imctl serve --listen 127.0.0.1:8480", "Serve on the default port."),
                Example("imctl serve --listen 127.0.0.1:0 --ready-file /tmp/addr", "Serve on a free port and say which."),
            ],
            isOffline: true,
            run: run ?? { _, _ in throw CLIError(code: .generalError, message: "this build of imctl has no server", exitCode: ExitCode.failure) }
        )
    }
}
