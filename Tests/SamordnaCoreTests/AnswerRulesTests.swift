import Foundation
import Testing

@testable import SamordnaCore

@Suite struct AnswerRulesTests {
    let t = KartlaggningFixture.template()
    func q(_ id: String) -> TemplateQuestion { t.question(id)! }

    @Test func aScaleAnswerIsOneToFive() {
        #expect(AnswerRules.problem(.scale(1), for: q("tror")) == nil)
        #expect(AnswerRules.problem(.scale(5), for: q("tror")) == nil)
        #expect(AnswerRules.problem(.scale(6), for: q("tror")) == .scaleOutOfRange(6))
        #expect(AnswerRules.problem(.scale(0), for: q("tror"))?.reason == "välj 1–5 (fick 0)")
    }

    @Test func aChoiceMustBeOneOfTheOptions() {
        #expect(AnswerRules.problem(.choice("eget"), for: q("boende")) == nil)
        #expect(AnswerRules.problem(.choice("villa"), for: q("boende"))?.reason == "\"villa\" är inget av alternativen")
        #expect(AnswerRules.problem(.choices(["språk", "hälsa"]), for: q("hinder")) == nil)
        #expect(AnswerRules.problem(.choices(["språk", "pengar"]), for: q("hinder")) == .notAnOption("pengar"))
        #expect(AnswerRules.problem(.choices(["språk", "språk"]), for: q("hinder")) == .repeatedOption("språk"))
    }

    @Test func overLongTextIsRefusedWithTheLimitNamedNeverCut() throws {
        let long = String(repeating: "å", count: 21)
        #expect(AnswerRules.problem(.text(long), for: q("mal")) == .tooLong(limit: 20, count: 21))
        #expect(AnswerRules.problem(.text(long), for: q("mal"))?.reason == "för lång text: högst 20 tecken (nu 21)")
        #expect(throws: AnswerProblem.tooLong(limit: 20, count: 21)) { try AnswerRules.parse(long, for: q("mal")) }
        // Graphemes are counted, not bytes or code points: 20 decomposed é fit.
        #expect(AnswerRules.problem(.text(String(repeating: "e\u{301}", count: 20)), for: q("mal")) == nil)
        // Without a limit in the template the default applies.
        #expect(AnswerRules.problem(.text(String(repeating: "x", count: 501)), for: q("kort")) == .tooLong(limit: 500, count: 501))
    }

    @Test func aShortTextIsOneLineAndALongTextMayHaveLineBreaks() {
        #expect(AnswerRules.problem(.text("två\nrader"), for: q("kort")) == .badCharacters("får inte innehålla radbrytningar"))
        #expect(AnswerRules.problem(.text("två\nrader"), for: q("mal")) == nil)
        #expect(AnswerRules.problem(.text("a\u{1B}[2J"), for: q("mal"))?.reason.contains("U+001B") == true)
    }

    @Test func aRequiredQuestionMustBeAnswered() {
        #expect(AnswerRules.problem(nil, for: q("tror")) == .missing)
        #expect(AnswerRules.problem(.text("  "), for: q("mal")) == .missing)
        #expect(AnswerRules.problem(nil, for: q("kort")) == nil)
    }

    @Test func anAnswerOfTheWrongKindIsRefused() {
        #expect(AnswerRules.problem(.number(3), for: q("nasta")) == .wrongKind(expected: "ett datum"))
    }

    @Test func typedTextBecomesATypedAnswer() throws {
        #expect(try AnswerRules.parse("2026-04-01", for: q("nasta")) == .date(LocalDate(year: 2026, month: 4, day: 1)!))
        #expect(throws: AnswerProblem.notADate("1/4 2026")) { try AnswerRules.parse("1/4 2026", for: q("nasta")) }
        #expect(throws: AnswerProblem.notADate("2026-02-30")) { try AnswerRules.parse("2026-02-30", for: q("nasta")) }
        #expect(try AnswerRules.parse("12,5", for: q("manader")) == .number(12.5))
        #expect(try AnswerRules.parse("1 000", for: q("manader")) == .number(1000))
        #expect(throws: AnswerProblem.notANumber("tolv")) { try AnswerRules.parse("tolv", for: q("manader")) }
        #expect(try AnswerRules.parse("4", for: q("tror")) == .scale(4))
        #expect(throws: AnswerProblem.scaleOutOfRange(9)) { try AnswerRules.parse("9", for: q("tror")) }
        #expect(try AnswerRules.parse("Vet ej", for: q("tolk")) == .yesNoUnknown(.vetEj))
        #expect(try AnswerRules.parse("", for: q("tror")) == nil)
        #expect(try AnswerRules.parse("  text kvar som skrivet ", for: q("kort")) == .text("  text kvar som skrivet "))
    }

    @Test func answersReadAsTheTeamWritesThem() {
        #expect(AnswerRules.displayText(.number(12.5)) == "12,5")
        #expect(AnswerRules.displayText(.number(-3)) == "-3")
        #expect(AnswerRules.displayText(.number(1234567)) == "1 234 567")
        #expect(AnswerRules.displayText(.number(-0.5)) == "-0,5")
        #expect(AnswerRules.displayText(.scale(4)) == "4 av 5")
        #expect(AnswerRules.displayText(.choices(["språk", "hälsa"])) == "språk, hälsa")
        #expect(AnswerRules.displayText(.yesNoUnknown(.vetEj)) == "vet ej")
    }
}

@Suite struct AnswerFormatTests {
    @Test func answersAreStoredInAFormatOfTheirOwnAndTheOldOneIsStillRead() throws {
        let answers: [String: Answer] = [
            "a": .text("Åsa"), "b": .scale(4), "c": .yesNoUnknown(.vetEj), "d": .choice("sms"),
            "e": .choices(["sms", "brev"]), "f": .date(LocalDate(year: 2026, month: 3, day: 2)!), "g": .number(12.5),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(answers), as: UTF8.self)
        #expect(json.contains(#""b":{"typ":"skala","värde":4}"#))
        #expect(!json.contains("_0"))
        #expect(try JSONDecoder().decode([String: Answer].self, from: Data(json.utf8)) == answers)
        let legacy = #"{"b":{"scale":{"_0":4}},"a":{"text":{"_0":"Åsa"}}}"#
        #expect(try JSONDecoder().decode([String: Answer].self, from: Data(legacy.utf8)) == ["a": .text("Åsa"), "b": .scale(4)])
    }
}

@Suite struct OSReasonTests {
    @Test func commonFileErrorsAreInSwedish() {
        #expect(OSReason.text(ENOENT) == "filen eller katalogen finns inte")
        #expect(OSReason.text(ENOSPC) == "disken är full")
        #expect(OSReason.text(EACCES) == "saknar behörighet")
        #expect(!OSReason.text(EPIPE).isEmpty)
    }
}
