import Foundation
import Testing

@testable import SamordnaCore

@Suite struct KartlaggningRulesTests {
    typealias F = KartlaggningFixture
    let t = F.template()

    @Test func progressCountsAnsweredOfRequiredPerSection() {
        let p = KartlaggningRules.progress(answers: ["mal": .text("Kock"), "tolk": .yesNoUnknown(.ja), "boende": .choice("villa")], template: t)
        #expect(p.map(\.shortText) == ["1/1", "0/2"])
        #expect(p[0].isComplete)
        #expect(p[1].answered == 1)
        #expect(p[1].invalid == 1)
        #expect(!p[1].isComplete)
    }

    @Test func completingNeedsEveryRequiredAnswerAndAProfession() {
        let draft = F.kartlaggning("k1", answers: ["mal": .text("Kock"), "tror": .scale(7)])
        do {
            _ = try KartlaggningRules.complete(draft, template: t, professionsPresent: [], by: .init("m"), at: F.at)
            Issue.record("borde ha vägrats")
        } catch {
            #expect(error.reasons == ["ange vilka yrken som var med"])
            #expect(error.order == ["tror", "nasta"])
            #expect(error.description == "ange vilka yrken som var med; tror: välj 1–5 (fick 7); nasta: måste besvaras")
        }
    }

    @Test func completingStampsWhoAndWhen() throws {
        let draft = F.kartlaggning("k1", answers: F.fullAnswers)
        let done = try KartlaggningRules.complete(
            draft, template: t, professionsPresent: [.jobbcoach, .arbetsformedlare], by: .init("m-anna"), at: F.at)
        #expect(done.status == .klar)
        #expect(done.professionsPresent == [.arbetsformedlare, .jobbcoach])
        #expect(done.completedAt == F.at)
        #expect(done.completedBy == .init("m-anna"))
        #expect(throws: CompletionRefusal.self) {
            try KartlaggningRules.complete(done, template: t, professionsPresent: [.jobbcoach], by: .init("m"), at: F.at)
        }
    }

    @Test func aNewKartlaggningStartsFromACopyOfTheLastCompleted() {
        let older = F.kartlaggning("k1", date: "2025-09-01", answers: ["mal": .text("Gammalt")], status: .klar)
        let last = F.kartlaggning("k2", date: "2025-12-01", answers: F.fullAnswers, status: .klar)
        let draft = F.kartlaggning("k3", date: "2026-01-01", answers: ["mal": .text("Utkast")])
        #expect(KartlaggningRules.lastCompleted([older, draft, last]) == last)
        #expect(KartlaggningRules.openDraft([older, draft, last]) == draft)

        let start = KartlaggningRules.start(
            id: .init("k4"), participant: F.participant, template: t, date: LocalDate(iso: "2026-03-02")!, copying: last)
        #expect(start.kartlaggning.answers == F.fullAnswers)
        #expect(start.kartlaggning.status == .utkast)
        #expect(start.kartlaggning.completedAt == nil)
        #expect(start.notCopied.isEmpty)
    }

    @Test func answersThatNoLongerFitTheNewTemplateAreLeftBehind() {
        var newer = F.template(version: 2)
        newer.sections[1].questions[1].type = .singleChoice(["eget kontrakt", "andrahand"])
        newer.sections[1].questions.removeLast()
        let last = F.kartlaggning("k1", answers: F.fullAnswers, status: .klar)
        let start = KartlaggningRules.start(
            id: .init("k2"), participant: F.participant, template: newer, date: LocalDate(iso: "2026-03-02")!, copying: last)
        #expect(start.notCopied == ["boende", "manader"])
        #expect(start.kartlaggning.templateVersion == 2)
        #expect(start.kartlaggning.answers["mal"] == .text("Bli kock"))
    }

    @Test func unknownAnswerIdsAreProblems() {
        let problems = KartlaggningRules.draftProblems(answers: ["borta": .text("x")], template: t)
        #expect(problems == ["borta": .unknownQuestion("borta")])
    }
}
