import Foundation
import Testing

@testable import SamordnaFiles

/// The one file writer on real files in a fresh folder: what it refuses, what it leaves behind, the modes.
@Suite struct FileWriterTests {
    let dir: URL
    var path: String { dir.path }

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("samordna-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { dir.appendingPathComponent(name).path }
    func read(_ p: String) -> String? { try? String(contentsOfFile: p, encoding: .utf8) }
    func mode(_ p: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: p)[.posixPermissions]) as? NSNumber)?.intValue ?? -1
    }
    /// Names in the folder: a temporary file left behind would show here.
    func listing() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    @Test func aNewFileIsWrittenWholeAndPrivate() throws {
        let target = file("ut.md")
        #expect(try FileWriter.write("# Kartläggning\n", to: target))
        #expect(read(target) == "# Kartläggning\n")
        #expect(mode(target) == 0o600)
        #expect(listing() == ["ut.md"])
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func anExistingFileIsRefusedUnlessReplacingIsAllowed() throws {
        let target = file("ut.md")
        try "gammal".write(toFile: target, atomically: false, encoding: .utf8)
        chmod(target, 0o644)
        #expect(throws: FileWriteError.exists(path: target)) { try FileWriter.write("ny", to: target) }
        #expect(read(target) == "gammal")
        #expect(try FileWriter.write("ny", to: target, options: .keep) == false)
        #expect(read(target) == "gammal")
        #expect(try FileWriter.write("ny", to: target, options: .export(force: true)))
        #expect(read(target) == "ny")
        #expect(mode(target) == 0o600, "a replaced file is private too")
        #expect(listing() == ["ut.md"])
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aSymlinkAtTheTargetIsNeverFollowedNorReplaced() throws {
        let victim = file("offer.txt")
        try "orörd".write(toFile: victim, atomically: false, encoding: .utf8)
        chmod(victim, 0o644)
        let link = file("länk.md")
        symlink(victim, link)
        for options in [WriteOptions.export(force: false), .export(force: true)] {
            #expect(throws: FileWriteError.symlink(path: link)) { try FileWriter.write("x", to: link, options: options) }
        }
        let dangling = file("hängande.md")
        symlink(file("finns-inte"), dangling)
        #expect(throws: FileWriteError.symlink(path: dangling)) { try FileWriter.write("x", to: dangling) }
        #expect(read(victim) == "orörd")
        #expect(mode(victim) == 0o644)
        #expect(!FileManager.default.fileExists(atPath: file("finns-inte")))
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func theDataDirectorysOwnFilesAndDatabasesAreNeverWritten() throws {
        for name in ["caseload.sqlite", "caseload.sqlite-wal", "caseload.sqlite-shm", "kartlaggning.yaml", "insatser.yaml"] {
            let target = file(name)
            #expect(throws: FileWriteError.dataFile(path: target)) {
                try FileWriter.write("x", to: target, options: .export(force: true))
            }
            #expect(!FileManager.default.fileExists(atPath: target))
        }
        // Whatever it is called, an SQLite database is not replaced by a document.
        let db = file("kopia.bin")
        try Data(DataFileNames.sqliteMagic + [UInt8](repeating: 1, count: 100)).write(to: URL(fileURLWithPath: db))
        #expect(throws: FileWriteError.database(path: db)) { try FileWriter.write("x", to: db, options: .export(force: true)) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)).count == 116)
        // The store's first-use default may be written, once.
        #expect(try FileWriter.write("version: 1", to: file("kartlaggning.yaml"), options: WriteOptions(existing: .keep, allowDataFile: true)))
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aDirectoryIsNotATarget() throws {
        try FileManager.default.createDirectory(atPath: file("mapp"), withIntermediateDirectories: false)
        #expect(throws: FileWriteError.notRegularFile(path: file("mapp"))) {
            try FileWriter.write("x", to: file("mapp"), options: .export(force: true))
        }
        #expect(throws: FileWriteError.self) { try FileWriter.write("x", to: file("saknas/ut.md")) }
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aFailedFillLeavesTheOldFileAndNoTemporaryFile() throws {
        struct Stop: Error {}
        let target = file("ut.md")
        try "gammal".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(throws: FileWriteError.self) {
            try FileWriter.produce(at: target, options: .export(force: true)) { (f: TemporaryFile) throws(FileWriteError) in
                try f.append(Array("halv".utf8))
                throw .noSpace(path: target, reason: "disken är full")
            }
        }
        #expect(read(target) == "gammal")
        #expect(listing() == ["ut.md"])
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func temporaryFilesLeftByAKilledWriterAreRemovedOnlyWhenStale() throws {
        let stale = file(".ut.md.samordna-dead.tmp")
        let fresh = file(".ut.md.samordna-busy.tmp")
        let other = file(".annat.md.samordna-dead.tmp")
        for p in [stale, fresh, other] { try "halv".write(toFile: p, atomically: false, encoding: .utf8) }
        var old = [timeval(tv_sec: time(nil) - 7200, tv_usec: 0), timeval(tv_sec: time(nil) - 7200, tv_usec: 0)]
        utimes(stale, &old)
        utimes(other, &old)
        try FileWriter.write("x", to: file("ut.md"))
        #expect(listing() == [".annat.md.samordna-dead.tmp", ".ut.md.samordna-busy.tmp", "ut.md"])
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aGroupSharedFolderGivesGroupFilesAndFolders() throws {
        chmod(path, 0o2770)
        #expect(SharingMode.isGroupShared(directory: path))
        try FileWriter.write("x", to: file("ut.md"))
        #expect(mode(file("ut.md")) == 0o660)
        try FileWriter.makeDirectory(file("utskrifter"))
        #expect(mode(file("utskrifter")) == 0o2770)
        try FileWriter.makeDirectory(file("utskrifter"))  // again: already there, fine
        symlink("/tmp", file("länkmapp"))
        #expect(throws: FileWriteError.symlink(path: file("länkmapp"))) { try FileWriter.makeDirectory(file("länkmapp")) }
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aLongNonLatinNameStillGetsATemporaryFile() throws {
        let name = String(repeating: "𝄞", count: 62) + ".md"  // 251 bytes: the temporary name must be shorter
        #expect(try FileWriter.write("x", to: file(name)))
        #expect(listing() == [name])
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func pathsAreQuotedWithHiddenCharactersSpelledOut() {
        #expect(QuotedPath.quoted("a\u{1B}[31m\n.md") == "'a\\u{1B}[31m\\n.md'")
        #expect(QuotedPath.quoted("\u{202E}dm.exe") == "'\\u{202E}dm.exe'")
        #expect(FileWriteError.exists(path: "x\u{7}").description.hasPrefix("kan inte skriva 'x\\u{7}': filen finns redan"))
    }
}

extension WriteOptions {
    static let keep = WriteOptions(existing: .keep)
}
