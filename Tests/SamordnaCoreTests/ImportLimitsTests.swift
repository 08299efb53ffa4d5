import Testing

@testable import SamordnaCore

/// The CSV import's bounds: file size, the number of problems listed, and look-alike names reported once
/// per row instead of once per pair. Only test personnummer (birth numbers 980–999).
@Suite struct ImportLimitsTests {
    func importing(_ text: String) -> Result<[Participant], ImportFailure> {
        var ids = CountingIDs()
        return ParticipantCSVImport.parse(text, today: RulesFixture.today, existing: [], ids: &ids)
    }

    /// The twenty test numbers (980–999) born on 1980-01-01.
    static let sameBirthDate: [String] = (980...999).map { n in
        let nine = "800101\(n)"
        return "19800101-\(n)\(Personnummer.luhnCheckDigit(nine))"
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() {
        let row = "19800101-9804,Åsa,Öberg\n"
        let text = "personnummer,fornamn,efternamn\n" + String(repeating: row, count: ParticipantCSVImport.sizeLimit / row.utf8.count + 1)
        guard case .failure(.tooLarge(let bytes, let limit)) = importing(text) else {
            Issue.record("expected tooLarge")
            return
        }
        #expect(bytes > limit)
        #expect(ImportFailure.tooLarge(bytes: 6_000_000, limit: 5_000_000).description
            == "filen är för stor för en import (6 000 000 byte; högst 5 000 000); dela upp filen")
    }

    @Test func lookAlikesAreOneProblemPerRowNamingTheFirst() {
        // Twenty rows, one birth date, one name: every row after the first looks like all before it.
        let rows = Self.sameBirthDate.map { "\($0),Åsa,Öberg" }
        guard case .failure(.badRows(let errors)) = importing("personnummer,fornamn,efternamn\n" + rows.joined(separator: "\n")) else {
            Issue.record("expected bad rows")
            return
        }
        #expect(errors.count == 19, "one per row, not one per pair (190)")
        #expect(errors.last?.line == 21)
        #expect(errors.last?.reason.hasPrefix("samma födelsedatum (1980-01-01) och snarlikt namn som Åsa Öberg på rad 2 (och 18 till);") == true)
        #expect(errors.first?.reason.contains("till)") == false)
    }

    @Test func theMessageListsAHundredProblemsAndCountsTheRest() {
        let errors = (1...1000).map { RowError(line: $0 + 1, column: "fornamn", value: nil, reason: "får inte vara tomt") }
        let lines = ImportFailure.badRows(errors).description.split(separator: "\n")
        #expect(lines.count == 102)
        #expect(lines.first == "1 000 rader har fel; ingenting importerades:")
        #expect(lines[100] == "rad 101, kolumn fornamn: får inte vara tomt")
        #expect(lines.last == "… och 900 fel till (rätta de första och importera igen)")
    }

    /// How fast it is refused is for the fuzz run and the benchmark to say, not a timed unit test.
    @Test func aHugeHeaderLineIsRefusedWithAShortMessage() {
        let header = String(repeating: "x", count: 400_000)
        guard case .failure(.badHeader(let reason)) = importing(header + "\n1,2,3\n") else {
            Issue.record("expected a bad header")
            return
        }
        #expect(reason.count < 400, "the refused column is quoted short")
    }
}
