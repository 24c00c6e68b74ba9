#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one JSON configuration both sides use on the wire: compact, no escaped slashes. Wire bytes come from
/// ``StreamingJSONEncoder`` (keys in declaration order; dictionaries sorted) and are read by ``JSONParser`` and
/// ``JSONValueDecoder``; `encoder(pretty:)` is Foundation's encoder with sorted keys, for output people read.
public enum WireJSON {
    /// A new encoder for wire and CLI output.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A new decoder for wire input.
    public static func decoder() -> JSONDecoder {
        JSONDecoder()
    }

    /// Encodes a value to compact JSON bytes.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(try StreamingJSONEncoder.encode(value))
    }

    /// Decodes a value from JSON bytes (``JSONParser`` and ``JSONValueDecoder``).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONValueDecoder.decode(type, from: JSONParser.parse(data))
    }

    /// Encodes a value to a compact JSON string.
    public static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try StreamingJSONEncoder.encode(value), as: UTF8.self)
    }
}
