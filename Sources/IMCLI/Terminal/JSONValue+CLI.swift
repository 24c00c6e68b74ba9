#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IMCore

extension JSONValue {
    /// The JSON form of any encodable value (as WireJSON writes it).
    static func encoding(_ value: some Encodable) throws -> JSONValue {
        if let value = value as? JSONValue { return value }
        return try WireJSON.decode(JSONValue.self, from: WireJSON.encode(value))
    }

    /// The value at a dotted path (`message.msgId`), or nil.
    func lookup(_ path: String) -> JSONValue? {
        if let exact = objectValue?[path] { return exact }
        var current: JSONValue? = self
        for key in path.split(separator: ".") {
            current = current?.objectValue?[String(key)]
        }
        return current
    }

    /// The array elements, or the value itself as the only record.
    var records: [JSONValue] {
        if case .array(let items) = self { return items }
        return [self]
    }

    /// Keeps only `fields` (dotted paths allowed) of each object.
    func projected(_ fields: [String]) -> JSONValue {
        switch self {
        case .array(let items): return .array(items.map { $0.projected(fields) })
        case .object:
            var result: [String: JSONValue] = [:]
            for field in fields { result[field] = lookup(field) ?? .null }
            return .object(result)
        default: return self
        }
    }

    /// The value as one line of text: strings bare, scalars as JSON, containers as compact JSON.
    var plainText: String {
        switch self {
        case .null: ""
        case .string(let text): text
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .array, .object: (try? WireJSON.string(self)) ?? ""
        }
    }

    /// Compact or indented JSON text, keys sorted. Compact text, what scripts read, comes from ``StreamingJSONEncoder``:
    /// Foundation's encoder costs a one-shot command about a millisecond of first-use runtime work.
    func jsonText(pretty: Bool) -> String {
        guard pretty else { return (try? WireJSON.string(self)) ?? "null" }
        guard let data = try? WireJSON.encoder(pretty: true).encode(self) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
