/// Makes text from the data inert before it reaches the terminal. A name or a note pasted from somewhere
/// else may hold control characters or whole escape sequences; drawn as they are, they would move the
/// cursor, change colours or worse (docs/decisions/0005-control-characters.md).
///
/// `Buffer.write` calls this for every string, so the rule holds in one function.
public enum Sanitize {
    /// The replacement shown where a control character was.
    public static let placeholder: Character = "\u{FFFD}"
    /// What a line break in stored text looks like on a single screen line.
    public static let lineBreak: Character = "⏎"

    /// One screen line from stored text: C0 and C1 controls, DEL and ESC become "�" (so an escape sequence
    /// loses its ESC and shows as harmless text), and so do invisible format characters (Unicode Cf: bidi
    /// overrides and isolates that would reorder what follows, zero-width spaces and joiners that hide a
    /// difference between two names), a tab becomes a space, and CR, LF, CRLF and the Unicode
    /// line and paragraph separators become "⏎". Printable text, including `åäö`, combining marks and wide
    /// characters, is kept as it is.
    public static func line(_ s: String) -> String {
        if isPrintableASCII(s) { return s }
        guard s.unicodeScalars.contains(where: needsReplacing) else { return s }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in s.unicodeScalars {
            defer { previousWasCR = scalar.value == 0x0D }
            switch scalar.value {
            case 0x0A where previousWasCR:
                continue  // CRLF is one line break
            case 0x0A, 0x0D, 0x2028, 0x2029:
                out.append(lineBreak.unicodeScalars.first!)
            case 0x09:
                out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F:
                out.append(placeholder.unicodeScalars.first!)
            default:
                if scalar.properties.generalCategory == .format {
                    out.append(placeholder.unicodeScalars.first!)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// True when every byte is printable ASCII: the common case, checked without decoding.
    static func isPrintableASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    private static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        case 0x00...0xAC: return false  // below the first format character (U+00AD): the common case
        default: return scalar.properties.generalCategory == .format
        }
    }
}
