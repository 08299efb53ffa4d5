import Foundation
import GRDB
import SamordnaCore
import SamordnaTemplates
import Testing

@testable import SamordnaStore

@Suite struct TemplateVersionTests {
    let dir: TemporaryDirectory
    let store: CaseloadStore
    var file: URL { dir.file(TemplateFile.name) }

    init() throws {
        dir = try TemporaryDirectory()
        store = try Fixture.store(in: dir)
    }

    func write(_ text: String) throws { try Data(text.utf8).write(to: file) }

    /// The default template with its version and one question's text changed.
    func edited(version: Int, label: String = "Vad vill du få ut av samarbetet med oss?") -> String {
        DefaultTemplate.yaml.replacingOccurrences(of: "version: 1", with: "version: \(version)")
            .replacingOccurrences(of: "Vad vill du få ut av samarbetet med oss?", with: label)
    }

    @Test func firstUseWritesTheDefaultPrivateAndStoresVersionOne() throws {
        let load = try store.currentTemplate(file: file, by: "anna", at: Fixture.at)
        #expect(load.wroteDefault)
        #expect(load.registered)
        #expect(load.error == nil)
        #expect(load.message == nil)
        #expect(load.template == (try DefaultTemplate.template()))
        #expect(try permissions(file) == 0o600)
        #expect(try store.templateVersions() == [1])
        #expect(try store.storedTemplate(version: 1)?.source == DefaultTemplate.yaml + "\n")

        let again = try store.currentTemplate(file: file, by: "anna", at: Fixture.later)
        #expect(!again.wroteDefault && !again.registered)
    }

    @Test func commentsAndLayoutNeedNoNewVersion() throws {
        _ = try store.currentTemplate(file: file, by: "anna", at: Fixture.at)
        try write("# Teamets mall, ändrad layout\n" + DefaultTemplate.yaml.replacingOccurrences(of: "\n\n", with: "\n"))
        let load = try store.currentTemplate(file: file, by: "anna", at: Fixture.later)
        #expect(load.error == nil)
        #expect(try store.templateVersions() == [1])
    }

    @Test func theFileCanBeCheckedWithoutWritingAnything() throws {
        _ = try store.currentTemplate(file: file, by: "anna", at: Fixture.at)
        #expect(try store.templateFileProblem(file) == nil)
        try write(edited(version: 1, label: "Vad hoppas du på?"))
        let problem = try #require(try store.templateFileProblem(file))
        #expect(problem.problems.first?.line == 21)
        #expect(problem.problems.first?.reason.contains("höj till 'version: 2'") == true)
        #expect(try store.templateVersions() == [1], "checking stores nothing")
    }

    @Test func aChangedFileWithTheSameVersionIsRefusedAndTheStoredVersionUsed() throws {
        _ = try store.currentTemplate(file: file, by: "anna", at: Fixture.at)
        try write(edited(version: 1, label: "Vad hoppas du på?"))
        let load = try store.currentTemplate(file: file, by: "anna", at: Fixture.later)
        #expect(load.isFallback)
        #expect(load.template.version == 1)
        #expect(load.template.question("a_forvantan")?.label == "Vad vill du få ut av samarbetet med oss?")
        #expect(load.error?.problems.first?.line == 21)
        #expect(load.error?.problems.first?.reason.contains("höj till 'version: 2'") == true)
        #expect(load.message?.hasPrefix("Mallen har fel, visar senaste giltiga version 1: kartlaggning.yaml:21:10: mallen har ändrats") == true, "\(load.message ?? "")")
    }

    @Test func aRaisedVersionIsStoredAndOldKartlaggningarKeepTheirOwn() throws {
        _ = try store.currentTemplate(file: file, by: "anna", at: Fixture.at)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        let old = try store.startKartlaggning(
            id: .init("k-1"), participant: Fixture.participant(1).id, templateVersion: 1, date: Fixture.day, by: "anna",
            at: Fixture.at
        ).kartlaggning

        try write(edited(version: 2, label: "Vad hoppas du på?"))
        let load = try store.currentTemplate(file: file, by: "sven", at: Fixture.later)
        #expect(load.registered && load.error == nil)
        #expect(try store.templateVersions() == [1, 2])
        #expect(try store.storedTemplate(version: 2)?.registeredBy == "sven")
        let record = try #require(try store.kartlaggningRecord(old.id))
        #expect(record.template?.version == 1)
        #expect(record.template?.question("a_forvantan")?.label == "Vad vill du få ut av samarbetet med oss?")

        // A file identical to a stored version uses that version again.
        try write(edited(version: 1))
        #expect(try store.currentTemplate(file: file, by: "sven", at: Fixture.later).template.version == 1)

        // A version below the latest that was never stored is refused; the latest stays in use.
        try write(edited(version: 5, label: "Vad önskar du?"))
        _ = try store.currentTemplate(file: file, by: "sven", at: Fixture.later)
        try write(edited(version: 4, label: "Vad drömmer du om?"))
        let lower = try store.currentTemplate(file: file, by: "sven", at: Fixture.later)
        #expect(lower.template.version == 5)
        #expect(lower.error?.problems.first?.reason == "version 4 är lägre än den senast sparade, 5; ange 'version: 6'")
        #expect(try store.templateVersions() == [1, 2, 5])
    }

    @Test func aBrokenFileFallsBackOnTheLastValidVersionWithLineAndColumn() throws {
        _ = try store.currentTemplate(file: file, by: "anna", at: Fixture.at)
        try write(edited(version: 2).replacingOccurrences(of: "typ: datum", with: "typ: kalender"))
        let load = try store.currentTemplate(file: file, by: "anna", at: Fixture.later)
        #expect(load.template.version == 1)
        let problem = try #require(load.error?.problems.first)
        #expect(problem.reason.hasPrefix("okänd svarstyp 'kalender'"))
        #expect(problem.line == 244)
        #expect(problem.column == 14)
        #expect(try store.templateVersions() == [1])
    }

    @Test func aBrokenFileBeforeAnyVersionFallsBackOnTheBuiltInDefault() throws {
        try write("version: 1\ntitel: [\n")
        let load = try store.currentTemplate(file: file, by: "anna", at: Fixture.at)
        #expect(!load.wroteDefault)
        #expect(load.error != nil)
        #expect(load.template == (try DefaultTemplate.template()))
        #expect(try store.templateVersions() == [1])
    }

    @Test func storedVersionsCannotBeChangedOrRemoved() throws {
        _ = try store.currentTemplate(file: file, by: "anna", at: Fixture.at)
        let db = try DatabaseQueue(path: dir.database.path)
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: "UPDATE kartlaggning_template SET title = 'x'") }
        }
        #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute(sql: "DELETE FROM kartlaggning_template") }
        }
    }
}
