import IMClient
import IMCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Command {
    /// `imctl api METHOD PATH [--data JSON|@FILE|-]`.
    static let api = Command(
        name: "api",
        summary: "Call any server endpoint and print its JSON answer.",
        discussion: """
            Sends METHOD PATH to the profile's server with the app key and, when the profile is logged in, its \
            session; docs/openapi.yaml lists the endpoints. PATH starts with / and may carry a query, already \
            percent-encoded. The answer's JSON is printed as it came (json output; --fields applies), other text \
            as it is; a binary answer is refused (exit 1). An error answer gives the usual error envelope and exit \
            code. Only GET is retried; GET takes no --data.
            """,
        arguments: [
            Argument("method", help: "GET, POST, PUT, PATCH or DELETE.", completion: .choices(ApiCommand.methods)),
            Argument("path", help: "The endpoint, e.g. /v1/conversations?pageSize=5."),
        ],
        options: [
            Option(long: "data", value: "JSON", help: "The JSON request body: the text itself, @FILE, or - for stdin."),
            Option(
                long: "header", short: "H", value: "'NAME: VALUE'", help: "An extra request header, e.g. the X-IM-File-Secret of a download.",
                isRepeatable: true),
        ],
        examples: [
            Example("imctl api GET '/v1/conversations?pageSize=5' | jq '.data[].unreadCount'", "Read the server list's first page."),
            Example(#"imctl api POST /v1/messages --data '{"to":"bob","body":{"type":"text","content":"hi"}}'"#, "Send a message by hand."),
        ],
        run: { invocation, context in try await ApiCommand.run(invocation, context) }
    )
}

/// The `api` command's action.
enum ApiCommand {
    static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]

    static func run(_ invocation: Invocation, _ context: Context) async throws -> Int32 {
        let method = invocation.argument("method")!.uppercased()
        guard methods.contains(method) else {
            throw UsageError.invalidValue(option: "METHOD", value: method, reason: "expected one of \(methods.joined(separator: ", "))")
        }
        let path = invocation.argument("path")!
        guard path.hasPrefix("/"), !path.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true }) else {
            throw UsageError.invalidValue(option: "PATH", value: path, reason: "expected an absolute path such as /v1/conversations, without spaces")
        }
        if method == "GET", invocation.value("data") != nil {
            throw UsageError.other("GET takes no --data; put the parameters in the PATH's query")
        }
        let body = try invocation.value("data").map { try requestBody($0, context) }
        let headers = try invocation.values("header").map(header)
        let client = try context.chatClient(invocation)
        let answer = try await client.callAPI(method, path, body: body, headers: headers)
        if answer.isEmpty { return ExitCode.success }
        if let json = try? WireJSON.decode(JSONValue.self, from: Data(answer)) { return try context.print(json) }
        guard let text = String(validating: answer, as: UTF8.self) else {
            throw CLIError(
                code: .generalError, message: "the answer is \(answer.count) bytes of binary data, which api does not print",
                hint: "Download attachments with 'imctl msg download MSGID'.")
        }
        try context.io.stdout.write(text)
        return ExitCode.success
    }

    /// Headers imctl sets itself, from the profile and the body.
    static let ownHeaders: Set<String> = ["authorization", "x-im-app", "x-im-resource", "content-type", "content-length", "host"]

    /// One `--header 'Name: value'`: a token name, a value without line breaks, not one of ``ownHeaders``.
    private static func header(_ text: String) throws(UsageError) -> (name: String, value: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        let name = parts.first.map { String($0) } ?? ""
        let value = parts.count == 2 ? parts[1].drop { $0 == " " || $0 == "\t" } : ""
        let separators = Set("()<>@,;:\\\"/[]?={}".unicodeScalars)
        let isToken = !name.isEmpty && name.unicodeScalars.allSatisfy { (0x21..<0x7F).contains($0.value) && !separators.contains($0) }
        guard parts.count == 2, isToken, !value.contains(where: \.isNewline) else {
            throw .invalidValue(option: "--header", value: text, reason: "expected 'Name: value'")
        }
        guard !ownHeaders.contains(name.lowercased()) else {
            throw .invalidValue(option: "--header", value: text, reason: "imctl sets \(name) itself")
        }
        return (name, String(value))
    }

    /// The `--data` value: JSON text, `@FILE` or `-` (stdin); it must be JSON (exit 2 before anything is sent).
    private static func requestBody(_ value: String, _ context: Context) throws -> [UInt8] {
        let text: String
        if value == "-" {
            text = context.io.stdin.readAll()
        } else if value.hasPrefix("@") {
            let path = String(value.dropFirst())
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageError.invalidValue(option: "--data", value: value, reason: "cannot read '\(path)'")
            }
            text = String(decoding: data, as: UTF8.self)
        } else {
            text = value
        }
        guard (try? WireJSON.decode(JSONValue.self, from: Data(text.utf8))) != nil else {
            throw UsageError.invalidValue(option: "--data", value: value.count > 40 ? String(value.prefix(40)) + "…" : value, reason: "not JSON")
        }
        return Array(text.utf8)
    }
}
