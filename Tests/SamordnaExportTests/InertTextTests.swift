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
}
