import IMCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Hides secrets in debug traces: credentials in headers, passwords, tokens and secrets in JSON bodies.
enum Redaction {
    static let placeholder = "<redacted>"
    private static let secretKeys: Set<String> = ["password", "token", "clientSecret"]

    /// The header value to print.
    static func header(_ name: String, _ value: String) -> String {
        guard name.lowercased() == "authorization" else { return value }
        let scheme = value.split(separator: " ").first.map(String.init) ?? ""
        return "\(scheme) \(placeholder)"
    }

    /// The body to print: JSON with secret fields replaced, or a byte count for anything else.
    static func body(_ data: Data) -> String {
        guard let value = try? WireJSON.decode(JSONValue.self, from: data) else { return "(\(data.count) bytes)" }
        let redacted = redact(value)
        return (try? WireJSON.string(redacted)) ?? "(\(data.count) bytes)"
    }

    static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var result: [String: JSONValue] = [:]
            for (key, item) in object {
                result[key] = secretKeys.contains(key) && item.stringValue != nil ? .string(placeholder) : redact(item)
            }
            return .object(result)
        case .array(let items): return .array(items.map(redact))
        default: return value
        }
    }
}
