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
