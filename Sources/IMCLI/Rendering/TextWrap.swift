/// Word wrapping for help text.
enum TextWrap {
    /// Wraps `text` to `width` columns; paragraphs (blank-line separated) are kept; every line gets `indent`.
    static func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let limit = max(20, width - indent)
        var lines: [String] = []
        for (index, paragraph) in text.components(separatedBy: "\n\n").enumerated() {
            if index > 0 { lines.append("") }
            var line = ""
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                if !line.isEmpty && line.count + 1 + word.count > limit {
                    lines.append(pad + line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            if !line.isEmpty { lines.append(pad + line) }
        }
        return lines
    }

    /// A label column followed by wrapped help, as in `  --server URL      Server base URL.`.
    static func labelled(_ label: String, _ help: String, width: Int, column: Int = 28) -> [String] {
        let lead = "  " + label
        let body = wrap(help, width: width, indent: column)
        guard let first = body.first else { return [lead] }
        let firstText = String(first.dropFirst(column))
        if lead.count + 2 <= column {
            return [lead + String(repeating: " ", count: column - lead.count) + firstText] + body.dropFirst()
        }
        return [lead] + body
    }
}

extension String {
    /// Splits on a separator string (no Foundation needed).
    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
