import Testing

@testable import SamordnaCore

@Suite struct TemplateRulesTests {
    typealias F = KartlaggningFixture

    func reasons(_ change: (inout KartlaggningTemplate) -> Void) -> [String] {
        var t = F.template()
        change(&t)
        return t.problems.map(\.description)
    }

    @Test func theFixtureTemplateIsValid() {
        #expect(F.template().problems.isEmpty)
    }

    @Test func questionIdsMustBeUniqueInTheWholeTemplate() {
        let found = reasons { $0.sections[1].questions[0].id = "mal" }
        #expect(found == [
            "avsnitt 2, fråga 1: frågans id 'mal' används redan av avsnitt 1, fråga 1 "
                + "(svaren sparas under id:t, så det måste vara unikt i hela mallen)"
        ])
    }

    @Test func sectionIdsMustBeUnique() {
        #expect(reasons { $0.sections[1].id = "A" } == ["avsnitt 2: avsnittets id 'A' används redan av avsnitt 1"])
    }

    @Test func aScaleNeedsBothAnchorLabels() {
        let found = reasons { $0.sections[1].questions[0].type = .scale(low: "inte alls", high: " ") }
        #expect(found == ["avsnitt 2, fråga 1: en skala 1–5 måste ha ankartext för både 1 (låg) och 5 (hög)"])
    }

    @Test func aRequiredQuestionNeedsALabel() {
        #expect(reasons { $0.sections[0].questions[0].label = "" } == ["avsnitt 1, fråga 1: en obligatorisk fråga måste ha en frågetext"])
        #expect(reasons { $0.sections[0].questions[1].label = " " } == ["avsnitt 1, fråga 2: frågan saknar frågetext"])
    }

    @Test func choicesNeedOptionsThatAreDistinctAndNotEmpty() {
        #expect(reasons { $0.sections[1].questions[1].type = .singleChoice([]) } == ["avsnitt 2, fråga 2: ett-val måste ha alternativ"])
        #expect(reasons { $0.sections[1].questions[2].type = .multipleChoice([]) } == ["avsnitt 2, fråga 3: flera-val måste ha alternativ"])
        #expect(reasons { $0.sections[1].questions[2].type = .multipleChoice(["a", ""]) } == ["avsnitt 2, fråga 3: alternativ 2 är tomt"])
        let repeated = reasons { $0.sections[1].questions[1].type = .singleChoice(["a", "a"]) }
        #expect(repeated == ["avsnitt 2, fråga 2: alternativet \"a\" finns två gånger"])
    }

    @Test func idsAreAsciiSoAnAnswerAlwaysFindsItsQuestion() {
        let found = reasons { $0.sections[0].questions[1].id = "mål" }
        #expect(found.count == 1)
        #expect(found[0].contains("inte å, ä, ö"))
        #expect(reasons { $0.sections[0].questions[1].id = "" } == ["avsnitt 1, fråga 2: frågan saknar id"])
    }

    @Test func maxLengthIsForTextAndWithinBounds() {
        #expect(reasons { $0.sections[1].questions[3].maxLength = 10 } == ["avsnitt 2, fråga 4: maxlängd gäller bara text och lång-text"])
        #expect(reasons { $0.sections[0].questions[0].maxLength = 0 }.first?.contains("1–100 000") == true)
    }

    @Test func theTemplateNeedsAVersionATitleAndSections() {
        let t = KartlaggningTemplate(version: 0, title: "", sections: [])
        #expect(t.problems.map(\.reason) == [
            "versionen måste vara ett heltal från 1 och uppåt (är 0)", "mallen saknar titel", "mallen har inga avsnitt",
        ])
        #expect(reasons { $0.sections[0].questions = [] } == ["avsnitt 1: avsnittet har inga frågor"])
    }

    @Test func controlCharactersInLabelsAreRefused() {
        let found = reasons { $0.sections[0].questions[1].label = "Kort\u{1B}[31m" }
        #expect(found.first?.contains("U+001B") == true)
    }
}
