import Testing

@testable import SamordnaCore

private func p(_ id: String, _ number: String, _ first: String, _ last: String) -> Participant {
    RulesFixture.participant(id, number, first, last)
}

@Suite struct DuplicateCheckTests {
    @Test func sameIdentityBlocks() {
        let existing = p("a", "19800101-9804", "Åsa", "Öberg")
        let candidate = p("new", "800101-9804", "Helt", "Annan")
        let matches = DuplicateCheck.duplicates(of: candidate, among: [existing])
        #expect(matches == [.sameIdentity(Participant.ID("a"))])
        #expect(matches[0].isBlocking)
    }

    @Test func otherIdentitiesMatchRegardlessOfCaseAndSpaces() {
        var a = p("a", "19800101-9804", "Åsa", "Öberg")
        a.identity = .other(kind: "reservnummer", value: "99ab 12")
        var b = p("b", "19750315-9811", "Bo", "Ek")
        b.identity = .other(kind: "annan", value: "99AB12")
        #expect(DuplicateCheck.duplicates(of: b, among: [a]) == [.sameIdentity(Participant.ID("a"))])
    }

    @Test func similarNameWithTheSameBirthDateIsAskedAbout() {
        let existing = p("a1b2c3d4", "19800101-9804", "Åsa", "Öberg")
        let candidate = p("new", "19800101-9812", "Asa", "Oberg")
        let matches = DuplicateCheck.duplicates(of: candidate, among: [existing])
        #expect(matches.count == 1)
        guard case .similarName(let id, let reason) = matches.first else {
            Issue.record("expected a similar name")
            return
        }
        #expect(id == Participant.ID("a1b2c3d4"))
        #expect(reason == "samma födelsedatum (1980-01-01) och snarlikt namn som Åsa Öberg (id a1b2c3)")
        #expect(!matches[0].isBlocking)
    }

    @Test func caseAndAccentsDoNotMakeNamesDifferent() {
        let existing = p("a", "19800101-9804", "RENÉ", "SÖDERSTRÖM-LUND")
        let candidate = p("new", "19800101-9812", "rene", "söderström lund")
        #expect(DuplicateCheck.duplicates(of: candidate, among: [existing]).count == 1)
    }

    @Test func twoTyposAreStillSimilarButThreeAreNot() {
        let existing = p("a", "19800101-9804", "Johanna", "Lindqvist")
        #expect(DuplicateCheck.duplicates(of: p("n", "19800101-9812", "Johana", "Lindkvist"), among: [existing]).count == 1)
        #expect(DuplicateCheck.duplicates(of: p("n", "19800101-9812", "Jhoanna", "Lindqvist"), among: [existing]).count == 1)
        #expect(DuplicateCheck.duplicates(of: p("n", "19800101-9812", "Joana", "Lindkvst"), among: [existing]).isEmpty)
    }

    @Test func swappedFirstAndLastNameIsAskedAbout() {
        let existing = p("a", "19800101-9804", "Ahmed", "Hassan")
        let matches = DuplicateCheck.duplicates(of: p("n", "19800101-9812", "Hassan", "Ahmed"), among: [existing])
        guard case .similarName(_, let reason) = matches.first else {
            Issue.record("expected a similar name")
            return
        }
        #expect(reason.contains("för- och efternamn omkastade"))
    }

    @Test func similarNameWithADifferentBirthDateIsNoMatch() {
        let existing = p("a", "19800101-9804", "Åsa", "Öberg")
        #expect(DuplicateCheck.duplicates(of: p("n", "19800102-9803", "Åsa", "Öberg"), among: [existing]).isEmpty)
    }

    @Test func samordningsnummerHasTheBirthDateOfItsDayMinusSixty() {
        let existing = p("a", "19800101-9804", "Åsa", "Öberg")
        #expect(DuplicateCheck.duplicates(of: p("n", "19800161-9801", "Åsa", "Öberg"), among: [existing]).count == 1)
    }

    @Test func theParticipantItselfIsLeftOutWhenEditing() {
        let stored = p("a", "19800101-9804", "Åsa", "Öberg")
        var edited = stored
        edited.firstName = "Åse"
        #expect(DuplicateCheck.duplicates(of: edited, among: [stored]).isEmpty)
    }

    @Test func blockingMatchesComeFirst() {
        let similar = p("s", "19800101-9812", "Åsa", "Öberg")
        let same = p("i", "19800101-9804", "Bertil", "Ek")
        let matches = DuplicateCheck.duplicates(of: p("n", "19800101-9804", "Åsa", "Öberg"), among: [similar, same])
        #expect(matches.map(\.participantID) == [Participant.ID("i"), Participant.ID("s")])
    }

    @Test func transpositionCountsAsOneEdit() {
        #expect(DuplicateCheck.distance(Array("ab".unicodeScalars), Array("ba".unicodeScalars)) == 1)
        #expect(DuplicateCheck.distance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
        #expect(DuplicateCheck.distance([], Array("abc".unicodeScalars)) == 3)
    }
}
