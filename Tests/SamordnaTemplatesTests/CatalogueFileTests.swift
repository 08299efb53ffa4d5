import Foundation
import SamordnaCore
import Testing

@testable import SamordnaTemplates

/// The team's insats catalogue file: the default round-trips, first use writes it privately and never over a
/// file, and every problem is reported with its line and column.
@Suite struct CatalogueFileTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("samordna-catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    /// Two entries; tests replace parts of it.
    static let minimal = """
        insatser:
          - kod: RoM
            namn: Rusta och matcha
            organisation: AF
            kategorier: [J]
            jobbinriktad: ja
            typisk_längd_dagar: 365
            högsta_längd_dagar: 365

          - kod: KJC
            namn: Jobbcoachning
            organisation: Kommun
            kategorier: [J, Ko]
            jobbinriktad: nej
            aktiv_från: 2020-01-01
            aktiv_till: 2030-12-31
            beskrivning: Teamets eget arbete.

        """

    func problems(_ yaml: String) -> [String] {
        do {
            _ = try CatalogueYAML.parse(yaml, file: "i.yaml")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    func replacing(_ old: String, _ new: String) -> String {
        #expect(Self.minimal.contains(old), "\(old) finns inte i provfilen")
        return Self.minimal.replacingOccurrences(of: old, with: new)
    }

    // MARK: The default

    @Test func theDefaultRoundTrips() throws {
        let document = try CatalogueYAML.parse(CatalogueFile.defaultYAML, file: CatalogueFile.name)
        #expect(document.types == DefaultInsatsCatalogue.all)
        #expect(document.entryPositions.count == DefaultInsatsCatalogue.all.count)
    }

    @Test func theDefaultWrittenToDiskReadsBackAsTheBuiltInCatalogue() throws {
        let url = CatalogueFile.url(in: dir)
        #expect(try CatalogueFile.writeDefaultIfMissing(at: url))
        #expect(try CatalogueFile.read(url).types == DefaultInsatsCatalogue.all)
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func firstUseWritesPrivatelyAndNeverOverwrites() throws {
        let url = CatalogueFile.url(in: dir)
        #expect(try CatalogueFile.writeDefaultIfMissing(at: url))
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        try Data("insatser:\n# teamets egen\n".utf8).write(to: url)
        #expect(try CatalogueFile.writeDefaultIfMissing(at: url) == false)
        #expect(try String(contentsOf: url, encoding: .utf8) == "insatser:\n# teamets egen\n")
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func theTeamsOwnCoachingIsNotJobFocusedByDefaultAndTheFileCanChangeIt() throws {
        #expect(CatalogueFile.defaultYAML.contains("  - kod: KJC\n    namn: Jobbcoachning / matchning\n"))
        let kjc = try CatalogueYAML.parse(CatalogueFile.defaultYAML, file: "i.yaml").types.first { $0.code == "KJC" }
        #expect(kjc?.jobFocused == false)
        let changed = try CatalogueYAML.parse(replacing("jobbinriktad: nej", "jobbinriktad: ja"), file: "i.yaml")
        #expect(changed.types.first { $0.code == "KJC" }?.jobFocused == true)
    }

    @Test func aValidFileIsReadWithEveryField() throws {
        let types = try CatalogueYAML.parse(Self.minimal, file: "i.yaml").types
        #expect(types.count == 2)
        #expect(types[0] == InsatsType(
            code: "RoM", name: "Rusta och matcha", organisation: "AF", categories: [.jobb], jobFocused: true,
            typicalLengthDays: 365, maxLengthDays: 365))
        #expect(types[1].categories == [.jobb, .kartlaggning])
        #expect(types[1].activeFrom == LocalDate(year: 2020, month: 1, day: 1))
        #expect(types[1].activeTo == LocalDate(year: 2030, month: 12, day: 31))
        #expect(types[1].notes == "Teamets eget arbete.")
    }

    @Test func renderingQuotesWhatWouldNotReadBack() throws {
        let odd = InsatsType(
            code: "X-1", name: "Kurs: del 1 # ny", organisation: "- AF", categories: [.kompetens], jobFocused: false,
            notes: "rad 1\nrad 2\t\"citat\" \\ ja")
        let yes = InsatsType(code: "Y", name: "ja", organisation: "true", categories: [.social], jobFocused: true)
        let document = try CatalogueYAML.parse(CatalogueYAML.render([odd, yes]), file: "i.yaml")
        #expect(document.types == [odd, yes])
    }

    // MARK: Every rejection, at its line and column

    @Test func anUnknownKeyIsNamedWithAHint() {
        #expect(problems(replacing("    jobbinriktad: ja\n", "    jobbinriktad: ja\n    langd: 3\n")) == [
            "7:5: okänd nyckel 'langd' i en insats (tillåtna: kod, namn, organisation, kategorier, jobbinriktad, "
                + "typisk_längd_dagar, högsta_längd_dagar, aktiv_från, aktiv_till, beskrivning)"
        ])
        #expect(problems(replacing("aktiv_från:", "aktiv_fran:")).first?.hasPrefix(
            "15:5: okänd nyckel 'aktiv_fran' i en insats – menade du 'aktiv_från'?") == true)
        #expect(problems("insatser:\n  - kod: A\n    namn: B\n    organisation: C\n    kategorier: [J]\nversion: 2\n") == [
            "6:1: okänd nyckel 'version' i katalogen (tillåtna: insatser)"
        ])
    }

    @Test func aMissingCodeOrNameIsReportedAtTheEntry() {
        #expect(problems(replacing("  - kod: RoM\n    namn: Rusta och matcha\n", "  - namn: Rusta och matcha\n")) == [
            "2:5: insats 1 saknar kod (t.ex. 'kod: RoM'); koden sparas med varje insats"
        ])
        #expect(problems(replacing("    namn: Jobbcoachning\n", "")) == ["10:5: insats 'KJC' saknar namn"])
        #expect(problems(replacing("    namn: Jobbcoachning\n", "    namn:\n")) == ["11:10: insats 'KJC' saknar namn"])
        #expect(problems(replacing("    organisation: AF\n", "")) == [
            "2:5: insats 'RoM' saknar organisation (t.ex. 'organisation: AF')"
        ])
        #expect(problems(replacing("kod: RoM", "kod: \"Ro M\"")) == [
            "2:10: koden 'Ro M' ska vara 1–20 tecken av A–Z, a–z, 0–9, - och _, och börja med en bokstav eller siffra"
        ])
    }

    @Test func aDuplicateCodeIsReportedAtTheSecond() {
        #expect(problems(replacing("kod: KJC", "kod: rom")) == [
            "10:10: koden 'rom' används redan av insats 1 (rad 2); varje kod måste vara unik (versaler och gemener räknas lika)"
        ])
    }

    @Test func anUnknownOrRepeatedCategoryIsReported() {
        #expect(problems(replacing("kategorier: [J, Ko]", "kategorier: [J, X, j]")) == [
            "13:21: okänd kategori 'X': välj J (jobbinriktad), K (kompetenshöjande), H (hälsa), S (social) eller Ko "
                + "(kartläggning/samordning)",
            "13:24: kategorin J står två gånger",
        ])
        #expect(problems(replacing("kategorier: [J]", "kategorier: []")) == ["5:17: insats 'RoM' har inga kategorier; ange minst en av J, K, H, S, Ko"])
        #expect(problems(replacing("    kategorier: [J]\n", "")) == ["2:5: insats 'RoM' saknar kategorier (t.ex. 'kategorier: [J, K]')"])
        #expect(problems(replacing("kategorier: [J, Ko]", "kategorier: ko")).isEmpty)
    }

    @Test func aBadBooleanIsReported() {
        #expect(problems(replacing("jobbinriktad: ja", "jobbinriktad: kanske")) == [
            "6:19: 'jobbinriktad:' ska vara ja eller nej, inte 'kanske'"
        ])
    }

    @Test func aBadDateIsReported() {
        #expect(problems(replacing("aktiv_från: 2020-01-01", "aktiv_från: 2020-02-30")) == [
            "15:17: 'aktiv_från:' ska vara ett datum som finns, ÅÅÅÅ-MM-DD (t.ex. 2022-01-01), inte texten '2020-02-30'"
        ])
        #expect(problems(replacing("aktiv_till: 2030-12-31", "aktiv_till: 31/12/2030")).count == 1)
        #expect(problems(replacing("aktiv_till: 2030-12-31", "aktiv_till: 9999-12-31")).first?.hasPrefix("16:17:") == true)
    }

    @Test func activeToBeforeActiveFromIsReportedAtActiveTo() {
        #expect(problems(replacing("aktiv_till: 2030-12-31", "aktiv_till: 2019-12-31")) == [
            "16:17: aktiv_till (2019-12-31) är före aktiv_från (2020-01-01)"
        ])
    }

    @Test func lengthsOutOfBoundsAreReported() {
        #expect(problems(replacing("högsta_längd_dagar: 365", "högsta_längd_dagar: 0")) == [
            "8:25: 'högsta_längd_dagar:' ska vara 1–3650 dagar (är 0)"
        ])
        #expect(problems(replacing("typisk_längd_dagar: 365", "typisk_längd_dagar: 99999999999999999999999")) == [
            "7:25: 'typisk_längd_dagar:' ska vara ett heltal (dagar), inte texten '99999999999999999999999'"
        ])
        #expect(problems(replacing("typisk_längd_dagar: 365", "typisk_längd_dagar: 400")) == [
            "7:25: typisk längd (400 dagar) är längre än högsta längd (365 dagar)"
        ])
    }

    @Test func controlAndInvisibleCharactersAndLongTextsAreRefused() {
        #expect(problems(replacing("namn: Rusta och matcha", "namn: \"Rusta\\e[31m\"")) == [
            "3:11: 'namn:' innehåller styrtecknet U+001B, som inte är tillåtet"
        ])
        #expect(problems(replacing("organisation: AF", "organisation: \"A\u{202E}F\"")) == [
            "4:19: 'organisation:' innehåller tecknet U+202E, som ändrar textens riktning, och det är inte tillåtet"
        ])
        #expect(problems(replacing("beskrivning: Teamets eget arbete.", "beskrivning: \"rad 1\\nrad\u{200B} 2\"")) == [
            "17:18: beskrivningen innehåller tecknet U+200B på rad 2, som inte syns, och det är inte tillåtet"
        ])
        let long = String(repeating: "a", count: 201)
        #expect(problems(replacing("namn: Rusta och matcha", "namn: \(long)")) == ["3:11: 'namn:' högst 200 tecken (nu 201)"])
        #expect(problems(replacing("namn: Rusta och matcha", "namn: \"a\\nb\"")) == [
            "3:11: 'namn:' får inte innehålla radbrytningar"
        ])
    }

    @Test func everyProblemIsReportedAtOnceInFileOrder() {
        let yaml = replacing("kategorier: [J]", "kategorier: [Q]").replacingOccurrences(of: "kod: KJC", with: "kod: RoM")
            .replacingOccurrences(of: "aktiv_till: 2030-12-31", with: "aktiv_till: 2019-01-01")
        #expect(problems(yaml).map { $0.prefix(6) } == ["5:18: ", "10:10:", "16:17:"])
    }

    @Test func anchorsAndAliasesAreRefusedAtTheirPlace() {
        let yaml = replacing("kategorier: [J]", "kategorier: &jobb [J]").replacingOccurrences(
            of: "kategorier: [J, Ko]", with: "kategorier: *jobb")
        #expect(problems(yaml) == [
            "5:17: ankare (&jobb) används inte i insatskatalogen; skriv ut varje värde (sätt text som börjar med & inom citattecken)",
            "13:17: referenser (*jobb) används inte i insatskatalogen; skriv ut varje värde (sätt text som börjar med * inom citattecken)",
        ])
    }

    @Test func malformedYAMLAndWrongShapesAreReported() {
        #expect(problems(replacing("    namn: Jobbcoachning\n", "\tnamn: Jobbcoachning\n")).first?.hasPrefix("11:") == true)
        #expect(problems("") == ["1:1: filen är tom; den ska börja med 'insatser:'"])
        #expect(problems("insatser:\n") == [
            "1:10: katalogen har inga insatser; varje insats behöver minst kod, namn, organisation och kategorier"
        ])
        #expect(problems("insatser: RoM\n") == [
            "1:11: 'insatser:' ska vara en lista (rader som börjar med '- '), inte texten 'RoM'",
        ])
        #expect(problems("- kod: RoM\n") == ["1:1: katalogen ska vara nycklar med värden (som 'insatser:'), inte en lista"])
        #expect(problems("insatser:\n  - RoM\n") == ["2:5: en insats ska vara nycklar med värden (som 'kod: RoM'), inte texten 'RoM'"])
        #expect(problems(String(repeating: "[", count: 50_000)).first?.contains("för djupt nästlat") == true)
    }

    @Test func tooLargeOrNotUTF8FilesAreRefused() throws {
        let url = CatalogueFile.url(in: dir)
        try Data(repeating: UInt8(ascii: "#"), count: CatalogueFile.sizeLimit + 1).write(to: url)
        #expect(throws: CatalogueFileError.self) { try CatalogueFile.read(url) }
        do {
            _ = try CatalogueFile.read(url)
        } catch {
            #expect(error.description.hasSuffix("filen är för stor för en insatskatalog (1000001 byte; högst 1000000)"))
        }
        var bytes = Array("insatser:\n  - kod: R".utf8)
        bytes.append(0xF6)
        do {
            _ = try CatalogueFile.parse(Data(bytes), file: "i.yaml")
            Issue.record("borde ha fallerat")
        } catch {
            #expect(error.description == "i.yaml:2:11: filen är inte UTF-8 (spara den som UTF-8)")
        }
        #expect(throws: CatalogueFileError.unreadable(file: dir.appendingPathComponent("saknas.yaml").path, reason: "filen finns inte")) {
            try CatalogueFile.read(dir.appendingPathComponent("saknas.yaml"))
        }
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aRemovedTypeStillInUseIsNamedWithItsCount() throws {
        let document = try CatalogueYAML.parse(Self.minimal, file: "i.yaml")
        let found = CatalogueYAML.removedTypeProblems(document, usage: ["RoM": 2, "EXT": 3, "SFI": 1])
        #expect(found.map(\.description) == [
            "2:3: kod 'EXT' används av 3 insatser men finns inte i insatser.yaml; ta tillbaka den (sätt 'aktiv_till:' om den "
                + "inte längre erbjuds)",
            "2:3: kod 'SFI' används av 1 insats men finns inte i insatser.yaml; ta tillbaka den (sätt 'aktiv_till:' om den "
                + "inte längre erbjuds)",
        ])
    }
}
