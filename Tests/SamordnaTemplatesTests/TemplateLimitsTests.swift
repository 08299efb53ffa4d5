import Foundation
import SamordnaCore
import Testing

@testable import SamordnaTemplates

/// The audit's hostile template files: each is refused with its line, and none crashes or hangs (before the
/// fix the alias bomb never returned). How fast is for the fuzz run to say (docs/fuzzing.md), not a clock here.
@Suite struct TemplateLimitsTests {
    /// Nine levels of lists of ten aliases, the last used as a mapping key: 10⁹ nodes for Yams to hash.
    static let aliasBomb: String = {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...8 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        lines.append("? *a8")
        lines.append(": x")
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func anchorsAndAliasesAreRefusedBeforeTheyAreExpanded() {
        #expect(Self.aliasBomb.utf8.count < 700)
        let found = problems(Self.aliasBomb)
        #expect(found.first?.line == 1)
        #expect(found.first?.column == 5)
        #expect(found.first?.reason.hasPrefix("ankare (&a0) används inte i en mall") == true)
        #expect(found.contains { $0.line == 2 && $0.reason.hasPrefix("referenser (*a0)") })
    }

    @Test func anAliasReusedOptionListIsRefusedAtItsLine() {
        let yaml = minimal.replacingOccurrences(
            of: "    frågor:\n", with: "    hjälp: &lista [ett, två]\n    frågor:\n")
            + "\n      - id: a3\n        fråga: Välj\n        typ: ett-val\n        alternativ: *lista\n"
        let found = problems(yaml)
        #expect(found.map(\.description) == [
            "8:12: ankare (&lista) används inte i en mall; skriv ut varje värde (sätt text som börjar med & inom citattecken)",
            "24:21: referenser (*lista) används inte i en mall; skriv ut varje värde (sätt text som börjar med * inom citattecken)",
        ])
    }

    @Test func ampersandsAndAsterisksInsideTextAreFine() throws {
        let yaml = minimal.replacingOccurrences(of: "titel: Prov", with: "titel: Arbete & studier *ny* &c")
            .replacingOccurrences(of: "fråga: Vad vill du?", with: "fråga: \"*viktigt* &\"")
        let document = try TemplateYAML.parse(yaml, file: "k.yaml")
        #expect(document.template.title == "Arbete & studier *ny* &c")
    }

    @Test func deepNestingIsRefused() {
        let yaml = "version: 1\ntitel: " + String(repeating: "[", count: 100_000) + "\n"
        let found = problems(yaml)
        #expect(found.first?.reason.hasPrefix("för djupt nästlat") == true)
        #expect(found.first?.line == 2)
    }

    @Test func aHugeVersionIsRefusedNotACrash() {
        for v in ["9223372036854775807", "1000001"] {
            let found = problems(minimal.replacingOccurrences(of: "version: 3", with: "version: \(v)"))
            #expect(found.count == 1)
            #expect(found.first?.line == 1)
            #expect(found.first?.reason.hasPrefix("versionen får vara högst 1000000") == true)
        }
        let tooBig = problems(minimal.replacingOccurrences(of: "version: 3", with: "version: 99999999999999999999999"))
        #expect(tooBig.first?.reason == "'version:' ska vara ett heltal, inte '99999999999999999999999'")
        #expect(problems(minimal.replacingOccurrences(of: "version: 3", with: "version: 1000000")).isEmpty)
    }

    @Test func theTemplateTitleIsCheckedLikeASectionTitle() {
        let escape = problems(minimal.replacingOccurrences(of: "titel: Prov", with: "titel: \"Prov\\e]0;x\\a\""))
        #expect(escape.map(\.description) == ["2:8: titeln innehåller styrtecknet U+001B, som inte är tillåtet"])
        let newline = problems(minimal.replacingOccurrences(of: "titel: Prov", with: "titel: \"Prov\\nrad två\""))
        #expect(newline.map(\.description) == ["2:8: titeln får inte innehålla radbrytningar"])
        let long = problems(
            minimal.replacingOccurrences(of: "titel: Prov", with: "titel: " + String(repeating: "a", count: 900_000)))
        #expect(long.map(\.description) == ["2:8: titeln högst 500 tecken (nu 900 000)"])
    }

    @Test func valuesInMessagesAreQuotedInertAndShort() {
        let found = problems(minimal.replacingOccurrences(of: "typ: skala\n", with: "typ: \"sk\\eala\(String(repeating: "x", count: 100))\"\n"))
        let reason = found.first?.reason ?? ""
        #expect(reason.hasPrefix("okänd svarstyp 'sk\\u{1B}ala"))
        #expect(!reason.contains("\u{1B}"))
        #expect(reason.contains("…'"))
    }

    @Test func aLargePlainFileIsRead() {
        // Just under the 1 MB cap: one question with a very long option list (refused by the rules, quickly).
        let options = (0..<30_000).map { "          - alternativ \($0)" }.joined(separator: "\n")
        let yaml = minimal + "\n      - id: a3\n        fråga: Välj\n        typ: ett-val\n        alternativ:\n" + options + "\n"
        #expect(yaml.utf8.count < TemplateFile.sizeLimit)
        #expect(!problems(yaml).isEmpty)
    }
}
