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
            } else if isInvisible(scalar) {
                out += jsonEscape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Invisible format characters (Unicode Cf: bidi controls, zero-width spaces) and the line and paragraph
    /// separators: kept as data, but never raw where a terminal, an editor or a browser would act on them.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// `\u202e`, or a surrogate pair for a scalar outside the Basic Multilingual Plane (`\udb40\udc01`).
    static func jsonEscape(_ s: Unicode.Scalar) -> String {
        func hex(_ v: UInt32) -> String {
            let h = String(v, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - h.count)) + h
        }
        guard s.value > 0xFFFF else { return hex(s.value) }
        let v = s.value - 0x10000
        return hex(0xD800 + (v >> 10)) + hex(0xDC00 + (v & 0x3FF))
    }

    /// A CSV cell with control characters other than tab and line breaks, and invisible format characters and
    /// separators, replaced by U+FFFD, as the screen shows them: CSV has no escapes, and a spreadsheet has no
    /// use for them.
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
        // Latin, Greek, Cyrillic and the rest below U+0600 (every Swedish letter): the soft hyphen is the only
        // format character there, so the property look-up is spared for the common case.
        case 0xAD: return true
        case 0xA0..<0x600: return false
        case 0x600...: return isInvisible(s)
        default: return false
        }
    }
}
