/// The one place that decides how many terminal columns text takes. Every widget measures, truncates and
/// pads through it, so a name with `åäö`, a combining accent or `作者` lines up the same everywhere.
///
/// Pure Swift and independent of the locale (`wcwidth` would depend on `setlocale`): a grapheme is as wide
/// as its first scalar that is not a combining mark; combining marks, format characters (zero-width joiner,
/// variation selectors) are 0 wide; East Asian Wide and Fullwidth characters and emoji that present as
/// emoji are 2; everything else is 1. Control characters are not measured; `Sanitize` removes them first.
public enum DisplayWidth {
    /// Columns one grapheme takes: 0, 1 or 2.
    public static func of(_ c: Character) -> Int {
        if let byte = c.utf8.first, byte < 0x80 { return 1 }  // ASCII; controls are not measured
        var base: Int?
        var emojiPresentation = false
        for scalar in c.unicodeScalars {
            if scalar.value == 0xFE0F { emojiPresentation = true }
            if base == nil {
                let w = width(of: scalar)
                if w > 0 { base = w }
            }
        }
        guard let base else { return 0 }
        return emojiPresentation ? 2 : base
    }

    /// Columns a string takes.
    public static func of(_ s: String) -> Int {
        if Sanitize.isPrintableASCII(s) { return s.utf8.count }
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    /// The longest prefix of `s` that fits in `width` columns. When text is cut and `ellipsis` is set, the
    /// last column holds "…" so the reader sees that something is missing. Never splits a grapheme.
    public static func truncate(_ s: String, to width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        let room = ellipsis ? width - 1 : width
        var result = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > room { break }
            result.append(c)
            used += w
        }
        return ellipsis ? result + "…" : result
    }

    /// `s` truncated (with "…") or padded with spaces to exactly `width` columns.
    public static func pad(_ s: String, to width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(s, to: width)
        let fill = String(repeating: " ", count: width - of(cut))
        return alignRight ? fill + cut : cut + fill
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0xA0 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v < 0x1100 { return 1 }
        if scalar.properties.isEmojiPresentation || isEastAsianWide(v) { return 2 }
        return 1
    }

    static func isEastAsianWide(_ v: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if v < range.lowerBound {
                high = mid - 1
            } else if v > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges from Unicode's EastAsianWidth.txt (15.1), leaving out
    /// the emoji, which `isEmojiPresentation` covers.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2329...0x232A,  // angle brackets
        0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFF,  // CJK radicals, Kangxi, IDC
        0x3000...0x303E,  // ideographic space, CJK symbols and punctuation
        0x3041...0x3096, 0x3099...0x30FF,  // Hiragana, Katakana
        0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E3, 0x31EF...0x321E,  // Bopomofo, Hangul compat, Kanbun
        0x3220...0x3247, 0x3250...0x4DBF,  // enclosed CJK, CJK compatibility, Ext A
        0x4E00...0xA48C, 0xA490...0xA4C6,  // CJK unified ideographs, Yi
        0xA960...0xA97C,  // Hangul Jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B,  // vertical and small forms
        0xFF01...0xFF60, 0xFFE0...0xFFE6,  // fullwidth forms
        // Tangut, Khitan
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08,
        // Kana supplements, Nüshu
        0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132,
        0x1B150...0x1B152, 0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB,
        // Enclosed ideographic supplement
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK extensions B and beyond
    ]
}
