/// The `imctl(1)` man page in roff (man macros), generated from the command table.
public enum ManPageRenderer {
    /// Renders the page.
    /// - Parameters:
    ///   - root: the command tree.
    ///   - date: the page date, e.g. `2026-11-27` (a parameter so snapshots stay stable).
    ///   - version: the version string for the footer.
    public static func render(root: Command, date: String, version: String) -> String {
        var out = [
            ".TH IMCTL 1 \"\(date)\" \"imctl \(version)\" \"User Commands\"",
            ".SH NAME", "imctl \\- \(escape(root.summary))",
            ".SH SYNOPSIS", ".B imctl", "[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]",
            ".SH DESCRIPTION",
        ]
        out += paragraphs(root.discussion)
        out.append(".SH COMMANDS")
        for path in root.visiblePaths().dropFirst() {
            let command = path[path.count - 1]
            out += [".SS \"\(escape(HelpRenderer.usageLine(path)))\"", escape(command.summary)]
            if !command.discussion.isEmpty { out += paragraphs(command.discussion) }
            for argument in command.arguments {
                out += [".TP", "\\fI\(escape(argument.usage))\\fR", escape(argument.help)]
            }
            for option in command.visibleOptions {
                out += [".TP", "\\fB\(escape(option.label))\\fR", escape(HelpRenderer.helpText(option))]
            }
        }
        out.append(".SH OPTIONS")
        for option in root.visibleOptions {
            out += [".TP", "\\fB\(escape(option.label))\\fR", escape(HelpRenderer.helpText(option))]
        }
        out.append(".SH ENVIRONMENT")
        for (name, help) in HelpTopics.environmentVariables {
            out += [".TP", "\\fB\(name)\\fR", escape(help)]
        }
        out += [
            ".SH FILES",
            ".TP", "\\fI$XDG_CONFIG_HOME/imctl/config.json\\fR", "Current profile and per-profile server and app (0600).",
            ".TP", "\\fI$XDG_CONFIG_HOME/imctl/credentials/PROFILE.json\\fR", "The stored login of a profile (0600).",
            ".TP", "\\fI$XDG_DATA_HOME/imctl/PROFILE/\\fR", "The local store and event cursor of a profile.",
            ".TP", "\\fI$XDG_DATA_HOME/imctl/server/operator.json\\fR", "Operator credentials of a local server.",
            ".SH \"EXIT STATUS\"",
        ]
        for (code, meaning) in HelpTopics.exitCodes {
            out += [".TP", "\\fB\(code)\\fR", escape(meaning)]
        }
        out.append(".SH EXAMPLES")
        for path in root.visiblePaths() {
            for example in path[path.count - 1].examples {
                out += [".TP", "\\fB\(escape(example.command))\\fR", escape(example.explanation)]
            }
        }
        out += [".SH \"SEE ALSO\"", "\\fBjq\\fR(1)"]
        return out.joined(separator: "\n") + "\n"
    }

    private static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").flatMap { [".PP", escape($0.replacingNewlines())] }
    }

    /// Escapes backslashes, and leading dots or quotes that roff would read as requests.
    static func escape(_ text: String) -> String {
        var result = text.replacingOccurrences("\\", "\\e").replacingOccurrences("-", "\\-")
        if result.hasPrefix(".") || result.hasPrefix("'") { result = "\\&" + result }
        return result
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }
}
