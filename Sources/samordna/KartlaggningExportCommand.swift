import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaExport
import SamordnaFiles
import SamordnaStore

/// `samordna export kartlaggning`: one kartläggning as a readable Markdown or HTML document, with the
/// template version it was made with.
struct KartlaggningExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kartlaggning",
        abstract: "Skriv ut en kartläggning som Markdown eller HTML.",
        discussion: """
            Utan --kartlaggning skrivs deltagarens senaste klara kartläggning ut (annars det pågående \
            utkastet). Frågorna är de i mallversionen som kartläggningen gjordes med.

            Dokumentet är pseudonymiserat (initialer + kort id, medarbetare med inloggning) om inte --names \
            anges; personnummer skrivs aldrig ut. Deltagare med skyddade personuppgifter exporteras inte.

            --output skriver en ny fil (helt eller inte alls); en befintlig fil ersätts bara med --force, och \
            aldrig en symbolisk länk, en databas eller datakatalogens egna filer.

            Slutkoder: 0 klart, 64 felaktig användning, 65 okänd deltagare eller kartläggning eller skyddade \
            personuppgifter, 1 annat fel (också en fil som inte kan eller får skrivas).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html }

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("participant"), help: ArgumentHelp("Deltagarens id eller personnummer.", valueName: "id"))
    var participant: String

    @Option(
        name: .customLong("kartlaggning"),
        help: ArgumentHelp("Kartläggningens id (eller de första tecknen, minst 4).", valueName: "id"))
    var kartlaggning: String?

    @Option(name: .customLong("format"), help: "md (Markdown, standard) eller html.")
    var format: Format = .md

    @Flag(name: .customLong("names"), help: "Skriv ut namn i stället för initialer och kort id.")
    var names = false

    @Option(
        name: .customLong("output"),
        help: ArgumentHelp(
            "Skriv till filen (ny fil, privat 0600; 0660 i en teamkatalog) i stället för standard ut; '-' är standard ut.",
            valueName: "fil"))
    var output: String?

    @Flag(name: .customLong("force"), help: "Ersätt en befintlig fil med --output (aldrig en länk, databas eller datafil).")
    var force = false

    func validate() throws { try common.validate() }

    func run() throws {
        try exitOnFailure {
            let store = try common.openStore(creating: false)
            let today = common.currentDay()
            let pid = try ParticipantCommand.Show.find(participant, in: try store.participants(), today: today)
            guard let person = try store.participant(pid) else {
                throw CLIFailure(message: "samordna: deltagaren \(pid) finns inte längre", code: 1)
            }
            if person.protectedIdentity {
                throw CLIFailure(
                    message: "samordna: \(KartlaggningExportRefusal.protectedIdentity(pid)); ingenting exporterades", code: 65)
            }
            let chosen = try Self.choose(kartlaggning, among: try store.kartlaggningar(for: pid), participant: pid)
            guard let record = try store.kartlaggningRecord(chosen.id) else {
                throw CLIFailure(message: "samordna: kartläggningen \(chosen.id) finns inte längre", code: 1)
            }
            guard let template = record.template else {
                throw CLIFailure(
                    message: "samordna: mallversion \(chosen.templateVersion) som kartläggningen \(chosen.id.short) "
                        + "gjordes med finns inte sparad; den kan inte skrivas ut",
                    code: 1)
            }
            let disclosure = try store.record(pid).map { try common.disclosure(store, for: $0) }
                ?? Disclosure(reader: nil, consents: [], registrars: [:], on: today)
            let document: KartlaggningDocument
            do {
                document = try KartlaggningDocument(
                    participant: person, kartlaggning: record.kartlaggning, template: template,
                    assessments: record.assessments, team: try store.teamMembers(), names: names, timeZone: .current,
                    disclosure: disclosure)
            } catch {
                throw CLIFailure(message: "samordna: \(error); ingenting exporterades", code: 65)
            }
            let text = format == .md ? document.markdown() : document.html()
            try Self.save(text, to: output, force: force) {
                try common.logAccess(
                    store, .export, participants: [pid], format: format.rawValue, withNames: names,
                    detail: "export kartlaggning \(record.kartlaggning.id.short)")
            }
        }
    }

    /// The kartläggning named by `typed` (an id or its first characters, at least 4), or the latest completed
    /// one, else the open draft. Unknown, ambiguous or someone else's: 65.
    static func choose(_ typed: String?, among all: [Kartlaggning], participant: Participant.ID) throws -> Kartlaggning {
        guard let typed = typed?.trimmingCharacters(in: .whitespaces) else {
            if let k = KartlaggningRules.lastCompleted(all) ?? KartlaggningRules.openDraft(all) { return k }
            throw CLIFailure(message: "samordna: deltagaren \(participant.short) har ingen kartläggning ännu", code: 65)
        }
        if let exact = all.first(where: { $0.id.rawValue == typed }) { return exact }
        let matches = typed.count >= 4 ? all.filter { $0.id.rawValue.hasPrefix(typed.lowercased()) } : []
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            throw CLIFailure(
                message: "samordna: \(quotedValue(typed)) passar flera kartläggningar (\(matches.map(\.id.short).joined(separator: ", "))); "
                    + "ange fler tecken av id:t",
                code: 65)
        }
        throw CLIFailure(
            message: "samordna: deltagaren \(participant.short) har ingen kartläggning med id \(quotedValue(typed))", code: 65)
    }

    /// Standard out for nil or `-`; otherwise the file, through the one file writer: whole or not at all,
    /// private (it holds personal data), never through a symlink, never over a data file, and over an existing
    /// file only with `--force`.
    /// Writes `text` to standard output or to `output`. `log` (the access log) runs first for standard output,
    /// and for a file after every check of the target and before the file is put in place: a refused target
    /// logs nothing, and a failed log leaves no file.
    static func save(_ text: String, to output: String?, force: Bool, log: () throws -> Void) throws {
        guard let output, output != "-" else {
            try log()
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        var logFailure: (any Error)?
        do {
            try FileWriter.produce(at: output, options: .export(force: force)) { (file: TemporaryFile) throws(FileWriteError) in
                do { try log() } catch {
                    logFailure = error
                    throw FileWriteError.failed(path: output, reason: "åtkomstloggen kunde inte skrivas")
                }
                try file.append(Array(text.utf8))
            }
        } catch {
            if let logFailure { throw logFailure }
            let hint = error == .exists(path: output) ? " (eller --force för att ersätta den)" : ""
            throw CLIFailure(message: "samordna: \(error.description)\(hint)", code: 1)
        }
    }
}
