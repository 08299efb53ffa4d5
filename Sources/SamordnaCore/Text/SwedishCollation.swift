/// Swedish alphabetical order for names and titles: a–z, then å, ä, ö, ignoring case.
///
/// Lists are sorted the way a Swedish reader expects (Öberg after Zetterberg), without Foundation's
/// `Locale` or ICU. Letters Swedish treats as variants fold into its own: æ as ä, ø and ő as ö, ü and ű as
/// y, and other accents onto the base letter (é as e, ñ as n). `w` stays a letter of its own.
///
/// For sorting many names, compute each `key` once and compare keys with `<`: a key is a plain string
/// whose ordering (and byte order, so a database index agrees) is the Swedish order, with ties between
/// primary-equal strings broken by the original string so the order is total and deterministic.
public enum SwedishCollation {
    /// The sort key of `s`. Two keys compare with `<` as the strings do in Swedish.
    public static func key(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 8)
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                out.append(b >= 65 && b <= 90 ? b + 32 : b)
            } else if (0x300...0x36F).contains(v) {
                applyCombiningMark(v, to: &out)
            } else if let folded = foldTable[v] {
                out.append(contentsOf: folded)
            } else {
                // Outside the Latin alphabets: after ö, among themselves by (lower-cased) code point.
                out.append(afterO)
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        out.append(tieBreak)
        out.append(contentsOf: s.utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// `areInIncreasingOrder` for `sorted(by:)`. Computes both keys on every call: for long lists use
    /// `sorted(_:by:)` or keys.
    public static func compare(_ a: String, _ b: String) -> Bool { key(a) < key(b) }

    /// `items` in Swedish order of `name`, computing each key once.
    public static func sorted<T>(_ items: [T], by name: (T) -> String) -> [T] {
        let keys = items.map { key(name($0)) }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { items[$0] }
    }

    // MARK: - Weights

    // å, ä, ö directly after z (0x7A) in ASCII, so ASCII-only keys stay plain and memcmp-ordered.
    private static let aRing = UInt8(ascii: "{")
    private static let aUmlaut = UInt8(ascii: "|")
    private static let oUmlaut = UInt8(ascii: "}")
    private static let afterO = UInt8(ascii: "~")
    // Below every character a name uses, so "Berg" sorts before "Bergström".
    private static let tieBreak: UInt8 = 0x01

    /// Combining marks (NFD input such as `Rene\u{301}`): Swedish letters built from a base and a mark
    /// become that letter; any other mark is an accent and is dropped.
    private static func applyCombiningMark(_ mark: UInt32, to out: inout [UInt8]) {
        guard let last = out.last else { return }
        switch (last, mark) {
        case (UInt8(ascii: "a"), 0x30A): out[out.count - 1] = aRing
        case (UInt8(ascii: "a"), 0x308): out[out.count - 1] = aUmlaut
        case (UInt8(ascii: "o"), 0x308), (UInt8(ascii: "o"), 0x30B): out[out.count - 1] = oUmlaut
        case (UInt8(ascii: "u"), 0x308), (UInt8(ascii: "u"), 0x30B): out[out.count - 1] = UInt8(ascii: "y")
        default: break
        }
    }

    /// Precomposed Latin letters → their Swedish primary letter(s).
    private static let foldTable: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        func add(_ letters: String, _ folded: String) {
            let bytes = Array(folded.utf8)
            for scalar in letters.unicodeScalars { table[scalar.value] = bytes }
        }
        add("åÅ", "{")
        add("äÄæÆ", "|")
        add("öÖøØőŐœŒ", "}")
        add("üÜűŰýÝÿŸ", "y")
        add("àÀáÁâÂãÃāĀăĂąĄ", "a")
        add("çÇćĆčČĉĈċĊ", "c")
        add("ďĎđĐðÐ", "d")
        add("èÈéÉêÊëËēĒėĖęĘěĚ", "e")
        add("ğĞģĢ", "g")
        add("ìÌíÍîÎïÏīĪįĮıİ", "i")
        add("ķĶ", "k")
        add("łŁľĽļĻĺĹ", "l")
        add("ñÑńŃňŇņŅ", "n")
        add("òÒóÓôÔõÕōŌ", "o")
        add("řŘŕŔ", "r")
        add("śŚšŠşŞșȘ", "s")
        add("ťŤţŢțȚ", "t")
        add("ùÙúÚûÛūŪůŮųŲ", "u")
        add("źŹžŽżŻ", "z")
        add("ß", "ss")
        add("þÞ", "th")
        return table
    }()
}
