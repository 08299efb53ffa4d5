import Testing

@testable import SamordnaCore

@Suite struct KartlaggningComparisonTests {
    typealias F = KartlaggningFixture

    func assessment(_ k: String, _ p: Profession, belief: Int, step: Step) -> ProfessionAssessment {
        ProfessionAssessment(kartlaggningID: .init(k), profession: p, belief: belief, step: step, suggestedStep: step)
    }

    @Test func scaleChangesShowTheNumbersAndAnArrow() {
        #expect(LevelChange(from: 2, to: 4).description == "2 → 4 ↑")
        #expect(LevelChange(from: 4, to: 1).description == "4 → 1 ↓")
        #expect(LevelChange(from: 3, to: 3).description == "3 → 3 =")
        #expect(LevelChange(from: nil, to: 3).description == "– → 3")
    }

    @Test func changedAnswersScaleArrowsAndTheStepChange() {
        let older = F.kartlaggning("k1", date: "2025-12-01", answers: F.fullAnswers, status: .klar)
        var answers = F.fullAnswers
        answers["tror"] = .scale(4)
        answers["mal"] = .text("Bli kock på restaurang")
        answers["hinder"] = .choices(["språk"])
        answers["tolk"] = .yesNoUnknown(.nej)
        answers["manader"] = nil
        let newer = F.kartlaggning("k2", date: "2026-03-02", answers: answers, status: .klar)
        let c = KartlaggningComparison(
            older: older, olderTemplate: F.template(),
            olderAssessments: [assessment("k1", .jobbcoach, belief: 2, step: .forberedande)],
            newer: newer, newerTemplate: F.template(),
            newerAssessments: [
                assessment("k2", .jobbcoach, belief: 4, step: .arbetsplatsforlagd),
                assessment("k2", .arbetsformedlare, belief: 3, step: .kompetenshojande),
            ])
        let changed = Dictionary(uniqueKeysWithValues: c.changedRows.map { ($0.questionID, $0) })
        #expect(Set(changed.keys) == ["mal", "tror", "tolk", "manader"])
        #expect(changed["tror"]?.change == .scale(LevelChange(from: 2, to: 4)))
        #expect(changed["tror"]?.changeText(olderVersion: 1, newerVersion: 1) == "2 → 4 ↑")
        #expect(changed["mal"]?.older == "Bli kock")
        #expect(changed["mal"]?.newer == "Bli kock på restaurang")
        #expect(changed["tolk"]?.change == .added)
        #expect(changed["manader"]?.change == .removed)
        #expect(changed["manader"]?.older == "14")
        #expect(c.professions.map(\.profession) == [.arbetsformedlare, .jobbcoach])
        #expect(c.professions[1].step.description == "2 → 4 ↑")
        #expect(c.professions[1].belief.description == "2 → 4 ↑")
        #expect(c.professions[0].step.description == "– → 3")
        #expect(c.teamStep.description == "2 → 3 ↑")
    }

    @Test func questionsOnlyInOneTemplateVersionAreMarked() {
        var newerTemplate = F.template(version: 2)
        newerTemplate.sections[0].questions.removeLast()  // tolk
        newerTemplate.sections[0].questions.append(TemplateQuestion(id: "ny", label: "Ny fråga", type: .text))
        let older = F.kartlaggning("k1", answers: ["tolk": .yesNoUnknown(.ja)], status: .klar)
        let newer = F.kartlaggning("k2", answers: ["ny": .text("Svar")], templateVersion: 2)
        let c = KartlaggningComparison(older: older, olderTemplate: F.template(), newer: newer, newerTemplate: newerTemplate)
        let tolk = c.rows.first { $0.questionID == "tolk" }!
        let ny = c.rows.first { $0.questionID == "ny" }!
        #expect(tolk.presence == .onlyOlder)
        #expect(tolk.changeText(olderVersion: 1, newerVersion: 2) == "svar borttaget (bara i mallversion 1)")
        #expect(ny.presence == .onlyNewer)
        #expect(ny.changeText(olderVersion: 1, newerVersion: 2) == "nytt svar (bara i mallversion 2)")
        #expect(c.rows.last?.questionID == "tolk")
        #expect(c.teamStep.description == "– → –")
    }

    @Test func theSameBoxesTickedInAnotherOrderAreNoChange() {
        let older = F.kartlaggning("k1", answers: ["hinder": .choices(["språk", "hälsa"])])
        let newer = F.kartlaggning("k2", answers: ["hinder": .choices(["hälsa", "språk"])])
        let c = KartlaggningComparison(older: older, olderTemplate: F.template(), newer: newer, newerTemplate: F.template())
        #expect(c.changedRows.isEmpty)
    }
}
