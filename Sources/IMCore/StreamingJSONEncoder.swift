/// A compact JSON encoder that writes bytes as `encode(to:)` runs, without building a tree of boxed values first.
///
/// Foundation's `JSONEncoder` boxes every value into an intermediate tree and sorts keys, which made JSON the
/// largest CPU cost of a send on the server. This encoder writes object keys in the order `encode(to:)` encodes
/// them; dictionaries with `String` keys (and ``JSONValue`` objects) are written with sorted keys so their output
/// is stable. Slashes are not escaped; non-finite floating-point values throw, as with `JSONEncoder`.
///
/// Containers must be used in order (a nested container is finished once its parent encodes the next value), which
/// is how synthesized and hand-written `encode(to:)` implementations use them.
public enum StreamingJSONEncoder {
    /// The compact JSON bytes of `value`.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = JSONSink()
        try sink.encodeValue(value, depth: 0)
        sink.close(deeperThan: -1)
        return sink.bytes
    }
}

/// The output buffer and the stack of containers that are still open.
final class JSONSink {
    var bytes: [UInt8] = []
    private var open: [Frame] = []

    init() {
        bytes.reserveCapacity(512)
    }

    struct Frame {
        var depth: Int
        var isObject: Bool
        var count = 0
    }

    /// Closes every open container deeper than `depth` (their parent is writing again, or encoding ended).
    func close(deeperThan depth: Int) {
        while let last = open.last, last.depth > depth {
            bytes.append(last.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            open.removeLast()
        }
    }

    /// Opens a container at `depth` unless the same kind is already open there (a type that asks its encoder for a
    /// second keyed container continues the same object). Returns the frame index.
    func openContainer(depth: Int, isObject: Bool) -> Int {
        close(deeperThan: depth)
        if let last = open.last, last.depth == depth, last.isObject == isObject { return open.count - 1 }
        bytes.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append(Frame(depth: depth, isObject: isObject))
        return open.count - 1
    }

    /// Starts the next element of the container open at `depth`: closes deeper ones and writes the separator.
    func beginElement(depth: Int) {
        close(deeperThan: depth)
        guard let index = open.indices.last, open[index].depth == depth else { return }
        if open[index].count > 0 { bytes.append(UInt8(ascii: ",")) }
        open[index].count += 1
    }

    /// Writes `"key":`.
    func writeKey(_ key: String) {
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes one value that lives at `depth`; an `encode(to:)` that writes nothing becomes `{}`.
    func encodeValue<T: Encodable>(_ value: T, depth: Int) throws {
        if try writeFast(value) { return }
        let start = bytes.count
        try value.encode(to: StreamingEncoderImpl(sink: self, depth: depth))
        close(deeperThan: depth - 1)
        if bytes.count == start { bytes.append(contentsOf: "{}".utf8) }
    }

    /// Writes the common leaf and JSON types directly. Returns false for anything else.
    private func writeFast<T: Encodable>(_ value: T) throws -> Bool {
        switch value {
        case let value as String: writeString(value)
        case let value as Int64: bytes.append(contentsOf: String(value).utf8)
        case let value as Int: bytes.append(contentsOf: String(value).utf8)
        case let value as Bool: bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case let value as JSONValue: try writeJSONValue(value)
        case let value as [String: String]: writeSortedObject(value) { self.writeString($0) }
        case let value as [String: JSONValue]: try writeSortedObject(value) { try self.writeJSONValue($0) }
        default: return false
        }
        return true
    }

    func writeJSONValue(_ value: JSONValue) throws {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): bytes.append(contentsOf: String(number).utf8)
        case .double(let number): try writeDouble(number)
        case .string(let text): writeString(text)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try writeJSONValue(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let fields): try writeSortedObject(fields) { try self.writeJSONValue($0) }
        }
    }

    private func writeSortedObject<V>(_ fields: [String: V], _ writeValue: (V) throws -> Void) rethrows {
        bytes.append(UInt8(ascii: "{"))
        for (index, key) in fields.keys.sorted().enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            writeKey(key)
            try writeValue(fields[key]!)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    func writeDouble(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not valid JSON"))
        }
        // `description` keeps the fraction of an integral double ("1.0"), so a double reads back as a double.
        bytes.append(contentsOf: value.description.utf8)
    }

    func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
