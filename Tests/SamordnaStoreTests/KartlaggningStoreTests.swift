import Foundation
import GRDB
import SamordnaCore
import SamordnaTemplates
import Testing

@testable import SamordnaStore

@Suite struct KartlaggningStoreTests {
    let dir: TemporaryDirectory
    let store: CaseloadStore
    let template: KartlaggningTemplate

    init() throws {
        dir = try TemporaryDirectory()
        store = try Fixture.store(in: dir)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        let load = try store.currentTemplate(file: dir.file(TemplateFile.name), by: "anna", at: Fixture.at)
        template = load.template
    }

    var pid: Participant.ID { Fixture.participant(1).id }

    func filled() -> [String: Answer] {
        [
            "a_forvantan": .text("Få ett jobb\noch lära mig svenska"), "c_utbildning": .choice("gymnasieexamen"),
            "e_onskat_arbete": .text("Kock"), "f_klara_arbete": .scale(2), "f_soker_aktivt": .scale(3),
            "f_kanner_arbetsmarknaden": .scale(2), "f_vardagen": .scale(4), "f_samarbete": .scale(4), "f_mal": .scale(3),
            "j_hinder": .choices(["språk", "hälsa"]), "l_mal": .choice("arbete"),
            "l_nasta_uppfoljning": .date(LocalDate(year: 2026, month: 4, day: 1)!),
        ]
    }

    @Test func aDraftIsSavedAsItIsFilledInAndCompletedReadOnly() throws {
        let start = try store.startKartlaggning(
            id: .init("k-1"), participant: pid, templateVersion: template.version, date: Fixture.day, by: "anna",
            at: Fixture.at)
        #expect(start.kartlaggning.answers.isEmpty)
        var draft = start.kartlaggning
        draft.answers["e_onskat_arbete"] = .text("Kock")
        draft = try store.saveKartlaggningDraft(draft, expectedVersion: 1, by: "anna", at: Fixture.later)
        #expect(draft.version == 2)

        // Not everything required is answered yet.
        #expect(throws: StoreError.self) {
            try store.completeKartlaggning(
                draft, expectedVersion: 2, professionsPresent: [.arbetsformedlare], by: "anna", at: Fixture.later)
        }
        draft.answers = filled()
        let done = try store.completeKartlaggning(
            draft, expectedVersion: 2, professionsPresent: [.jobbcoach, .arbetsformedlare], by: "anna", at: Fixture.later)
        #expect(done.status == .klar)
        #expect(done.completedBy == Fixture.anna.id)
        #expect(done.professionsPresent == [.arbetsformedlare, .jobbcoach])
        #expect(try store.kartlaggning(done.id) == done)

        var edit = done
        edit.answers["e_onskat_arbete"] = .text("Bagare")
        edit.status = .utkast
        edit.completedAt = nil
        edit.completedBy = nil
        #expect(throws: CaseloadStore.completedKartlaggning) {
            try store.saveKartlaggningDraft(edit, expectedVersion: done.version, by: "anna", at: Fixture.later)
        }
        #expect(throws: CaseloadStore.completedKartlaggning) {
            try store.completeKartlaggning(
                done, expectedVersion: done.version, professionsPresent: [.jobbcoach], by: "anna", at: Fixture.later)
        }
        // The change log holds every step.
        let log = try store.changeLog(for: pid, limit: 10).filter { $0.recordKind == "kartlaggning" }
        #expect(log.count == 3)
    }

    @Test func undoTakesBackADraftsLastAnswersButNeverKlar() throws {
        var draft = try store.startKartlaggning(
            id: .init("k-1"), participant: pid, templateVersion: template.version, date: Fixture.day, by: "anna",
            at: Fixture.at
        ).kartlaggning
        draft.answers["e_onskat_arbete"] = .text("Kock")
        draft = try store.saveKartlaggningDraft(draft, expectedVersion: draft.version, by: "anna", at: Fixture.later)
        draft.answers["e_onskat_arbete"] = .text("Bagare")
        draft = try store.saveKartlaggningDraft(draft, expectedVersion: draft.version, by: "anna", at: Fixture.later)
        guard case .undone = try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: .gmt) else {
            Issue.record("not undone")
            return
        }
        let back = try #require(try store.kartlaggning(draft.id))
        #expect(back.answers["e_onskat_arbete"] == .text("Kock"))
        #expect(back.version == draft.version + 1, "the undo is a write of its own, so an open form gets a conflict")

        var full = back
        full.answers = filled()
        _ = try store.completeKartlaggning(
            full, expectedVersion: back.version, professionsPresent: [.arbetsformedlare], by: "anna", at: Fixture.later)
        guard case .notUndoable(_, let reason) = try store.undoLastChange(by: "anna", at: Fixture.later, timeZone: .gmt)
        else {
            Issue.record("klar was undone")
            return
        }
        #expect(reason.contains("en klar kartläggning ändras inte"))
        #expect(try store.kartlaggning(draft.id)?.status == .klar)
    }

    @Test func anOverLongAnswerIsRefusedWithTheLimitNamedAndNothingIsCut() throws {
        var draft = try store.startKartlaggning(
            id: .init("k-1"), participant: pid, templateVersion: template.version, date: Fixture.day, by: "anna",
            at: Fixture.at
        ).kartlaggning
        draft.answers["a_tolk_sprak"] = .text(String(repeating: "ö", count: 101))
        do {
            _ = try store.saveKartlaggningDraft(draft, expectedVersion: 1, by: "anna", at: Fixture.later)
            Issue.record("borde ha vägrats")
        } catch {
            #expect(error == .invalid(field: "\"Om ja, på vilket språk?\" (a_tolk_sprak)", reason: "för lång text: högst 100 tecken (nu 101)"))
        }
        #expect(try store.kartlaggning(draft.id)?.answers.isEmpty == true)
    }

    @Test func twoEditorsOfOneDraftGetAConflict() throws {
        let draft = try store.startKartlaggning(
            id: .init("k-1"), participant: pid, templateVersion: template.version, date: Fixture.day, by: "anna",
            at: Fixture.at
        ).kartlaggning
        var mine = draft
        mine.answers["e_onskat_arbete"] = .text("Kock")
        var theirs = draft
        theirs.answers["e_onskat_arbete"] = .text("Snickare")
        _ = try store.saveKartlaggningDraft(theirs, expectedVersion: 1, by: "sven", at: Fixture.later)
        #expect(throws: StoreError.recordConflict(kind: .kartlaggning, id: "k-1")) {
            try store.saveKartlaggningDraft(mine, expectedVersion: 1, by: "anna", at: Fixture.later)
        }
    }

    @Test func aNewOneStartsFromACopyOfTheLastCompletedAndOnlyOneDraftAtATime() throws {
        var first = try store.startKartlaggning(
            id: .init("k-1"), participant: pid, templateVersion: template.version, date: Fixture.day, by: "anna",
            at: Fixture.at
        ).kartlaggning
        #expect(throws: StoreError.self) {
            try store.startKartlaggning(
                id: .init("k-2"), participant: pid, templateVersion: template.version, date: Fixture.day, by: "anna",
                at: Fixture.at)
        }
        first.answers = filled()
        _ = try store.completeKartlaggning(
            first, expectedVersion: 1, professionsPresent: [.jobbcoach], by: "jonna", at: Fixture.later)
        let second = try store.startKartlaggning(
            id: .init("k-2"), participant: pid, templateVersion: template.version,
            date: LocalDate(year: 2026, month: 6, day: 1)!, by: "anna", at: Fixture.later)
        #expect(second.kartlaggning.answers == filled())
        #expect(second.kartlaggning.status == .utkast)
        #expect(try store.kartlaggningar(for: pid).map(\.id.rawValue) == ["k-1", "k-2"])
    }

    @Test func assessmentsAreCheckedAndComparisonShowsTheStepChange() throws {
        var first = try store.startKartlaggning(
            id: .init("k-1"), participant: pid, templateVersion: template.version, date: Fixture.day, by: "anna",
            at: Fixture.at
        ).kartlaggning
        let overridden = ProfessionAssessment(
            kartlaggningID: first.id, profession: .jobbcoach, belief: 2, step: .forberedande, suggestedStep: .ingenAktivitet)
        #expect(throws: StoreError.self) { try store.recordAssessment(overridden, replacing: nil, by: "jonna", at: Fixture.at) }
        var reasoned = overridden
        reasoned.overrideReason = "Går på vårdcentralens rehabgrupp"
        try store.recordAssessment(reasoned, replacing: nil, by: "jonna", at: Fixture.at)
        first.answers = filled()
        _ = try store.completeKartlaggning(first, expectedVersion: 1, professionsPresent: [.jobbcoach], by: "jonna", at: Fixture.at)

        var second = try store.startKartlaggning(
            id: .init("k-2"), participant: pid, templateVersion: template.version,
            date: LocalDate(year: 2026, month: 6, day: 1)!, by: "anna", at: Fixture.later
        ).kartlaggning
        second.answers["f_klara_arbete"] = .scale(4)
        second = try store.saveKartlaggningDraft(second, expectedVersion: 1, by: "jonna", at: Fixture.later)
        try store.recordAssessment(
            ProfessionAssessment(
                kartlaggningID: second.id, profession: .jobbcoach, belief: 4, step: .arbetsplatsforlagd,
                suggestedStep: .arbetsplatsforlagd), replacing: nil, by: "jonna", at: Fixture.later)

        let c = try store.compareKartlaggningar(second.id, first.id)
        #expect(c.older.id == first.id)
        #expect(c.changedRows.map(\.questionID) == ["f_klara_arbete"])
        #expect(c.changedRows.first?.changeText(olderVersion: 1, newerVersion: 1) == "2 → 4 ↑")
        #expect(c.professions.first?.step.description == "2 → 4 ↑")
        let record = try #require(try store.kartlaggningRecord(first.id))
        #expect(record.template == template)
        #expect(record.assessments == [reasoned])
    }

    @Test func startingOnATemplateVersionThatIsNotStoredIsRefused() {
        #expect(throws: CaseloadStore.unknownTemplate(9)) {
            try store.startKartlaggning(
                id: .init("k-1"), participant: pid, templateVersion: 9, date: Fixture.day, by: "anna", at: Fixture.at)
        }
    }
}
