import IMCore

/// The documented shape of a command's records: the id field (`-o id`) and the column order (`tsv`, `table`).
public struct Shape: Sendable, Hashable {
    /// The field printed by `-o id`.
    public var id: String?
    /// The documented column order.
    public var columns: [String]

    /// Creates a shape.
    public init(id: String?, columns: [String]) {
        self.id = id
        self.columns = columns
    }

    /// A shape with no documented columns: tsv and table use the record's scalar keys, sorted.
    public static let plain = Shape(id: nil, columns: [])
}

/// Writes command results to stdout in the selected output mode (cli-conventions §2).
public struct Output: Sendable {
    /// The output mode.
    public var mode: OutputMode
    /// `--fields` projection, nil for all fields.
    public var fields: [String]?
    /// Indented JSON (stdout is a terminal).
    public var pretty: Bool
    /// Colour in table mode.
    public var color: Bool
    /// Where to write.
    public var stdout: Writer

    /// Writes one result: an object for one resource, an array for a list.
    public func emit(_ value: some Encodable, shape: Shape = .plain) throws {
        let json = try JSONValue.encoding(value)
        let projected = fields.map { json.projected($0) } ?? json
        switch mode {
        case .json:
            try stdout.write(projected.jsonText(pretty: pretty) + "\n")
        case .ndjson:
            for record in projected.records { try stdout.write(record.jsonText(pretty: false) + "\n") }
        case .tsv:
            try stdout.write(TSV.render(projected.records, columns: columns(for: projected, shape: shape)))
        case .id:
            let key = shape.id ?? "id"
            for record in json.records {
                let ids = record.lookup(key).map { $0.records } ?? []
                for id in ids { try stdout.write(id.plainText + "\n") }
            }
        case .table:
            let columns = fields ?? (isList(json) ? columns(for: projected, shape: shape) : [])
            try stdout.write(TableFormatter(color: color).render(projected, columns: columns))
        }
    }

    /// Writes one object as one line, whatever the mode (streams: `events`, `wait`, `batch`), honouring `--fields`.
    public func emitLine(_ value: JSONValue) throws {
        let projected = fields.map { value.projected($0) } ?? value
        try stdout.write(projected.jsonText(pretty: false) + "\n")
    }

    private func isList(_ json: JSONValue) -> Bool {
        if case .array = json { return true }
        return false
    }

    private func columns(for value: JSONValue, shape: Shape) -> [String] {
        if let fields { return fields }
        if !shape.columns.isEmpty { return shape.columns }
        guard case .object(let first) = value.records.first else { return [] }
        return first.filter { $0.value.objectValue == nil }.keys.sorted()
    }
}
