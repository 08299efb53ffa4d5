import Foundation
@testable import SamordnaExport
import Testing

@Suite struct InertTextTests {
    @Test func jsonKeepsC1ControlsAsEscapesSoTheDataSurvivesAndNothingActs() throws {
        let encoded = String(decoding: try JSONEncoder().encode(["namn": "Eva\u{9B}2J\u{1B}[31m"]), as: UTF8.self)
        let inert = InertText.json(encoded)
        #expect(!inert.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(inert.utf8))
        #expect(decoded["namn"] == "Eva\u{9B}2J\u{1B}[31m")
    }

    @Test func csvCellsShowControlsAsReplacementCharactersButKeepLineBreaksAndTabs() {
        #expect(InertText.cell("Eva\u{1B}[2J\u{07}") == "Eva\u{FFFD}[2J\u{FFFD}")
        #expect(InertText.cell("rad 1\nrad 2\tslut") == "rad 1\nrad 2\tslut")
        #expect(CSVWriter().escape("Åsa\u{9B}") == "Åsa\u{FFFD}")
    }

    /// The fast path for plain ASCII cells (`CSVWriter.isPlain`) writes exactly what the full escape would:
    /// every ASCII character at the start, in the middle and at the end, with `;` and `,` as delimiters.
    @Test func plainCellsAreWrittenAsTheFullEscapeWouldWriteThem() {
        for delimiter in [Character(";"), ","] {
            let w = CSVWriter(delimiter: delimiter)
            for b in UInt8(0)...UInt8(0x7F) {
                let c = String(decoding: [b], as: UTF8.self)
                for raw in [c, c + "ab", "ab" + c, "a" + c + "b", c + "12", "-" + c, "12"] {
                    let full: String = {
                        var value = InertText.cell(raw)
                        if let first = value.unicodeScalars.first, "=+-@|%\t\r".unicodeScalars.contains(first) {
                            let rest = value.dropFirst()
                            if !(first == "-" && !rest.isEmpty && rest.allSatisfy(\.isNumber)) { value = "'" + value }
                        }
                        guard w.needsQuotes(value) else { return value }
                        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    }()
                    #expect(w.escape(raw) == full, "\(Array(raw.utf8)) with \(delimiter)")
                }
            }
        }
    }
}

/// Stored bidi controls and invisible characters are inert in every export: JSON escapes them (the data
/// survives a round trip), CSV cells show "�", Markdown and HTML spell them out.
@Suite struct InvisibleInExportsTests {
    @Test func jsonEscapesInvisibleCharactersAndKeepsTheData() throws {
        let name = "Åsa\u{202E}greb\u{200B}\u{2028}\u{E0001}"
        let encoded = InertText.json(String(decoding: try JSONEncoder().encode(["namn": name]), as: UTF8.self))
        #expect(!encoded.unicodeScalars.contains { InertText.isInvisible($0) })
        #expect(encoded.contains("\\u202e"))
        #expect(encoded.contains("\\udb40\\udc01"))
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(encoded.utf8))
        #expect(decoded["namn"] == name)
    }

    @Test func csvCellsReplaceInvisibleCharacters() {
        #expect(InertText.cell("Åsa\u{202E}greb\u{2066}") == "Åsa\u{FFFD}greb\u{FFFD}")
        #expect(CSVWriter().line(["\u{202E}=1+1"]).unicodeScalars.allSatisfy { !InertText.isInvisible($0) })
    }

    @Test func markdownAndHTMLSpellThemOut() {
        #expect(KartlaggningDocument.md("Åsa\u{202E}greb") == "Åsa\\\\u{202E}greb")
        #expect(KartlaggningDocument.h("Åsa\u{2067}x") == "Åsa\\u{2067}x")
    }

    /// The scalar check (a fast path below U+0600) agrees with the Unicode properties for every scalar there:
    /// only the controls and the soft hyphen are replaced.
    @Test func theFastRangeAgreesWithTheProperties() {
        for value in UInt32(0)..<0x800 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let control = value < 0x20 && ![0x09, 0x0A, 0x0D].contains(value) || (0x7F...0x9F).contains(value)
            #expect(InertText.isInertReplaced(scalar) == (control || InertText.isInvisible(scalar)), "U+\(String(value, radix: 16))")
        }
    }

    /// The week's Markdown escapes what Markdown or HTML would act on, makes each line break one space and keeps
    /// every other letter as it was, the same as the character-by-character rule it replaced for text without
    /// combining marks (the next test has those).
    @Test func weekMarkdownEscapesByTheCharacterRule() {
        func byCharacters(_ s: String) -> String {
            var out = ""
            for ch in InertText.cell(s) {
                switch ch {
                case "\n", "\r", "\r\n", "\t": out.append(" ")
                case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&": out.append("\\"); out.append(ch)
                default: out.append(ch)
                }
            }
            return out
        }
        let samples = [
            "Öberg, Åsa · kartläggning", "a*b_c [x](y) <b>#1</b> | ~ & `k` \\", "rad ett\r\nrad två\nrad\ttre\r",
            "mjuk\u{AD}bindestreck", "\u{7}klocka\u{1B}[2J", "Ωmega Ж \u{202E}vänd", "", "*", "\r\n\r\n",
        ]
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("aåäöÅ ·\n\r\t*_[]<>#|~&`\\\u{AD}\u{7}\u{202E}é1-=")
        let generated = (0..<300).map { _ in
            String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        }
        for s in samples + generated {
            #expect(WeekListExport.markdownEscaped(s) == byCharacters(s), "\(s.debugDescription)")
        }
    }

    /// Where the character rule fell short, the scalar rule escapes: a special character with a combining mark
    /// was one Character, not "*", and Markdown could still act on it.
    @Test func weekMarkdownEscapesASpecialCharacterWithACombiningMark() {
        #expect(WeekListExport.markdownEscaped("*\u{301}kursiv*") == "\\*\u{301}kursiv\\*")
        #expect(WeekListExport.markdownEscaped("#\u{FE0F}\u{20E3}") == "\\#\u{FE0F}\u{20E3}")
    }
}
