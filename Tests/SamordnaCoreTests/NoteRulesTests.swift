import Foundation
import Testing

@testable import SamordnaCore

private let pid = Participant.ID("p1")
private let anna = RulesFixture.member("anna", .socialsekreterare)
private let bo = RulesFixture.member("bo", .arbetsformedlare)
private let cia = RulesFixture.member("cia", .socialsekreterare)

private func at(_ minutes: Double) -> Date { Date(timeIntervalSince1970: 1_780_000_000 + minutes * 60) }

private func note(_ id: String, _ text: String = "Möte hölls.", at time: Double, corrects: String? = nil) -> Note {
    Note(
        id: Note.ID(id), participantID: pid, authorID: anna.id, profession: anna.profession, owner: anna.organisation,
        writtenAt: at(time), text: text, corrects: corrects.map { Note.ID($0) })
}

@Suite struct NoteRulesTests {
    @Test func aNoteIsStampedWithAuthorProfessionAndOrganisation() throws {
        let n = try NoteRules.note(text: "Trepartssamtal bokat.", about: pid, author: bo, at: at(0), id: Note.ID("n1")).get()
        #expect(n.authorID == bo.id && n.profession == .arbetsformedlare && n.owner == .af)
        #expect(n.writtenAt == at(0) && n.corrects == nil)
    }

    @Test func theTextIsKeptExactlyAsTyped() throws {
        let text = "  Rad ett\n\tindragen rad\r\nrad tre  \n"
        #expect(try NoteRules.validate(text: text).get() == text)
    }

    @Test func anEmptyNoteIsRefused() {
        #expect(NoteRules.validate(text: " \n\t").failureReason == "anteckningen är tom")
    }

    @Test func tenThousandCharactersAreAllowedAndOneMoreIsRefused() throws {
        let limit = String(repeating: "å", count: 10_000)
        #expect(try NoteRules.validate(text: limit).get().count == 10_000)
        #expect(NoteRules.validate(text: limit + "ä").failureReason == "högst 10 000 tecken (nu 10 001)")
    }

    @Test func controlCharactersOtherThanNewlineAndTabAreRefusedWithTheLine() {
        #expect(
            NoteRules.validate(text: "Rad ett\nRad två \u{1B}[2J").failureReason
                == "innehåller styrtecknet U+001B på rad 2, som inte är tillåtet (bara radbrytning och tabb)")
        #expect(NoteRules.validate(text: "a\rb").failureReason?.contains("U+000D") == true)
    }

    @Test func aCorrectionIsANewNotePointingAtTheCorrectedOne() throws {
        let original = note("n1", "Fel datum: 3 maj.", at: 0)
        let fix = try NoteRules.correction(of: original, text: "Rätt datum: 5 maj.", author: cia, at: at(10), id: Note.ID("n2")).get()
        #expect(fix.corrects == original.id && fix.participantID == original.participantID)
        #expect(fix.authorID == cia.id && fix.text == "Rätt datum: 5 maj.")
        #expect(original.text == "Fel datum: 3 maj.")
    }

    @Test func onlyTheOwningOrganisationCorrectsANote() {
        let reason = NoteRules.correction(of: note("n1", at: 0), text: "Rättelse", author: bo, at: at(1), id: Note.ID("n2"))
            .failureReason
        #expect(reason?.hasPrefix("anteckningen ägs av") == true)
        #expect(reason?.contains("skriv en egen anteckning") == true)
    }

    @Test func aCorrectionFollowsTheTextRules() {
        #expect(
            NoteRules.correction(of: note("n1", at: 0), text: "", author: cia, at: at(1), id: Note.ID("n2")).failureReason
                == "anteckningen är tom")
    }

    @Test func aCorrectionMustPointAtAnExistingNoteOfTheSameParticipant() throws {
        let mine = note("n1", at: 0)
        var theirs = note("n9", at: 0)
        theirs.participantID = Participant.ID("p2")
        #expect(try NoteRules.correctionTarget(Note.ID("n1"), for: pid, among: [mine, theirs]).get() == mine)
        #expect(
            NoteRules.correctionTarget(Note.ID("zz"), for: pid, among: [mine]).failureReason
                == "anteckningen som ska rättas (zz) finns inte")
        #expect(
            NoteRules.correctionTarget(Note.ID("n9"), for: pid, among: [mine, theirs]).failureReason
                == "anteckningen som ska rättas (n9) gäller en annan deltagare")
    }

    @Test func theThreadShowsNewestFirstWithCorrectionsUnderTheirNote() {
        let notes = [
            note("old", at: 0), note("new", at: 100), note("fix-old-1", at: 150, corrects: "old"),
            note("fix-old-2", at: 200, corrects: "fix-old-1"), note("mid", at: 50),
        ]
        let thread = NoteRules.threadOrder(notes)
        #expect(thread.map(\.note.id.rawValue) == ["new", "mid", "old", "fix-old-1", "fix-old-2"])
        #expect(thread.map(\.isCorrection) == [false, false, false, true, true])
    }

    @Test func aCorrectionWhoseNoteIsMissingStandsOnItsOwn() {
        let thread = NoteRules.threadOrder([note("a", at: 0), note("fix", at: 10, corrects: "gone")])
        #expect(thread.map(\.note.id.rawValue) == ["fix", "a"])
        #expect(thread[0].isCorrection)
    }

    @Test func aLoopInStoredCorrectionsHidesNoNote() {
        let thread = NoteRules.threadOrder([note("a", at: 0, corrects: "b"), note("b", at: 10, corrects: "a")])
        #expect(Set(thread.map(\.note.id.rawValue)) == ["a", "b"])
    }
}
