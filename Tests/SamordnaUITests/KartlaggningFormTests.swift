import Foundation
import SamordnaCore
import TerminalUI
import TerminalUITesting
import Testing

@testable import SamordnaUI

/// The kartläggning form and the read-only and comparison views, on a small hand-made template.
@Suite struct KartlaggningFormTests {
    static let template = KartlaggningTemplate(
        version: 2, title: "Kartläggning",
        sections: [
            TemplateSection(
                id: "A", title: "A. Om dig",
                questions: [
                    TemplateQuestion(id: "a1", label: "Vad vill du arbeta med?", type: .text, required: true, maxLength: 20),
                    TemplateQuestion(id: "a2", label: "Berätta mer", type: .multilineText),
                    TemplateQuestion(
                        id: "a3", label: "Jag tror att jag kan få ett arbete", type: .scale(low: "stämmer inte alls", high: "stämmer helt"),
                        required: true),
                ]),
            TemplateSection(
                id: "B", title: "B. Vardag",
                questions: [
                    TemplateQuestion(id: "b1", label: "Har du körkort?", type: .yesNoUnknown),
                    TemplateQuestion(id: "b2", label: "Kontaktväg", type: .multipleChoice(["sms", "telefon", "brev"])),
                    TemplateQuestion(id: "b3", label: "Sedan när?", type: .date),
                    TemplateQuestion(id: "b4", label: "Timmar per vecka", type: .number),
                ]),
        ])

    static func draft(_ answers: [String: Answer] = [:], date: String = "2026-11-23", id: String = "k1") -> Kartlaggning {
        Kartlaggning(
            id: .init(id), participantID: .init("p1"), templateVersion: 2, date: Fixture.date(date), answers: answers)
    }

    /// Öberg open on the Kartläggning tab with the form open on a new draft.
    func openForm(_ answers: [String: Answer] = [:]) -> AppState {
        var s = Fixture.state()
        s.press("G", "<Enter>")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
        s.press("2")
        _ = update(&s, .kartlaggning(.opened(KartlaggningSession(kartlaggning: Self.draft(answers), template: Self.template))))
        return s
    }

    /// Whether the effects mark the kartläggning klar.
    func completes(_ effects: [Effect]) -> Bool {
        effects.contains { if case .kartlaggning(.complete) = $0 { return true } else { return false } }
    }

    func form(_ s: AppState) -> FormScreen<KartlaggningFormContent>? {
        if case .kartlaggningForm(let f) = s.stack.last { return f }
        return nil
    }

    @Test func nStartsANewKartlaggningOrContinuesTheDraft() {
        var s = Fixture.state()
        s.press("G", "<Enter>")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
        s.press("2")
        // Asked first, so a stray n leaves no empty draft.
        #expect(s.press("n").isEmpty)
        #expect(s.screenText.contains("Starta en ny kartläggning?"))
        #expect(s.press("<Enter>") == [.kartlaggning(.start(.init("p1")))], "Starta has focus")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0], kartlaggningar: [Self.draft()]))))
        #expect(s.press("n") == [.kartlaggning(.open(.init("k1")))])
        #expect(s.status?.contains("Det finns redan ett utkast") == true)
    }

    @Test func theFirstPageShowsTheSectionItsProgressAndAWidgetPerType() {
        let s = openForm()
        let text = s.screenText
        #expect(text.contains("Kartläggning · Åsa Öberg · 1/3 A. Om dig"))
        #expect(text.contains("A 0/3"))
        #expect(text.contains("B 0/4"))
        #expect(text.contains("obligatoriska 0 av 2"))
        #expect(text.contains("Vad vill du arbeta med? *"))
        #expect(text.contains("( ) 1 stämmer inte alls"))
        #expect(text.contains("( ) 5 stämmer helt"))
        #expect(text.contains("Ctrl-n Nästa del"))
    }

    @Test func leavingAFieldSavesTheDraftWithTheAnswer() {
        var s = openForm()
        s.type("Undersköterska på äldreboende")  // 29 characters: over the template's limit of 20
        let refused = s.press("<Tab>")
        #expect(refused.isEmpty, "an over-long answer is not saved")
        #expect(form(s)!.form["a1"]?.error == "för lång text: högst 20 tecken (nu 29)")
        #expect(form(s)!.form.value(of: "a1")?.string == "Undersköterska på äldreboende", "typed text is kept, never cut")
        s.press("<S-Tab>")
        for _ in 0..<12 { s.press("<BS>") }
        #expect(
            s.press("<Tab>") == [.kartlaggning(.saveDraft(Self.draft(["a1": .text("Undersköterska på")]), base: Self.draft()))])
        #expect(form(s)!.form["a1"]?.error == nil)
        // The multi-line answer keeps åäö, wide characters and line breaks.
        s.type("Tycker om människor.")
        s.press("<Enter>")
        s.type("作者 och språk")
        let effects = s.press("<Tab>")
        guard case .kartlaggning(.saveDraft(let k, _))? = effects.first else {
            Issue.record("no save")
            return
        }
        #expect(k.answers["a2"] == .text("Tycker om människor.\n作者 och språk"))
    }

    @Test func theScaleYesNoChoicesDateAndNumberBecomeTypedAnswers() {
        var s = openForm()
        s.press("<Tab>", "<Tab>", "<Right>", "<Right>", "<Right>", "<Right>")  // scale 4
        let effects = s.press("<C-n>")
        guard case .kartlaggning(.saveDraft(let k, _))? = effects.first else {
            Issue.record("no save: \(effects)")
            return
        }
        #expect(k.answers["a3"] == .scale(4))
        #expect(form(s)!.content.page == 1)
        _ = update(&s, .kartlaggning(.draftSaved({ var k2 = k; k2.version = 2; return k2 }(), merged: false)))
        s.press("<Right>")  // ja
        s.press("<Tab>", "<Space>", "<Right>", "<Right>", "<Space>")  // sms, brev
        s.press("<Tab>")
        s.type("2026-13-01")
        s.press("<Tab>")
        #expect(form(s)!.form["b3"]?.error?.contains("inget datum") == true)
        s.type("12,5")
        let saved = s.press("<Tab>")
        guard case .kartlaggning(.saveDraft(let k2, _))? = saved.last else {
            Issue.record("no save: \(saved)")
            return
        }
        #expect(k2.version == 2)
        #expect(k2.answers["b1"] == .yesNoUnknown(.ja))
        #expect(k2.answers["b2"] == .choices(["sms", "brev"]))
        #expect(k2.answers["b3"] == nil)
        #expect(k2.answers["b4"] == .number(12.5))
    }

    @Test func escSavesAndClosesOnceSaved() {
        var s = openForm()
        s.type("Kock")
        let effects = s.press("<Esc>")
        #expect(effects == [.kartlaggning(.saveDraft(Self.draft(["a1": .text("Kock")]), base: Self.draft()))])
        #expect(form(s)?.closing == true, "it waits for the save")
        var saved = Self.draft(["a1": .text("Kock")])
        saved.version = 2
        // The answer to the last pending save closes the form: no message to itself.
        #expect(update(&s, .kartlaggning(.draftSaved(saved, merged: false))) == [.participant(.loadRecord(.init("p1")))])
        #expect(form(s) == nil)
        #expect(s.status == "Utkastet är sparat; e fortsätter")
    }

    @Test func aFailedSaveKeepsTheFormAndLeavingAsks() {
        var s = openForm()
        s.type("Kock")
        _ = s.press("<Esc>")
        #expect(update(&s, .kartlaggning(.saveFailed(.store("disken är full")))).isEmpty)
        #expect(form(s) != nil, "nothing typed is dropped by a failed save")
        #expect(form(s)!.content.answers["a1"] == .text("Kock"))
        #expect(s.status == "Kunde inte spara kartläggningen: disken är full")
        s.press("<Esc>")
        #expect(s.screenText.contains("Det senaste kunde inte sparas."))
        s.press("<Enter>")  // the default is to stay
        #expect(form(s) != nil)
    }

    @Test func aRefusedValueIsKeptAcrossPagesAndLeavingAsks() {
        var s = openForm()
        s.press("<C-n>", "<Tab>", "<Tab>")
        s.type("2026-02-30")
        s.press("<C-n>", "<C-p>")
        #expect(form(s)!.form.value(of: "b3")?.string == "2026-02-30", "what was typed comes back")
        #expect(form(s)!.form["b3"]?.error?.contains("inget datum") == true)
        s.press("<Esc>")
        #expect(s.screenText.contains("1 svar har fel och sparas inte"))
        s.press("y")
        #expect(form(s) == nil)
    }

    @Test func theLastPageIsSavedAsADraftToo() {
        var s = openForm()
        s.press("<C-n>", "<C-n>")
        s.press("<Tab>", "<Right>", "<Right>", "<Right>", "<Right>")  // tilltro 4
        let effects = s.press("<Esc>")
        guard effects.count == 2, case .kartlaggning(.saveDraft(let k, _)) = effects[0], case .kartlaggning(.saveAssessment(let a)) = effects[1]
        else {
            Issue.record("\(effects)")
            return
        }
        #expect(k.professionsPresent == [.arbetsformedlare])
        #expect(a.belief == 4)
        #expect(form(s)?.closing == true)
    }

    @Test func aColleaguesAnswersInTheSameDraftComeIntoTheForm() {
        var s = openForm()
        s.type("Kock")
        _ = s.press("<Tab>")
        var merged = Self.draft(["a1": .text("Kock"), "a3": .scale(5)])
        merged.version = 3
        _ = update(&s, .kartlaggning(.draftSaved(merged, merged: true)))
        #expect(form(s)!.content.answers["a3"] == .scale(5))
        #expect(form(s)!.form.value(of: "a3")?.selectedIndex == 4)
        #expect(s.status == "Sparat; en kollegas svar i samma utkast har kommit in")
    }

    @Test func ctrlCAndAClosedTerminalSaveThePageBeforeQuitting() {
        var s = openForm()
        s.type("Snickare")
        #expect(update(&s, .interrupt) == [.kartlaggning(.saveDraft(Self.draft(["a1": .text("Snickare")]), base: Self.draft()))])
        #expect(s.shouldQuit)
        var h = openForm()
        h.type("Målare")
        #expect(update(&h, .hangup) == [.kartlaggning(.saveDraft(Self.draft(["a1": .text("Målare")]), base: Self.draft()))])
    }

    @Test func completingRefusesMissingAnswersAndGoesToThem() {
        var s = openForm()
        s.press("<C-n>", "<C-n>")
        #expect(form(s)!.content.isLastPage)
        #expect(s.screenText.contains("Bedömning och klar"))
        // Without tilltro the last page itself is refused first.
        #expect(!completes(s.press("<C-s>")))
        #expect(form(s)!.form["_belief"]?.error != nil)
        s.press("<Right>")
        #expect(!completes(s.press("<C-s>")))
        let f = form(s)!
        #expect(f.content.page == 0, "back to the first section with a problem")
        #expect(f.form["a1"]?.error == "måste besvaras")
        #expect(f.form["a3"]?.error == "måste besvaras")
        #expect(s.status == "2 frågor saknar svar eller har fel; de är markerade")
    }

    @Test func anotherStepThanSuggestedNeedsAReasonAndKlarIsConfirmed() {
        var s = openForm(["a1": .text("Kock"), "a3": .scale(3)])
        s.press("<C-n>", "<C-n>")
        // Present: the user's profession ticked already. Belief 4, step one above the suggestion.
        s.press("<Tab>", "<Right>", "<Right>", "<Right>", "<Right>", "<Tab>", "<Right>")
        #expect(!completes(s.press("<C-s>")))
        #expect(form(s)!.form["_reason"]?.error?.contains("ange varför steg") == true)
        #expect(form(s)!.form.focusedID == "_reason", "focus goes to the field to fix")
        s.type("Har egen kontakt med arbetsgivare")
        #expect(!completes(s.press("<C-s>")))
        #expect(s.screenText.contains("Markera kartläggningen som klar?"))
        let effects = s.press("y")
        guard case .kartlaggning(.complete(let done))? = effects.first else {
            Issue.record("no completion: \(effects)")
            return
        }
        #expect(done.kartlaggning.professionsPresent == [.arbetsformedlare])
        #expect(done.assessment.profession == .arbetsformedlare)
        #expect(done.assessment.belief == 4)
        #expect(done.assessment.step.rawValue == done.assessment.suggestedStep.rawValue + 1)
        #expect(done.assessment.overrideReason == "Har egen kontakt med arbetsgivare")
    }

    @Test func aCompletedKartlaggningOpensReadOnlyWithItsTemplateVersion() {
        var s = Fixture.state()
        var k = Self.draft(["a1": .text("Kock"), "a3": .scale(2)])
        k.status = .klar
        k.professionsPresent = [.arbetsformedlare, .jobbcoach]
        k.completedBy = Fixture.anna.id
        _ = update(&s, .kartlaggning(.opened(KartlaggningSession(kartlaggning: k, template: Self.template))))
        guard case .document(let doc) = s.stack.last else {
            Issue.record("not read-only")
            return
        }
        let text = doc.lines.map(\.text)
        #expect(text.contains("Kartläggning 2026-11-23 · klar · mall v2"))
        #expect(text.contains("  Närvarande: arbetsförmedlare, jobbcoach · markerad klar av Anna Lind"))
        #expect(text.contains("    2 av 5"))
        #expect(s.press("p") == [.kartlaggning(.print(.init("k1")))])
    }

    @Test func theComparisonShowsChangedAnswersScaleArrowsAndTheStep() {
        var s = Fixture.state()
        var older = Self.draft(["a1": .text("Kock"), "a3": .scale(2)], date: "2026-03-02", id: "k0")
        older.status = .klar
        var newer = Self.draft(["a1": .text("Kock"), "a3": .scale(4), "b1": .yesNoUnknown(.ja)])
        newer.status = .klar
        let before = [ProfessionAssessment(kartlaggningID: older.id, profession: .arbetsformedlare, belief: 2, step: .kartlaggning, suggestedStep: .kartlaggning)]
        let after = [ProfessionAssessment(kartlaggningID: newer.id, profession: .arbetsformedlare, belief: 4, step: .arbetsplatsforlagd, suggestedStep: .arbetsplatsforlagd)]
        _ = update(
            &s,
            .kartlaggning(.compared(
                KartlaggningSession(kartlaggning: newer, template: Self.template, assessments: after),
                KartlaggningSession(kartlaggning: older, template: Self.template, assessments: before))))
        guard case .document(let doc) = s.stack.last else {
            Issue.record("no comparison")
            return
        }
        let text = doc.lines.map(\.text)
        #expect(text.first == "Jämförelse 2026-03-02 (mall v2) → 2026-11-23 (mall v2)")
        #expect(text.contains("  Teamet: 1 → 4 ↑"))
        #expect(text.contains("  Jag tror att jag kan få ett arbete  [2 → 4 ↑]"))
        #expect(text.contains("  Har du körkort?  [nytt svar]"))
        #expect(text.contains { $0.hasPrefix("  Arbetsförmedlare") && $0.contains("tilltro 2 → 4 ↑") })
        #expect(s.screenText.contains("skrivskyddad"))
    }

    @Test func cOffersTheOtherKartlaggningarToCompareWith() {
        var s = Fixture.state()
        s.press("G", "<Enter>")
        var older = Self.draft(date: "2026-03-02", id: "k0")
        older.status = .klar
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0], kartlaggningar: [older, Self.draft()]))))
        s.press("2")
        #expect(s.openParticipant?.itemIDs == [.kartlaggning(.init("k1")), .kartlaggning(.init("k0"))])
        s.press("c")
        #expect(s.screenText.contains("2026-03-02  klar    mall v2  0 svar  k0"))
        #expect(s.press("<Enter>") == [.kartlaggning(.compare(.init("k1"), .init("k0")))])
    }
}

/// The kartläggning form at 80×24 with many sections, and after a resize.
@Suite struct KartlaggningFormSizeTests {
    static let manySections = KartlaggningTemplate(
        version: 1, title: "Många avsnitt",
        sections: "ABCDEFGHIJKL".map { letter in
            TemplateSection(
                id: String(letter), title: "Avsnitt \(letter)",
                questions: (1...30).map { n in
                    TemplateQuestion(id: "\(letter)\(n)", label: "Fråga \(n) i \(letter)", type: .text, required: n <= 10)
                })
        })

    func open(_ s: inout AppState) {
        s.press("G", "<Enter>")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
        s.press("2")
        _ = update(
            &s,
            .kartlaggning(.opened(
                KartlaggningSession(
                    kartlaggning: Kartlaggning(
                        id: .init("k1"), participantID: .init("p1"), templateVersion: 1, date: Fixture.today),
                    template: Self.manySections))))
    }

    @Test func twelveSectionsFitOnOneLineAt80Columns() {
        var s = Fixture.state()
        open(&s)
        let line = s.screenText.split(separator: "\n", omittingEmptySubsequences: false)[1]
        #expect(line.hasPrefix(" A 0/30 B C D E F G H I J K L"), "\(line)")
    }

    @Test func aResizeKeepsTheFocusedQuestionInView() {
        var s = Fixture.state(width: 100, height: 40)
        open(&s)
        for _ in 0..<25 { s.press("<Tab>") }
        #expect(s.screenText.contains("▸ Fråga 26 i A"))
        _ = update(&s, .resized(Size(width: 80, height: 24)))
        guard case .kartlaggningForm(let f) = s.stack.last else {
            Issue.record("no form")
            return
        }
        #expect(f.form.viewport == KartlaggningFormContent.formViewport(s))
        #expect(s.screenText.contains("▸ Fråga 26 i A"), "\(s.screenText)")
    }
}

@Suite struct KartlaggningKeysTests {
    @Test func theSectionKeysAreCommandsInTheKeymapAndHelpListsThem() {
        var s = Fixture.state(width: 100, height: 40)
        s.press("G", "<Enter>")
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
        s.press("2")
        _ = update(
            &s,
            .kartlaggning(.opened(
                KartlaggningSession(kartlaggning: KartlaggningFormTests.draft(), template: KartlaggningFormTests.template))))
        // A rebinding moves the section key.
        s.keymap.bind(KeyChord(parsing: "<F8>")!, to: .nextSection, in: .kartlaggning)
        s.press("<F8>")
        guard case .kartlaggningForm(let f) = s.stack.last else {
            Issue.record("no form")
            return
        }
        #expect(f.content.page == 1)
        s.press("<F1>")
        let help = s.screenText
        #expect(help.contains("Nästa del"))
        #expect(help.contains("Ctrl-n"))
        #expect(help.contains("Formulär"))
        #expect(help.contains("I fälten"))
    }
}
