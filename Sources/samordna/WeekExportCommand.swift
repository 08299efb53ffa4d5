import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaExport
import SamordnaFiles
import SamordnaStore

/// `samordna export week`: the team's veckolista for one ISO week as CSV, Markdown, HTML, iCalendar or JSON
/// (docs/week-list.md).
struct WeekExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "week",
        abstract: "Exportera veckolistan (möten, insatser, uppföljningar, samtycken, avslut) för en ISO-vecka.",
        discussion: """
            Utan --week gäller veckan som idag ligger i. Listan är pseudonymiserad (initialer och en kod som \
            bara gäller i den här exporten, ingen plats) om inte --names anges. Deltagare med skyddade \
            personuppgifter finns aldrig med. Möten och insatser som en annan organisation äger visas bara \
            om deltagaren har ett giltigt samtycke som låter din myndighet ta emot uppgifterna; annars bara \
            som ett antal, t.ex. "1 möte (sekretess)".

            --mine ger Min vecka: möten du deltar i och deltagare du är ansvarig för. --responsible LOGIN ger \
            samma lista för en kollega. Den som hör till ett arbetslag (samordna team set-unit) får lagets \
            vecka: lagets möten och deltagare; --whole-team ger hela teamets.

            --output skriver en ny fil (helt eller inte alls). En befintlig fil ersätts bara med --force och \
            bara om den är en tidigare veckoexport; aldrig en symbolisk länk, en databas eller datakatalogens \
            egna filer.

            Slutkoder: 0 klart, 64 felaktig användning (ogiltig vecka, --mine med --responsible, ogiltig \
            avgränsare, --whole-team med --mine eller --responsible), 65 okänd --responsible eller --mine utan att du finns i teamet, 1 annat fel (också en \
            fil som inte kan eller får skrivas).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, md, html, ics, json }

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("week"), help: ArgumentHelp("ISO-vecka, t.ex. 2026-W49 (standard: den här veckan).", valueName: "ÅÅÅÅ-Www"))
    var week: String?

    @Option(name: .customLong("format"), help: "md (Markdown, standard), csv, html, ics (kalender) eller json.")
    var format: Format = .md

    @Option(
        name: .customLong("output"),
        help: ArgumentHelp(
            "Skriv till filen (ny fil, privat 0600; 0660 i en teamkatalog) i stället för standard ut; '-' är standard ut.",
            valueName: "fil"))
    var output: String?

    @Flag(name: .customLong("names"), help: "Skriv namn och plats i stället för initialer och kod.")
    var names = false

    @Flag(name: .customLong("mine"), help: "Min vecka: möten jag deltar i och deltagare jag är ansvarig för.")
    var mine = false

    @Option(name: .customLong("responsible"), help: ArgumentHelp("Min vecka för en kollega (inloggningsnamn).", valueName: "login"))
    var responsible: String?

    @Flag(name: .customLong("whole-team"), help: "Hela teamets vecka, också för den som hör till ett arbetslag.")
    var wholeTeam = false

    @Option(name: .customLong("delimiter"), help: ArgumentHelp("Avgränsare i CSV (standard ';', för svensk Excel).", valueName: "tecken"))
    var delimiter: String = ";"

    @Flag(name: .customLong("force"), help: "Ersätt en tidigare veckoexport med --output.")
    var force = false

    func validate() throws {
        try common.validate()
        if let week, case .failure(let why) = WeekInput.parse(week) {
            throw ValidationError("--week: \(why.reason)")
        }
        if mine && responsible != nil { throw ValidationError("ange antingen --mine eller --responsible, inte båda") }
        if wholeTeam && (mine || responsible != nil) {
            throw ValidationError("--whole-team gäller Teamets vecka, inte --mine eller --responsible")
        }
        if let responsible, responsible.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--responsible: ange en medarbetares inloggningsnamn")
        }
        guard delimiter.count == 1, let d = delimiter.first, !"\"\r\n'".contains(d), !d.isLetter, !d.isNumber else {
            throw ValidationError("--delimiter: ett tecken, t.ex. ';' eller ',' (fick '\(delimiter)')")
        }
        if delimiter != ";" && format != .csv { throw ValidationError("--delimiter gäller bara --format csv") }
    }

    func run() throws {
        try exitOnFailure {
            var trace = StartTrace(environment: common.environment)
            defer { trace.report(title: "samordna export week") }
            let today = common.currentDay()
            let chosen = try week.map { try WeekInput.parse($0).get() } ?? IsoWeek(containing: today)
            // Before the database is read: a file that may not be replaced is refused first.
            try Self.checkTarget(output, force: force)
            // One connection: the week is read in one transaction and one access line written.
            let store = try common.openStore(creating: false, connections: .single)
            trace.mark("store")
            let login = currentLogin(common.environment)
            let me = try store.teamMember(login: login)
            let reader: WeekList.Reader
            if let responsible {
                guard let member = try store.teamMember(login: responsible) else {
                    throw CLIFailure(
                        message: "samordna: okänd medarbetare \(quotedValue(responsible)) för --responsible "
                            + "(se 'samordna team list'); ingenting exporterades",
                        code: 65)
                }
                reader = .mine(member)
            } else if mine {
                guard let me else {
                    throw CLIFailure(
                        message: "samordna: --mine: inloggningen \(quotedValue(login)) finns inte i teamet "
                            + "(se 'samordna team list'); ingenting exporterades",
                        code: 65)
                }
                reader = .mine(me)
            } else {
                reader = .team(me, wholeTeam: wholeTeam)
            }
            let (list, data) = try store.weekList(
                week: chosen, today: today, reader: reader, catalogue: DefaultInsatsCatalogue.all, protectedPolicy: .leaveOut)
            trace.mark("week")
            let export = WeekListExport(list: list, names: names, codeSalt: UInt64.random(in: .min ... .max), generated: common.now())
            let text: String
            switch format {
            case .csv: text = export.csv(delimiter: delimiter.first!)
            case .md: text = export.markdown()
            case .html: text = export.html()
            case .ics: text = export.ics()
            case .json: text = export.json()
            }
            trace.mark("format")
            try Self.save(text, to: output, force: force) {
                try common.logAccess(
                    store, .export,
                    participants: data.covered,
                    format: format.rawValue, withNames: names, detail: "export week \(chosen)")
            }
            trace.mark("written")
            // The process ends right after: at city scale the week's values are some 50 000 small objects, and
            // freeing them one by one costs more than reading them (docs/benchmarks.md). Kept instead.
            Self.keptUntilExit = (data, list)
        }
    }

    nonisolated(unsafe) static var keptUntilExit: Any?

    /// An existing file is replaced only with `--force` and only when it is an earlier veckoexport: a
    /// mistyped `--output` must never destroy someone's document.
    static func checkTarget(_ output: String?, force: Bool) throws {
        guard let output, output != "-" else { return }
        let found: FileWriter.Found?
        do { found = try FileWriter.existing(output) } catch {
            throw CLIFailure(message: "samordna: \(error.description); ingenting exporterades", code: 1)
        }
        guard found != nil else { return }
        guard force else {
            throw CLIFailure(
                message: "samordna: filen finns redan: \(QuotedPath.quoted(output)) (--force ersätter en tidigare veckoexport); "
                    + "ingenting exporterades",
                code: 1)
        }
        guard let handle = FileHandle(forReadingAtPath: output) else {
            throw CLIFailure(message: "samordna: kan inte läsa \(QuotedPath.quoted(output)); ingenting exporterades", code: 1)
        }
        let prefix = ((try? handle.read(upToCount: 4096)) ?? nil) ?? Data()
        try? handle.close()
        guard WeekListExport.isEarlierExport(Array(prefix)) else {
            throw CLIFailure(
                message: "samordna: \(QuotedPath.quoted(output)) är ingen tidigare veckoexport och ersätts inte, inte ens med "
                    + "--force; välj ett annat filnamn. Ingenting exporterades",
                code: 1)
        }
    }

    static func save(_ text: String, to output: String?, force: Bool, log: () throws -> Void) throws {
        try KartlaggningExportCommand.save(text, to: output, force: force, log: log)
    }
}
