import Foundation
import SamordnaCore
import Testing

@testable import SamordnaStore

@Suite struct DataDirectoryTests {
    let env = ["SAMORDNA_DATA": "/env/data", "XDG_DATA_HOME": "/xdg", "HOME": "/home/anna"]

    @Test func theFlagWinsOverEverything() throws {
        #expect(try DataDirectory.resolve(flag: "/flag/dir", environment: env).url.path == "/flag/dir")
    }

    @Test func thenSamordnaData() throws {
        #expect(try DataDirectory.resolve(flag: nil, environment: env).url.path == "/env/data")
    }

    @Test func thenXDGDataHome() throws {
        var e = env
        e["SAMORDNA_DATA"] = ""
        #expect(try DataDirectory.resolve(flag: nil, environment: e).url.path == "/xdg/samordna")
    }

    @Test func thenHome() throws {
        let e = ["XDG_DATA_HOME": "relative/not/allowed", "HOME": "/home/anna"]
        #expect(try DataDirectory.resolve(flag: "", environment: e).url.path == "/home/anna/.local/share/samordna")
    }

    @Test func nothingToGoOnIsAnError() {
        #expect(throws: StoreError.noDataDirectory) { try DataDirectory.resolve(flag: nil, environment: [:]) }
    }

    @Test func theDatabaseLivesInTheDirectory() throws {
        let d = try DataDirectory.resolve(flag: "/data", environment: [:])
        #expect(d.databaseURL.path == "/data/caseload.sqlite")
    }

    @Test func aNewDirectoryAndItsMissingParentsArePrivate() throws {
        let tmp = try TemporaryDirectory()
        let d = DataDirectory(url: tmp.url.appendingPathComponent("share/samordna"))
        let warnings = try d.prepare()
        #expect(try permissions(d.url) == 0o700)
        #expect(try permissions(tmp.url.appendingPathComponent("share")) == 0o700)
        #expect(warnings.isEmpty)
    }

    @Test func anExistingDirectoryKeepsItsModeAndGivesAWarning() throws {
        let tmp = try TemporaryDirectory()
        let url = tmp.url.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        let warnings = try DataDirectory(url: url).prepare()
        #expect(try permissions(url) == 0o755)
        #expect(warnings == [.readableByOthers(path: url.path, mode: 0o755)])
        #expect(warnings[0].description.contains("chmod o-rwx"))
    }

    @Test func aGroupSharedDirectoryIsAccepted() throws {
        let tmp = try TemporaryDirectory()
        let url = tmp.url.appendingPathComponent("team")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o770], ofItemAtPath: url.path)
        #expect(try DataDirectory(url: url).prepare().isEmpty)
    }

    @Test func aFileWhereTheDirectoryShouldBeIsAnError() throws {
        let tmp = try TemporaryDirectory()
        let file = tmp.file("data")
        try Data("x".utf8).write(to: file)
        #expect(throws: StoreError.notADirectory(path: file.path)) { try DataDirectory(url: file).prepare() }
        let below = file.appendingPathComponent("samordna")
        do {
            try DataDirectory(url: below).prepare()
            Issue.record("skapade en katalog under en fil")
        } catch {
            guard case .cannotCreateDirectory(let path, let reason) = error else {
                Issue.record("fel fel: \(error)")
                return
            }
            #expect(path == below.path)
            #expect(!reason.isEmpty)
            #expect(error.description.contains(below.path))
        }
    }

    @Test func theDatabaseAndItsWALFilesArePrivate() throws {
        let tmp = try TemporaryDirectory()
        let d = DataDirectory(url: tmp.url.appendingPathComponent("data"))
        try d.prepare()
        let store = try CaseloadStore.open(at: d.databaseURL)
        try store.addParticipant(Fixture.participant(1), by: "anna", at: Fixture.at)
        let db = d.databaseURL.path
        #expect(try permissions(d.databaseURL) == 0o600)
        for companion in [db + "-wal", db + "-shm"] {
            #expect(try permissions(URL(fileURLWithPath: companion)) == 0o600, "\(companion)")
        }
        #expect(d.storageWarnings().isEmpty)
    }

    @Test func aSyncFolderIsRecognised() {
        #expect(FileSystemKind.syncService(of: "/home/anna/Dropbox/samordna") == "Dropbox")
        #expect(FileSystemKind.syncService(of: "/home/anna/OneDrive - Malmö stad/data") == "OneDrive")
        #expect(FileSystemKind.syncService(of: "/home/anna/.local/share/samordna") == nil)
    }
}
