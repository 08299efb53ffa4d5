import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaTemplates

/// `samordna check`: verifies the data directory, the database, the kartläggning template and the insats
/// catalogue and says what is wrong, without changing anything (the database is opened read-only). Exit 0 when
/// all is well, 65 when only the insats catalogue file has problems, 1 when another problem was found. Files
/// other accounts can read are a problem; the other storage warnings (a network file system, a sync folder, a
/// symbolic link) are printed as `VARNING:` lines and do not change the exit code.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kontrollera datakatalogen, databasen, kartläggningsmallen och insatskatalogen och rapportera problem.")

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
            notes.append("Datakatalog: \(quotedValue(path))")
            // Read only: the database is opened without the right to write (no migration, no schema in an
            // empty file); nothing is created.
            if let reason = directory.trustProblem() { problems.append(reason) }
            // Personal data readable by every account on the machine is a problem; the rest are warnings.
            var warnings: [StorageWarning] = []
            for warning in directory.storageWarnings() {
                if case .readableByOthers = warning { problems.append(warning.description) } else { warnings.append(warning) }
            }
            let db = directory.databaseURL.path
            var opened: CaseloadStore?
            if directory.trustProblem() != nil {
                // Not opened at all: the problem above says why.
            } else if !fm.fileExists(atPath: db) {
                problems.append("\(quotedValue(db)) finns inte (ingen ärendelista ännu)")
            } else if (try? fm.attributesOfItem(atPath: db)[.size] as? NSNumber)?.intValue == 0 {
                notes.append("Databas: \(quotedValue(db)) är tom (0 byte); den får sitt innehåll när Samordna först skriver i den")
            } else {
                do {
                    let store = try CaseloadStore.openReadOnly(at: directory.databaseURL)
                    opened = store
                    problems += try store.integrityProblems()
                    notes.append("Databas: \(quotedValue(db)), schemaversion \(try store.schemaVersion())")
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
            let catalogueProblems = Self.checkCatalogue(in: directory, store: opened, today: common.currentDay(), notes: &notes)
            for n in notes { print(n) }
            for w in warnings { print("VARNING: \(w)") }
            if problems.isEmpty && catalogueProblems.isEmpty {
                print("Inga problem hittades.")
            } else {
                for p in problems + catalogueProblems { print("PROBLEM: \(p)") }
                // Only the catalogue file is wrong: bad input data, like a refused import (65).
                throw ExitCode(problems.isEmpty ? 65 : 1)
            }
        }
    }

    /// The insats catalogue file: every problem as `FILE:LINE:COLUMN: reason`, and, with a database, every type
    /// that stored episodes use but the file leaves out. A type that is no longer offered (`aktiv_till` passed)
    /// is fine: it stays for history.
    static func checkCatalogue(in directory: DataDirectory, store: CaseloadStore?, today: LocalDate, notes: inout [String])
        -> [String]
    {
        let url = CatalogueFile.url(in: directory.url)
        guard FileManager.default.fileExists(atPath: url.path) else {
            notes.append(
                "Insatskatalog: ingen ännu (standardkatalogen skrivs första gången den behövs: terminalgränssnittet, insats, "
                    + "participant list/show)")
            return []
        }
        let problem: CatalogueFileError?
        do throws(CatalogueFileError) {
            let document = try CatalogueFile.read(url)
            problem = try? store?.catalogueFileProblem(url)
            if problem == nil {
                let offered = document.types.filter { $0.isOffered(on: today) }.count
                notes.append(
                    "Insatskatalog: \(quotedValue(url.path)), \(document.types.count) insatstyper (\(offered) erbjuds idag)")
            }
        } catch {
            problem = error
        }
        return problem.map { $0.description.split(separator: "\n").map(String.init) } ?? []
    }

    /// When the last backup was made, or that none has been.
    static func backupNote(_ last: LastBackup?) -> String {
        guard let last else {
            return "Säkerhetskopia: ingen gjord ännu (samordna backup --output FIL; nattlig kopia: docs/storage.md)"
        }
        let by = last.by.isEmpty ? "" : " av \(quotedValue(last.by))"
        return "Senaste säkerhetskopia: \(RestoreCommand.timestamp(last.at))\(by) till \(quotedValue(last.file))"
    }
}
