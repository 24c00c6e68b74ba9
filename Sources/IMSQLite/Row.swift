/// One result row, copied out of the statement so it outlives the next step.
public struct Row: Sendable {
    public let columns: [String]
    public let values: [SQLValue]

    /// The value of a column by index.
    public subscript(index: Int) -> SQLValue { values[index] }

    /// The value of a column by name, `.null` when there is no such column.
    public subscript(name: String) -> SQLValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }

    /// An integer column; 0 for NULL.
    public func int(_ index: Int) -> Int64 {
        if case .integer(let value) = values[index] { return value }
        if case .real(let value) = values[index] { return Int64(value) }
        return 0
    }

    /// An optional integer column.
    public func optionalInt(_ index: Int) -> Int64? {
        if case .null = values[index] { return nil }
        return int(index)
    }

    /// A boolean column stored as 0/1.
    public func bool(_ index: Int) -> Bool { int(index) != 0 }

    /// A text column; "" for NULL.
    public func string(_ index: Int) -> String { optionalString(index) ?? "" }

    /// An optional text column.
    public func optionalString(_ index: Int) -> String? {
        switch values[index] {
        case .text(let value): value
        case .integer(let value): String(value)
        case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
        default: nil
        }
    }
}
