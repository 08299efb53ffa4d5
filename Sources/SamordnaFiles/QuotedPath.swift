/// A file path as error messages show it: in single quotes with control, format and separator characters
/// spelled out (`'a\u{1B}[31m.md'`, `'\u{202E}fdp.exe'`), so a path can never act on the terminal or read
/// backwards. Paths come from the command line and the environment, which nobody has checked.
public enum QuotedPath {
    public static func quoted(_ path: String) -> String { "'" + escaped(path) + "'" }

    /// The path with every character that is not shown as itself written as `\n`, `\t` or `\u{…}`.
    public static func escaped(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isHidden(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Control characters (Cc), invisible format characters (Cf: bidi controls, zero-width characters) and
    /// the line and paragraph separators.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
