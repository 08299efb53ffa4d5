import SamordnaCore
import SamordnaUI
import TerminalUI
import Testing

/// A refresh puts only the changed participants in place, and the list ends up exactly as a whole reload
/// would have made it.
@Suite struct CaseloadPatchTests {
    func reloaded(_ caseload: Caseload, from s: AppState) -> AppState {
        var whole = s
        _ = update(&whole, .caseload(.loaded(caseload)))
        return whole
    }

    @Test func aRenamedParticipantMovesToItsPlaceAndStaysSelected() {
        var s = Fixture.state()
        s.press("G")  // Öberg, Åsa
        #expect(s.selectedRow?.name == "Öberg, Åsa")
        var asa = Fixture.records[0]
        asa.participant.lastName = "Aalto"
        var after = Fixture.caseload
        after.replace(asa)
        let whole = reloaded(after, from: s)
        #expect(update(&s, .caseload(.changed(CaseloadPatch(records: [asa])))).isEmpty)
        #expect(s.rows == whole.rows)
        #expect(s.list.visible == whole.list.visible)
        #expect(s.visibleNames.first == "Aalto, Åsa")
        #expect(s.selectedRow?.name == "Aalto, Åsa", "the selection follows the participant")
    }

    @Test func aNewParticipantIsAddedInSwedishOrder() {
        var s = Fixture.state()
        let newcomer = ParticipantRecord(participant: Fixture.person("p9", "Åke", "Zetterlund", .other(kind: "test", value: "z")))
        var after = Fixture.caseload
        after.replace(newcomer)
        let whole = reloaded(after, from: s)
        _ = update(&s, .caseload(.changed(CaseloadPatch(records: [newcomer]))))
        #expect(s.rows == whole.rows)
        #expect(s.visibleNames.suffix(3) == ["Zetterlund, Åke", "Ängström, Jörgen", "Öberg, Åsa"])
    }

    @Test func theListsFlagsFollowAChangedRecordAtOnce() {
        var s = Fixture.state()
        var erik = Fixture.records[1]
        #expect(s.rows.first { $0.id == erik.id }?.flagText.contains("I") == true)
        erik.episodes = [Fixture.episode("p2", "RoM", start: "2026-11-02", end: "2027-05-01")]
        _ = update(&s, .caseload(.changed(CaseloadPatch(records: [erik]))))
        #expect(s.rows.first { $0.id == erik.id }?.flagText.contains("I") == false)
        #expect(s.rows.first { $0.id == erik.id }?.ongoingCount == 1)
    }

    @Test func theOpenParticipantIsReadAgainOnlyWhenItChanged() {
        var s = Fixture.state()
        s.press("G", "<Enter>")
        let other = Fixture.records[1]
        #expect(update(&s, .caseload(.changed(CaseloadPatch(records: [other])))).isEmpty)
        var asa = Fixture.records[0]
        asa.participant.phone = "070-111 11 11"
        #expect(update(&s, .caseload(.changed(CaseloadPatch(records: [asa])))) == [.participant(.loadRecord(asa.id))])
    }

    @Test func aChangedTeamDerivesEveryRowsInitials() {
        var s = Fixture.state()
        var anna = Fixture.anna
        anna.name = "Berit Lind"
        _ = update(&s, .caseload(.changed(CaseloadPatch(records: [], team: [anna, Fixture.mats, Fixture.kim]))))
        #expect(s.rows.first { $0.id == .init("p1") }?.responsible.hasPrefix("BL") == true)
    }
}
