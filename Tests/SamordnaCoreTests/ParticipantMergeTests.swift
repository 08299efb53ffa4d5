import SamordnaCore
import Testing

@Suite struct ParticipantMergeTests {
    let base = Participant(
        id: .init("p1"), identity: .other(kind: "reservnummer", value: "R-1"), firstName: "Åsa", lastName: "Öberg",
        phone: "070-111", email: nil, enrolledOn: LocalDate(year: 2026, month: 1, day: 5)!)

    @Test func keepMineTakesOnlyMyChangedFieldsAndKeepsTheColleaguesOthers() {
        var theirs = base
        theirs.email = "asa@exempel.se"
        theirs.version = 2
        var mine = base
        mine.phone = "070-222"
        let merged = ParticipantMerge.keepMine(base: base, mine: mine, theirs: theirs)
        #expect(merged.phone == "070-222")
        #expect(merged.email == "asa@exempel.se")
        #expect(merged.version == 2)
    }

    @Test func aFieldBothChangedGetsMineAndIsNamed() {
        var theirs = base
        theirs.phone = "070-333"
        var mine = base
        mine.phone = "070-222"
        #expect(ParticipantMerge.keepMine(base: base, mine: mine, theirs: theirs).phone == "070-222")
        #expect(ParticipantMerge.changedFields(from: base, to: theirs) == ["telefon"])
        #expect(ParticipantMerge.changedFields(from: base, to: base).isEmpty)
    }
}
