#if canImport(Glibc)
import Glibc
#endif
import IMCore

/// Aligned columns for people: header row, local times, optional colour.
struct TableFormatter {
    /// Whether to colour the header.
    var color: Bool

    /// Renders records with the given columns; a single object is shown as FIELD/VALUE rows.
    func render(_ value: JSONValue, columns: [String]) -> String {
        if case .object(let object) = value, columns.isEmpty {
            let rows = object.keys.sorted().map { [$0, cell($0, object[$0]!)] }
            return layout(header: ["FIELD", "VALUE"], rows: rows)
        }
        let records = value.records
        let rows = records.map { record in columns.map { cell($0, record.lookup($0) ?? .null) } }
        return layout(header: columns.map { $0.uppercased() }, rows: rows)
    }

    private func cell(_ key: String, _ value: JSONValue) -> String {
        if case .int(let ms) = value, Self.isTimeField(key), ms > 100_000_000_000 {
            return Self.localTime(milliseconds: ms)
        }
        return value.plainText.forTableCell()
    }

    private func layout(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], text.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, text in
                index == cells.count - 1 ? text : text + String(repeating: " ", count: widths[index] - text.count)
            }.joined(separator: "  ")
        }
        let head = line(header)
        var text = (color ? "\u{1B}[1m\(head)\u{1B}[0m" : head) + "\n"
        for row in rows { text += line(row) + "\n" }
        return text
    }

    /// Time fields hold Unix milliseconds.
    static func isTimeField(_ key: String) -> Bool {
        let last = key.split(separator: ".").last.map(String.init) ?? key
        return last.hasSuffix("Time") || last.hasSuffix("At") || last == "time" || last.hasSuffix("Ts")
    }

    /// `YYYY-MM-DD HH:MM:SS` in the local time zone (localtime_r; no Foundation formatters).
    static func localTime(milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        localtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int = 2) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday)) "
            + "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))"
    }
}

extension String {
    /// The text with line breaks shown as spaces.
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }

    /// The text as one line a terminal shows literally: line breaks and tabs become spaces, and other control characters
    /// — which could move the cursor, recolour or retitle the terminal when another user's text is printed — become
    /// caret notation (`^[` for ESC, `^?` for DEL) or, in the C1 range, U+FFFD.
    func forTableCell() -> String {
        var cell = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: cell.append(" ")
            case 0x00..<0x20: cell.append(contentsOf: "^\(Unicode.Scalar(UInt8(scalar.value + 0x40)))".unicodeScalars)
            case 0x7F: cell.append(contentsOf: "^?".unicodeScalars)
            case 0x80..<0xA0: cell.append("\u{FFFD}")
            default: cell.append(scalar)
            }
        }
        return String(cell)
    }
}
