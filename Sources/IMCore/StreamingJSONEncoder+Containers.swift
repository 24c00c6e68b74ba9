/// The `Encoder` that ``StreamingJSONEncoder`` hands to `encode(to:)`: one per value, at that value's depth. It keeps
/// no coding path (building one allocates per value; only error messages would use it).
struct StreamingEncoderImpl: Encoder {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        _ = sink.openContainer(depth: depth, isObject: true)
        return KeyedEncodingContainer(StreamingKeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        _ = sink.openContainer(depth: depth, isObject: false)
        return StreamingUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamingSingleValueContainer(encoder: self)
    }

    /// An encoder for a value one level down (the element just begun).
    func child() -> StreamingEncoderImpl {
        StreamingEncoderImpl(sink: sink, depth: depth + 1)
    }
}

/// Writes one JSON scalar; shared by the three container kinds.
private protocol StreamingScalarWriter {
    var encoder: StreamingEncoderImpl { get }
}

extension StreamingScalarWriter {
    func write<T: BinaryInteger>(integer value: T) {
        encoder.sink.bytes.append(contentsOf: String(value).utf8)
    }

    func write(_ value: Bool) {
        encoder.sink.bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    func write(double value: Double) throws {
        try encoder.sink.writeDouble(value)
    }
}

private struct StreamingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol, StreamingScalarWriter {
    let encoder: StreamingEncoderImpl
    var codingPath: [any CodingKey] { [] }

    private func begin(_ key: Key) {
        encoder.sink.beginElement(depth: encoder.depth)
        encoder.sink.writeKey(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {
        begin(key)
        encoder.sink.bytes.append(contentsOf: "null".utf8)
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws { begin(key); write(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { begin(key); encoder.sink.writeString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { begin(key); try write(double: value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { begin(key); try write(double: Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { begin(key); write(integer: value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { begin(key); write(integer: value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { begin(key); write(integer: value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { begin(key); write(integer: value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { begin(key); write(integer: value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { begin(key); write(integer: value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { begin(key); write(integer: value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { begin(key); write(integer: value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { begin(key); write(integer: value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { begin(key); write(integer: value) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        begin(key)
        try encoder.sink.encodeValue(value, depth: encoder.depth + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        begin(key)
        return encoder.child().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        begin(key)
        return encoder.child().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: Key(stringValue: "super")!)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        begin(key)
        return encoder.child()
    }
}

private struct StreamingUnkeyedContainer: UnkeyedEncodingContainer, StreamingScalarWriter {
    let encoder: StreamingEncoderImpl
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(encoder: StreamingEncoderImpl) {
        self.encoder = encoder
    }

    private mutating func begin() {
        encoder.sink.beginElement(depth: encoder.depth)
        count += 1
    }

    mutating func encodeNil() throws {
        begin()
        encoder.sink.bytes.append(contentsOf: "null".utf8)
    }
    mutating func encode(_ value: Bool) throws { begin(); write(value) }
    mutating func encode(_ value: String) throws { begin(); encoder.sink.writeString(value) }
    mutating func encode(_ value: Double) throws { begin(); try write(double: value) }
    mutating func encode(_ value: Float) throws { begin(); try write(double: Double(value)) }
    mutating func encode(_ value: Int) throws { begin(); write(integer: value) }
    mutating func encode(_ value: Int8) throws { begin(); write(integer: value) }
    mutating func encode(_ value: Int16) throws { begin(); write(integer: value) }
    mutating func encode(_ value: Int32) throws { begin(); write(integer: value) }
    mutating func encode(_ value: Int64) throws { begin(); write(integer: value) }
    mutating func encode(_ value: UInt) throws { begin(); write(integer: value) }
    mutating func encode(_ value: UInt8) throws { begin(); write(integer: value) }
    mutating func encode(_ value: UInt16) throws { begin(); write(integer: value) }
    mutating func encode(_ value: UInt32) throws { begin(); write(integer: value) }
    mutating func encode(_ value: UInt64) throws { begin(); write(integer: value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        begin()
        try encoder.sink.encodeValue(value, depth: encoder.depth + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        begin()
        return encoder.child().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        begin()
        return encoder.child().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        begin()
        return encoder.child()
    }
}

private struct StreamingSingleValueContainer: SingleValueEncodingContainer, StreamingScalarWriter {
    let encoder: StreamingEncoderImpl
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.sink.bytes.append(contentsOf: "null".utf8) }
    mutating func encode(_ value: Bool) throws { write(value) }
    mutating func encode(_ value: String) throws { encoder.sink.writeString(value) }
    mutating func encode(_ value: Double) throws { try write(double: value) }
    mutating func encode(_ value: Float) throws { try write(double: Double(value)) }
    mutating func encode(_ value: Int) throws { write(integer: value) }
    mutating func encode(_ value: Int8) throws { write(integer: value) }
    mutating func encode(_ value: Int16) throws { write(integer: value) }
    mutating func encode(_ value: Int32) throws { write(integer: value) }
    mutating func encode(_ value: Int64) throws { write(integer: value) }
    mutating func encode(_ value: UInt) throws { write(integer: value) }
    mutating func encode(_ value: UInt8) throws { write(integer: value) }
    mutating func encode(_ value: UInt16) throws { write(integer: value) }
    mutating func encode(_ value: UInt32) throws { write(integer: value) }
    mutating func encode(_ value: UInt64) throws { write(integer: value) }

    /// A single value's nested value is written at the same depth (it is the same JSON value).
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.sink.encodeValue(value, depth: encoder.depth)
    }
}
