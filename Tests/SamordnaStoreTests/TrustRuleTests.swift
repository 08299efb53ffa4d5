import Foundation
import SamordnaCore
import Testing

@testable import SamordnaStore

/// Who may own a data directory and its database: files anyone can write, or that an account outside the
/// team's group owns, are refused before SQLite reads or writes them; a team's setgid directory gets 0660.
@Suite struct TrustRuleTests {
    /// The `nobody` account and its group, which the test process (root or not) does not belong to.
    let nobody: uid_t = 65534
    let nogroup: gid_t = 65534

    @Test func aDirectoryAnyoneCanWriteIsRefusedAndNothingIsCreated() throws {
        let dir = try TemporaryDirectory()
        chmod(dir.path, 0o777)
        #expect(throws: StoreError.self) { try CaseloadStore.open(at: dir.database) }
        do {
            _ = try CaseloadStore.open(at: dir.database)
        } catch {
            #expect(error.description.contains("kan ändras av alla användare"))
            #expect(error.description.contains("chmod o-rwx"))
        }
        #expect(try listing(dir).isEmpty)
        #expect(DataDirectory(url: dir.url).trustProblem() != nil)
    }

    @Test func aPremadeDatabaseAnyoneCanWriteIsNotAdopted() throws {
        let dir = try TemporaryDirectory()
        _ = FileManager.default.createFile(atPath: dir.database.path, contents: Data())
        chmod(dir.database.path, 0o666)
        #expect(throws: StoreError.self) { try CaseloadStore.open(at: dir.database) }
        #expect(try bytes(dir.database).isEmpty)
        #expect(try listing(dir) == ["caseload.sqlite"])
    }

    @Test func aDatabaseOrWALOwnedBySomeoneOutsideTheGroupIsRefused() throws {
        guard getuid() == 0 else { return }  // only root can give a file away
        for name in ["caseload.sqlite", "caseload.sqlite-wal"] {
            let dir = try TemporaryDirectory()
            let file = dir.file(name).path
            _ = FileManager.default.createFile(atPath: file, contents: Data())
            chown(file, nobody, nogroup)
            chmod(file, 0o660)
            do {
                _ = try CaseloadStore.open(at: dir.database)
                Issue.record("opened a caseload with \(name) owned by nobody")
            } catch {
                #expect(error.description.contains("ägs av 'nobody'"), "\(error)")
            }
            #expect(!FileManager.default.fileExists(atPath: dir.database.path) || name == "caseload.sqlite")
        }
    }

    @Test func aSymlinkIntoAFolderAnyoneCanSwapIsRefused() throws {
        let dir = try TemporaryDirectory()
        let open = dir.file("öppen")
        try FileManager.default.createDirectory(at: open, withIntermediateDirectories: false)
        chmod(open.path, 0o777)  // writable by all, not sticky
        let data = open.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
        chmod(data.path, 0o700)
        let link = dir.file("länk")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: data)
        do {
            _ = try CaseloadStore.open(at: link.appendingPathComponent("caseload.sqlite"))
            Issue.record("opened through a link into a folder anyone can swap")
        } catch {
            #expect(error.description.contains("vem som helst kan byta ut datakatalogen"), "\(error)")
        }
        // Into a private folder it is fine, and the warning names the link's target and its mode.
        chmod(open.path, 0o700)
        _ = try CaseloadStore.open(at: link.appendingPathComponent("caseload.sqlite"))
        let warnings = DataDirectory(url: link).storageWarnings()
        #expect(warnings.contains(.symbolicLink(path: link.path, target: data.path, mode: 0o700)))
    }

    @Test func aTeamDirectoryGivesGroupFilesToTheDatabaseAndItsCompanions() throws {
        let dir = try TemporaryDirectory()
        chmod(dir.path, 0o2770)
        let store = try CaseloadStore.open(at: dir.database)
        try store.addTeamMember(Fixture.anna, by: "admin", at: Fixture.at)
        #expect(try permissions(dir.database) == 0o660)
        for companion in ["caseload.sqlite-wal", "caseload.sqlite-shm"] where FileManager.default.fileExists(atPath: dir.file(companion).path) {
            #expect(try permissions(dir.file(companion)) == 0o660, "\(companion)")
        }
        #expect(DataDirectory(url: dir.url).storageWarnings().isEmpty)
    }

    @Test func anEmptyDatabaseLeftUnusableByAnOddUmaskIsRepaired() throws {
        let dir = try TemporaryDirectory()
        _ = FileManager.default.createFile(atPath: dir.database.path, contents: Data())
        chmod(dir.database.path, 0o400)
        let store = try CaseloadStore.open(at: dir.database)
        #expect(try store.participantCount() == 0)
        #expect(try permissions(dir.database) == 0o600)
    }

    @Test func warningsHaveAShortFormForTheStatusLine() {
        #expect(StorageWarning.readableByOthers(path: "/d", mode: 0o755).summary == "Varning: datakatalogen kan läsas av andra (755)")
        #expect(StorageWarning.readableByOthers(path: "/d/caseload.sqlite", mode: 0o644).summary
            == "Varning: databasen kan läsas av andra (644)")
        #expect(StorageWarning.symbolicLink(path: "/a", target: "/b\u{1B}", mode: 0o700).summary
            == "Datakatalogen är en länk till '/b\\u{1B}'")
    }
}
