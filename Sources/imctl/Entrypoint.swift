import IMCLI

#if canImport(Glibc)
import Glibc
#endif

@main
struct Entrypoint {
    static func main() async {
        await IMCLI.runAndExit(
            arguments: Array(CommandLine.arguments.dropFirst()),
            environment: currentEnvironment,
            io: .standard(),
            extraCommands: [.serve(run: ServeCommand.run)]
        )
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
