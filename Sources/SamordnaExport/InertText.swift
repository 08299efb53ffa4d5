/// Text that leaves the tool stays inert in a terminal. The forms refuse control characters, but text can
/// reach the database another way (an older version, a repair with sqlite3); an export printed to a
/// terminal must not let such text clear the screen or retitle the window.
public enum InertText {
    /// JSON with the C1 controls (U+0080–U+009F, which JSON encoders leave as they are) written as `\u` escapes:
    /// the data is kept exactly, and nothing acts on a terminal. C0 controls are escaped by the encoder.
    public static func json(_ encoded: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(encoded.unicodeScalars.count)
        for scalar in encoded.unicodeScalars {
            if (0x80...0x9F).contains(scalar.value) {
                out += "\\u00" + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A CSV cell with control characters other than tab and line breaks replaced by U+FFFD, as the screen
    /// shows them: CSV has no escapes, and a spreadsheet has no use for them.
    public static func cell(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: isInertReplaced) else { return value }
        var out = ""
        for scalar in value.unicodeScalars {
            out.unicodeScalars.append(isInertReplaced(scalar) ? "\u{FFFD}" : scalar)
        }
        return out
    }

    static func isInertReplaced(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        default: return false
        }
    }
}
