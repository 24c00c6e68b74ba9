import IMCLI

#if canImport(Glibc)
import Glibc
#endif

@main
struct Entrypoint {
    static func main() async {
        let status = await IMCLI.run(
            arguments: Array(CommandLine.arguments.dropFirst()),
            environment: currentEnvironment,
            io: .standard(),
            extraCommands: [.serve(run: ServeCommand.run)]
        )
        // Everything is written and every store committed; skip the libraries' exit handlers (OpenSSL's clean-up
        // alone is a noticeable part of a one-shot command).
        fflush(nil)
        _exit(status)
    }

    private static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let separator = pair.firstIndex(of: "=") {
                result[String(pair[..<separator])] = String(pair[pair.index(after: separator)...])
            }
            pointer += 1
        }
        return result
    }
}
