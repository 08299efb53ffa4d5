import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaTemplates

/// `samordna check`: verifies the data directory, the database and the kartläggning template and says what
/// is wrong, without changing anything. Exit 0 when all is well, 1 when a problem was found.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kontrollera datakatalogen, databasen och kartläggningsmallen och rapportera problem.")

    @OptionGroup var common: CommonOptions

    func validate() throws { try common.validate() }

    func run() throws {
        try exitOnFailure {
            let directory = try common.dataDirectory()
            var problems: [String] = []
            var notes: [String] = []
            let fm = FileManager.default
            let path = directory.url.path
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
                throw CLIFailure(message: "samordna: datakatalogen \(quotedValue(path)) finns inte", code: 1)
            }
            notes.append("Datakatalog: \(path)")
            problems += permissionProblems(directory)
            let db = directory.databaseURL.path
            var opened: CaseloadStore?
            if !fm.fileExists(atPath: db) {
                problems.append("\(db) finns inte (ingen ärendelista ännu)")
            } else {
                do {
                    let store = try CaseloadStore.open(at: directory.databaseURL)
                    opened = store
                    problems += try store.integrityProblems()
                    notes.append("Databas: \(db), schemaversion \(try store.schemaVersion())")
                    notes.append("Deltagare: \(try store.participantCount()), ändringslogg: \(try store.changeLogCount()) rader")
                    notes.append(Self.backupNote(try store.lastBackup()))
                } catch let error as StoreError {
                    problems.append(error.description)
                }
            }
            let template = TemplateFile.url(in: directory.url)
            if fm.fileExists(atPath: template.path) {
                // Checked as the form would use it: the file's rules, and against the versions already stored
                // (a changed file must raise its version). One line per problem, FILE:LINE:COLUMN: reason.
                let problem: TemplateFileError?
                do throws(TemplateFileError) {
                    let document = try TemplateFile.read(template)
                    problem = try? opened?.templateFileProblem(template)
                    if problem == nil {
                        notes.append("Kartläggningsmall: \(template.path), version \(document.template.version)")
                    }
                } catch {
                    problem = error
                }
                if let problem { problems += problem.description.split(separator: "\n").map(String.init) }
            } else {
                notes.append("Kartläggningsmall: ingen ännu (standardmallen skrivs när den första kartläggningen görs)")
            }
            for n in notes { print(n) }
            if problems.isEmpty {
                print("Inga problem hittades.")
            } else {
                for p in problems { print("PROBLEM: \(p)") }
                throw ExitCode(1)
            }
        }
    }

    /// When the last backup was made, or that none has been.
    static func backupNote(_ last: LastBackup?) -> String {
        guard let last else {
            return "Säkerhetskopia: ingen gjord ännu (samordna backup --output FIL; nattlig kopia: docs/storage.md)"
        }
        let by = last.by.isEmpty ? "" : " av \(quotedValue(last.by))"
        return "Senaste säkerhetskopia: \(RestoreCommand.timestamp(last.at))\(by) till \(quotedValue(last.file))"
    }

    /// Files and the directory should be private to the owner (0700 / 0600).
    func permissionProblems(_ directory: DataDirectory) -> [String] {
        var problems: [String] = []
        let fm = FileManager.default
        func mode(_ path: String) -> Int? {
            (try? fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
        }
        if let m = mode(directory.url.path), m & 0o077 != 0 {
            problems.append(String(format: "%@ har behörigheten %o; andra användare kan läsa den (väntade 700)", directory.url.path, m))
        }
        let files = (try? fm.contentsOfDirectory(atPath: directory.url.path)) ?? []
        for f in files where f.hasPrefix("caseload.sqlite") {
            let p = directory.url.appendingPathComponent(f).path
            if let m = mode(p), m & 0o077 != 0 {
                problems.append(String(format: "%@ har behörigheten %o (väntade 600)", p, m))
            }
        }
        return problems
    }
}
