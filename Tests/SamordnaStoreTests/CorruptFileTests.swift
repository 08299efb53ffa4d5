import Foundation
import SamordnaCore
import Testing

@testable import SamordnaStore

/// A file that is not a whole database of ours is refused and left exactly as it was (companions included).
@Suite struct CorruptFileTests {
    func expectRefusedAndUntouched(_ dir: TemporaryDirectory, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try bytes(dir.database)
        let files = try listing(dir)
        #expect(throws: StoreError.notADatabase(path: dir.database.path), sourceLocation: sourceLocation) {
            try CaseloadStore.open(at: dir.database)
        }
        #expect(throws: StoreError.notADatabase(path: dir.database.path), sourceLocation: sourceLocation) {
            try CaseloadStore.openReadOnly(at: dir.database)
        }
        #expect(throws: StoreError.notADatabase(path: dir.database.path), sourceLocation: sourceLocation) {
            try CaseloadStore.open(at: dir.database, connections: .single)
        }
        #expect(try bytes(dir.database) == before, "filen ändrades", sourceLocation: sourceLocation)
        #expect(try listing(dir) == files, "filer tillkom eller försvann", sourceLocation: sourceLocation)
    }

    /// A caseload with some data, closed so that everything is in the main file.
    func filledDatabase(_ dir: TemporaryDirectory) throws {
        let store = try Fixture.store(in: dir)
        for n in 0..<300 { try store.addParticipant(Fixture.participant(n), by: "anna", at: Fixture.at) }
    }

    @Test func aTextFileIsNotADatabase() throws {
        let dir = try TemporaryDirectory()
        try Data("hello".utf8).write(to: dir.database)
        try expectRefusedAndUntouched(dir)
    }

    @Test func aLongerFileWithoutTheSQLiteHeaderIsNotADatabase() throws {
        let dir = try TemporaryDirectory()
        try Data(repeating: 0x41, count: 8192).write(to: dir.database)
        try expectRefusedAndUntouched(dir)
    }

    @Test func theMessageNamesTheFileAndSaysItWasNotChanged() {
        let text = StoreError.notADatabase(path: "/x/caseload.sqlite").description
        #expect(text.contains("'/x/caseload.sqlite'"))
        #expect(text.contains("Filen har inte ändrats"))
        #expect(StoreError.notADatabase(path: "/x").exitCode == 1)
    }

    @Test func aDatabaseCutShortAtAPageIsRefused() throws {
        let dir = try TemporaryDirectory()
        try filledDatabase(dir)
        let whole = try bytes(dir.database)
        #expect(whole.count > 4 * 4096)
        try whole.prefix(2 * 4096).write(to: dir.database)
        try expectRefusedAndUntouched(dir)
    }

    @Test func aDatabaseCutShortMidPageIsRefused() throws {
        let dir = try TemporaryDirectory()
        try filledDatabase(dir)
        let whole = try bytes(dir.database)
        try whole.prefix(whole.count - 1000).write(to: dir.database)
        try expectRefusedAndUntouched(dir)
    }

    @Test func aDamagedSchemaPageIsRefused() throws {
        let dir = try TemporaryDirectory()
        try filledDatabase(dir)
        var damaged = try bytes(dir.database)
        // Page 1 holds the schema table right after the 100-byte file header.
        for i in 100..<4096 { damaged[i] = UInt8(truncatingIfNeeded: i &* 31) }
        try damaged.write(to: dir.database)
        try expectRefusedAndUntouched(dir)
    }

    @Test func anEmptyFileBecomesANewCaseload() throws {
        let dir = try TemporaryDirectory()
        try Data().write(to: dir.database)
        let store = try CaseloadStore.open(at: dir.database)
        #expect(try store.participantCount() == 0)
    }
}
