import Foundation
import SamordnaCore
import SamordnaTemplates
import Testing

@testable import SamordnaStore

/// The insats catalogue as the runtime and `check` load it, on real files: first use, the last valid version
/// kept when the file breaks, the built-in default before any valid one, and a type still in use refused.
@Suite struct CatalogueStoreTests {
    let dir: TemporaryDirectory
    let store: CaseloadStore
    var file: URL { dir.file(CatalogueFile.name) }

    init() throws {
        dir = try TemporaryDirectory()
        store = try Fixture.store(in: dir)
    }

    func write(_ text: String) throws { try Data(text.utf8).write(to: file) }

    func episode(_ id: String, _ code: String) -> InsatsEpisode {
        InsatsEpisode(
            id: .init(id), participantID: Fixture.participant(1).id, typeCode: code, status: .pagar,
            start: LocalDate(iso: "2026-02-03"), owner: .af)
    }

    /// The default file with RoM's name changed, so it can be told from the default.
    var renamed: String {
        CatalogueFile.defaultYAML.replacingOccurrences(of: "namn: Rusta och matcha", with: "namn: Rusta och matcha (vårt)")
    }

    @Test func firstUseWritesTheDefaultPrivatelyAndUsesIt() throws {
        let load = try store.currentCatalogue(file: file)
        #expect(load.wroteDefault)
        #expect(load.source == .file)
        #expect(load.notice == nil)
        #expect(load.catalogue == DefaultInsatsCatalogue.all)
        #expect(try permissions(file) == 0o600)
        #expect(try store.lastValidCatalogueSource() == CatalogueFile.defaultYAML)
        let again = try store.currentCatalogue(file: file)
        #expect(!again.wroteDefault)
    }

    @Test func theTeamsFileIsUsedAndNeverOverwritten() throws {
        try write(renamed)
        let load = try store.currentCatalogue(file: file)
        #expect(!load.wroteDefault)
        #expect(load.catalogue.first { $0.code == "RoM" }?.name == "Rusta och matcha (vårt)")
        #expect(try String(contentsOf: file, encoding: .utf8) == renamed)
    }

    @Test func anInvalidFileKeepsTheLastValidCatalogueAndSaysSo() throws {
        try write(renamed)
        _ = try store.currentCatalogue(file: file)
        try write(renamed.replacingOccurrences(of: "kategorier: [J]\n    jobbinriktad: ja\n    typisk_längd_dagar: 365", with: "kategorier: [X]\n    jobbinriktad: ja\n    typisk_längd_dagar: 365"))
        let load = try store.currentCatalogue(file: file)
        #expect(load.source == .lastValid)
        #expect(load.catalogue.first { $0.code == "RoM" }?.name == "Rusta och matcha (vårt)")
        let notice = try #require(load.notice)
        #expect(notice.hasPrefix("Insatskatalogen har fel, använder senaste giltiga versionen (samordna check visar alla fel): insatser.yaml:"))
        #expect(notice.contains("okänd kategori 'X'"))
    }

    @Test func anInvalidFileBeforeAnyValidOneFallsBackToTheDefault() throws {
        try write("insatser:\n  - kod: RoM\n    namn: Rusta\n    organisation: AF\n    kategorier: [J]\n    färg: röd\n")
        let load = try store.currentCatalogue(file: file)
        #expect(load.source == .builtIn)
        #expect(load.catalogue == DefaultInsatsCatalogue.all)
        #expect(load.notice?.hasPrefix("Insatskatalogen har fel, använder standardkatalogen (samordna check visar alla fel): insatser.yaml:6:5: okänd nyckel 'färg'") == true)
        #expect(try store.lastValidCatalogueSource() == nil)
    }

    @Test func aRemovedTypeStillInUseIsRefusedByCheckAndByLoading() throws {
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        try store.addEpisode(episode("e-1", "EXT"), by: "anna", at: Fixture.at)
        try store.addEpisode(episode("e-2", "EXT"), by: "anna", at: Fixture.at)
        try store.addEpisode(episode("e-3", "RoM"), by: "anna", at: Fixture.at)
        _ = try store.currentCatalogue(file: file)
        #expect(try store.catalogueFileProblem(file) == nil)

        // Extratjänst taken out of the file: two stored episodes still use it.
        let lines = CatalogueFile.defaultYAML.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  - kod: EXT"))
        let end = try #require(lines[start...].firstIndex(of: ""))
        try write((lines[..<start] + lines[(end + 1)...]).joined(separator: "\n"))

        let problem = try #require(try store.catalogueFileProblem(file))
        let listLine = try #require(lines.firstIndex(of: "insatser:")) + 1
        #expect(problem.problems.count == 1)
        #expect(problem.problems.first?.line == listLine + 1)
        #expect(problem.description.hasSuffix(
            "kod 'EXT' används av 2 insatser men finns inte i insatser.yaml; ta tillbaka den (sätt 'aktiv_till:' om den inte "
                + "längre erbjuds)"))
        let load = try store.currentCatalogue(file: file)
        #expect(load.source == .lastValid)
        #expect(load.catalogue.contains { $0.code == "EXT" })
        #expect(load.notice?.contains("kod 'EXT' används av 2 insatser") == true)

        // A type no longer offered stays valid for history.
        #expect(DefaultInsatsCatalogue.byCode["EXT"]?.isOffered(on: Fixture.day) == false)
        try write(CatalogueFile.defaultYAML)
        #expect(try store.catalogueFileProblem(file) == nil)
    }

    @Test func aReadOnlyStoreWritesNothing() throws {
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        let readOnly = try CaseloadStore.openReadOnly(at: dir.database)
        let load = try readOnly.currentCatalogue(file: file)
        #expect(load.source == .builtIn)
        #expect(load.notice?.contains("filen finns inte") == true)
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }
}
