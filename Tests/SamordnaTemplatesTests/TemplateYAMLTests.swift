import Foundation
import SamordnaCore
import Testing

@testable import SamordnaTemplates

/// A small valid template; tests change one line of it at a time.
let minimal = """
    version: 3
    titel: Prov
    avsnitt:
      - id: A
        titel: Första
        känslighet: P2
        ägare: socialsekreterare
        frågor:
          - id: a1
            fråga: Hur mår du?
            typ: skala
            skala: {låg: dåligt, hög: bra}
            obligatorisk: ja
          - id: a2
            fråga: Vad vill du?
            typ: lång-text
            maxlängd: 200
            känslighet: P0
            ägare: gemensam
    """

/// The problems of `yaml` as `line:column: reason` lines, or [] when it parses.
func problems(_ yaml: String) -> [TemplateFileProblem] {
    do {
        _ = try TemplateYAML.parse(yaml, file: "kartlaggning.yaml")
        return []
    } catch {
        return error.problems
    }
}

@Suite struct TemplateYAMLTests {
    @Test func theDefaultTemplateParsesAndFollowsEveryRule() throws {
        let t = try DefaultTemplate.template()
        #expect(t.version == 1)
        #expect(t.sections.map(\.id) == ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"])
        #expect(t.problems.isEmpty)
        #expect(t.questions.count > 50)
        // Every answer type the issue names is used.
        let kinds = Set(t.questions.map { AnswerRules.kindName($0.type) })
        #expect(kinds.count == 8)
        // Health questions are special category data (docs/domain-rules.md, Sensitivity classes).
        #expect(t.sections.first { $0.id == "G" }!.questions.allSatisfy { $0.sensitivity == .p3 })
        #expect(t.question("b_skulder")?.owner == .socialsekreterare)
        #expect(t.question("a_forvantan")?.sensitivity == .p0)
        #expect(t.question("a_kontaktsatt")?.sensitivity == .p1)
        #expect(t.question("f_klara_arbete")?.type == .scale(low: "stämmer inte alls", high: "stämmer helt"))
    }

    @Test func theDefaultTemplateShipsNoKasamItems() {
        let text = DefaultTemplate.yaml.lowercased()
        for word in ["kasam", "soc-13", "känsla av sammanhang", "begriplig", "hanterbar", "meningsfull"] {
            #expect(!text.contains(word), "\(word)")
        }
    }

    @Test func sectionSensitivityAndOwnerApplyToQuestionsWithoutTheirOwn() throws {
        let t = try TemplateYAML.parse(minimal, file: "k.yaml").template
        #expect(t.version == 3)
        #expect(t.question("a1")?.sensitivity == .p2)
        #expect(t.question("a1")?.owner == .socialsekreterare)
        #expect(t.question("a1")?.required == true)
        #expect(t.question("a2")?.sensitivity == .p0)
        #expect(t.question("a2")?.owner == nil)
        #expect(t.question("a2")?.maxLength == 200)
        #expect(t.question("a2")?.type == .multilineText)
    }

    @Test func everyAnswerTypeIsRead() throws {
        let yaml = """
            version: 1
            titel: Alla typer
            avsnitt:
              - id: s
                titel: Typer
                frågor:
                  - {id: t, fråga: Text, typ: text}
                  - {id: m, fråga: Lång, typ: lång-text}
                  - {id: s5, fråga: Skala, typ: skala, skala: {låg: lite, hög: mycket}}
                  - {id: jn, fråga: Ja eller nej, typ: ja-nej}
                  - {id: e, fråga: Ett, typ: ett-val, alternativ: [x, y]}
                  - {id: f, fråga: Flera, typ: flera-val, alternativ: [x]}
                  - {id: d, fråga: Datum, typ: datum}
                  - {id: n, fråga: Tal, typ: tal}
            """
        let types = try TemplateYAML.parse(yaml, file: "k.yaml").template.questions.map(\.type)
        #expect(
            types == [
                .text, .multilineText, .scale(low: "lite", high: "mycket"), .yesNoUnknown, .singleChoice(["x", "y"]),
                .multipleChoice(["x"]), .date, .number,
            ])
    }

    @Test func malformedYAMLIsReportedWithFileLineAndColumn() {
        let yaml = minimal.replacingOccurrences(of: "    typ: lång-text", with: "\ttyp: lång-text")
        let found = problems(yaml)
        #expect(found.count == 1)
        #expect(found.first?.line == 16)
        do {
            _ = try TemplateYAML.parse(yaml, file: "/data/kartlaggning.yaml")
            Issue.record("borde ha fallerat")
        } catch {
            #expect(error.description.hasPrefix("/data/kartlaggning.yaml:16:5:"))
            #expect(error.description.contains("tabb"))
        }
    }

    @Test func anUnknownAnswerTypeIsRefusedAtItsValue() {
        let found = problems(minimal.replacingOccurrences(of: "typ: skala", with: "typ: skala7"))
        #expect(found == [TemplateFileProblem(line: 11, column: 14, reason: found.first?.reason ?? "")])
        #expect(found.first?.reason.contains("okänd svarstyp 'skala7'") == true)
        #expect(found.first?.reason.contains("lång-text") == true)
    }

    @Test func aDuplicateQuestionIdIsRefusedWhereItIsRepeated() {
        let found = problems(minimal.replacingOccurrences(of: "id: a2", with: "id: a1"))
        #expect(found.count == 1)
        #expect(found.first?.line == 14)
        #expect(found.first?.column == 13)
        #expect(found.first?.reason.contains("'a1' används redan av avsnitt 1, fråga 1") == true)
    }

    @Test func aDuplicateSectionIdIsRefused() {
        let yaml = minimal + """

              - id: A
                titel: Andra
                frågor:
                  - {id: b1, fråga: Fråga, typ: datum}
            """
        let found = problems(yaml)
        #expect(found.map(\.line) == [20])
        #expect(found.first?.reason.contains("avsnittets id 'A' används redan") == true)
    }

    @Test func aKeyWrittenTwiceIsRefusedByTheYAMLReader() {
        let found = problems(minimal.replacingOccurrences(of: "    obligatorisk: ja", with: "    obligatorisk: ja\n        obligatorisk: nej"))
        #expect(found.count == 1)
        #expect(found.first?.reason.contains("'obligatorisk' står två gånger") == true)
    }

    @Test func aScaleWithoutAnchorLabelsIsRefused() {
        let found = problems(minimal.replacingOccurrences(of: "        skala: {låg: dåligt, hög: bra}\n", with: ""))
        #expect(found.map(\.line) == [9])
        #expect(found.first?.reason.contains("ankartext för både 1 (låg) och 5 (hög)") == true)
        let half = problems(minimal.replacingOccurrences(of: "hög: bra", with: "hög: ''"))
        #expect(half.map(\.line) == [12])
    }

    @Test func aRequiredQuestionWithoutALabelIsRefused() {
        let found = problems(minimal.replacingOccurrences(of: "        fråga: Hur mår du?\n", with: ""))
        #expect(found.map(\.line) == [9])
        #expect(found.first?.reason == "en obligatorisk fråga måste ha en frågetext")
    }

    @Test func choicesWithoutOptionsAreRefused() {
        let yaml = minimal.replacingOccurrences(of: "typ: skala\n        skala: {låg: dåligt, hög: bra}", with: "typ: ett-val")
        let found = problems(yaml)
        #expect(found.map(\.line) == [9])
        #expect(found.first?.reason == "ett-val måste ha alternativ")
        let one = problems(yaml.replacingOccurrences(of: "typ: ett-val", with: "typ: ett-val\n        alternativ: [ja]"))
        #expect(one.first?.reason == "ett-val måste ha minst två alternativ")
        let repeated = problems(yaml.replacingOccurrences(of: "typ: ett-val", with: "typ: ett-val\n        alternativ: [ja, nej, ja]"))
        #expect(repeated.first?.reason.contains("finns två gånger") == true)
        #expect(repeated.first?.line == 12)
        #expect(repeated.first?.column == 31)
    }

    @Test func unknownSensitivityOwnerAndKeysAreRefusedWithTheChoices() {
        let s = problems(minimal.replacingOccurrences(of: "känslighet: P2", with: "känslighet: P9"))
        #expect(s.map(\.line) == [6])
        #expect(s.first?.reason.contains("välj P0, P1, P2 eller P3") == true)
        let px = problems(minimal.replacingOccurrences(of: "känslighet: P2", with: "känslighet: PX"))
        #expect(px.first?.reason.contains("skyddad identitet") == true)
        let o = problems(minimal.replacingOccurrences(of: "ägare: socialsekreterare", with: "ägare: rektor"))
        #expect(o.map(\.line) == [7])
        #expect(o.first?.reason.contains("okänd ägare 'rektor'") == true)
        let k = problems(minimal.replacingOccurrences(of: "obligatorisk: ja", with: "obligatorsk: ja"))
        #expect(k.first?.reason.contains("okänd nyckel 'obligatorsk'") == true)
        let ascii = problems(minimal.replacingOccurrences(of: "frågor:", with: "fragor:"))
        #expect(ascii.contains { $0.reason.contains("menade du 'frågor'?") })
    }

    @Test func aCategoryIsReadAtSectionAndQuestionAndAnUnknownOneIsNamed() throws {
        let withSection = minimal.replacingOccurrences(
            of: "ägare: socialsekreterare", with: "ägare: socialsekreterare\n    kategori: ekonomiskt-bistand")
        let parsed = try TemplateYAML.parse(withSection, file: "k.yaml").template
        #expect(parsed.sections[0].questions.allSatisfy { $0.category == .ekonomisktBistand })
        #expect(parsed.sections[0].questions[0].informationCategory == .ekonomisktBistand)
        let byLabel = try TemplateYAML.parse(
            minimal.replacingOccurrences(of: "ägare: socialsekreterare", with: "ägare: socialsekreterare\n    kategori: hälsa/vårdkontakt"),
            file: "k.yaml").template
        #expect(byLabel.sections[0].questions[0].category == .halsa)
        let bad = problems(minimal.replacingOccurrences(
            of: "ägare: socialsekreterare", with: "ägare: socialsekreterare\n    kategori: ekonomi"))
        #expect(bad.map(\.line) == [8])
        #expect(bad.first?.reason.contains("okänd kategori 'ekonomi': välj identitet-kontakt, af-planering") == true)
        // Without one, the owner's organisation's own kind.
        let plain = try TemplateYAML.parse(minimal, file: "k.yaml").template
        #expect(plain.sections[0].questions[0].category == nil)
        #expect(plain.sections[0].questions[0].informationCategory == .socialSituation)
    }

    @Test func severalProblemsAreReportedTogetherInFileOrder() {
        let yaml = minimal.replacingOccurrences(of: "typ: skala", with: "typ: okänd")
            .replacingOccurrences(of: "maxlängd: 200", with: "maxlängd: många")
        let found = problems(yaml)
        #expect(found.map(\.line) == [11, 17])
    }

    @Test func optionsOnANonChoiceAndMaxLengthOnANonTextAreRefused() {
        let a = problems(minimal.replacingOccurrences(of: "typ: lång-text", with: "typ: lång-text\n        alternativ: [a, b]"))
        #expect(a.first?.reason.contains("hör bara till typ ett-val och flera-val") == true)
        let m = problems(minimal.replacingOccurrences(of: "typ: lång-text", with: "typ: datum"))
        #expect(m.first?.reason == "maxlängd gäller bara text och lång-text")
        #expect(m.first?.line == 17)
    }

    @Test func badIdsAreRefused() {
        let found = problems(minimal.replacingOccurrences(of: "id: a2", with: "id: sjukdom å"))
        #expect(found.first?.reason.contains("får bara innehålla a–z") == true)
    }

    @Test func theWholeFileMustBeAMappingWithAVersion() {
        #expect(problems("").first?.reason.contains("filen är tom") == true)
        #expect(problems("- a\n- b\n").first?.reason.contains("ska vara nycklar med värden") == true)
        let noVersion = problems(minimal.replacingOccurrences(of: "version: 3\n", with: ""))
        #expect(noVersion.first?.reason.contains("saknar 'version:'") == true)
        #expect(problems(minimal.replacingOccurrences(of: "version: 3", with: "version: tre")).first?.line == 1)
        #expect(problems(minimal.replacingOccurrences(of: "version: 3", with: "version: 0")).first?.reason.contains("från 1") == true)
    }
}
