import IMCore
/// Tab-separated output: no header, one record per line, `\t \n \r \\` escaped inside fields.
enum TSV {
    /// Escapes one field.
    static func escape(_ field: String) -> String {
        var result = ""
        for character in field {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\r\n": result += "\\r\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// One line per record with the given columns.
    static func render(_ records: [JSONValue], columns: [String]) -> String {
        records.map { record in
            columns.map { escape(record.lookup($0)?.plainText ?? "") }.joined(separator: "\t") + "\n"
        }.joined()
    }
}
