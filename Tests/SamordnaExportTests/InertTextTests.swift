import Foundation
import SamordnaExport
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
