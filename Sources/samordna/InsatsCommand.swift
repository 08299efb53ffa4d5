import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaExport
import SamordnaStore
import TerminalUI

/// `samordna insats`: plan, start, end and list a participant's insatser with the same Core rules as the
/// forms (`InsatsRules`, `InsatsPlanning`). Every write goes through the store with its change-log row.
struct InsatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insats", abstract: "Planera, starta, avsluta och lista insatser.",
        subcommands: [Add.self, List.self, Start.self, End.self])

    /// `samordna insats add`: a planned or ongoing episode of a catalogue type.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Lägg till en insats för en deltagare.",
            discussion: """
                Med --status planerad (standard) är --start den planerade starten; med pågår den verkliga (inte
                efter idag). --end är det planerade slutet. Alla fält kontrolleras innan något sparas; varje fel
                anges med flagga, värde och regel (slutkod 65). Varningar (mer än heltid en vecka, samma insats två
                gånger samtidigt, längre än insatsens längsta tid) skrivs på standard error; insatsen sparas ändå.
                """)

        @OptionGroup var common: CommonOptions

        @Option(name: .customLong("participant"), help: ArgumentHelp("Deltagarens id (minst 4 tecken) eller personnummer.", valueName: "id"))
        var participant: String

        @Option(name: .customLong("type"), help: ArgumentHelp("Insatsens kod i katalogen, t.ex. PRA eller SFI.", valueName: "kod"))
        var type: String

        @Option(name: .customLong("start"), help: ArgumentHelp("Start (planerad eller verklig, se --status), ÅÅÅÅ-MM-DD.", valueName: "datum"))
        var start: String

        @Option(name: .customLong("end"), help: ArgumentHelp("Planerat slut, ÅÅÅÅ-MM-DD.", valueName: "datum"))
        var end: String = ""

        @Option(name: .customLong("status"), help: ArgumentHelp("planerad (standard) eller pågår.", valueName: "status"))
        var status: String = InsatsStatus.planerad.rawValue

        @Option(name: .customLong("omfattning"), help: ArgumentHelp("Procent av heltid, 1–100.", valueName: "procent"))
        var omfattning: String = ""

        @Option(name: .customLong("anordnare"), help: ArgumentHelp("Anordnare.", valueName: "namn"))
        var anordnare: String = ""

        @Option(name: .customLong("kontaktperson"), help: ArgumentHelp("Kontaktperson hos anordnaren.", valueName: "namn"))
        var kontaktperson: String = ""

        @Option(
            name: .customLong("beslutad-av"),
            help: ArgumentHelp("Organisationen som beslutade: \(Organisation.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "org"))
        var beslutadAv: String?

        @Option(name: .customLong("beslutsdatum"), help: ArgumentHelp("Beslutsdatum, ÅÅÅÅ-MM-DD.", valueName: "datum"))
        var beslutsdatum: String = ""

        @Option(name: .customLong("uppfoljning"), help: ArgumentHelp("Nästa uppföljning, ÅÅÅÅ-MM-DD.", valueName: "datum"))
        var uppfoljning: String = ""

        @Option(name: .customLong("anteckning"), help: ArgumentHelp("En kort anteckning om insatsen.", valueName: "text"))
        var anteckning: String = ""

        func validate() throws { try common.validate() }

        static func option(for field: InsatsField) -> String {
            switch field {
            case .typeCode: return "--type"
            case .status: return "--status"
            case .plannedStart, .start: return "--start"
            case .plannedEnd, .end: return "--end"
            case .endReason: return "--reason"
            case .extentPercent: return "--omfattning"
            case .provider: return "--anordnare"
            case .contactPerson: return "--kontaktperson"
            case .decidedBy: return "--beslutad-av"
            case .decisionDate: return "--beslutsdatum"
            case .nextFollowUp: return "--uppfoljning"
            case .note: return "--anteckning"
            }
        }

        func typed(_ field: InsatsField) -> String {
            switch field {
            case .typeCode: return type
            case .status: return status
            case .plannedStart, .start: return start
            case .plannedEnd, .end: return end
            case .endReason: return ""
            case .extentPercent: return omfattning
            case .provider: return anordnare
            case .contactPerson: return kontaktperson
            case .decidedBy: return beslutadAv ?? ""
            case .decisionDate: return beslutsdatum
            case .nextFollowUp: return uppfoljning
            case .note: return anteckning
            }
        }

        func run() throws {
            try exitOnFailure {
                let today = common.currentDay()
                var problems: [String] = []
                let parsedStatus = ActivityText.choice(status, among: [InsatsStatus.planerad, .pagar])
                if parsedStatus == nil {
                    problems.append(invalidOption("--status", status, "välj planerad eller pågår (en insats avslutas med 'samordna insats end')"))
                }
                var decidedBy: Organisation?
                if let beslutadAv {
                    decidedBy = ActivityText.choice(beslutadAv, among: Organisation.allCases)
                    if decidedBy == nil {
                        problems.append(
                            invalidOption(
                                "--beslutad-av", beslutadAv,
                                "okänd organisation; välj \(Organisation.allCases.map(\.rawValue).joined(separator: ", "))"))
                    }
                }
                let state = parsedStatus ?? .planerad
                let draft = InsatsDraft(
                    typeCode: type, status: state, plannedStart: state == .planerad ? start : "",
                    start: state == .pagar ? start : "", plannedEnd: end, extentPercent: omfattning, provider: anordnare,
                    contactPerson: kontaktperson, decidedBy: decidedBy, decisionDate: beslutsdatum,
                    nextFollowUp: uppfoljning, note: anteckning)
                // The store first: the rules check the type against the team's catalogue. Nothing is written
                // before every check has passed.
                let store = try common.openStore(creating: false)
                let catalogue = try CatalogueText.load(store: store, common: common).byCode
                var valid: ValidInsats?
                switch InsatsRules.validate(draft, catalogue: catalogue, today: today) {
                case .failure(let errors):
                    for field in errors.fields {
                        problems.append(invalidOption(Self.option(for: field), typed(field), errors[field]!))
                    }
                case .success(let v): valid = v
                }
                if !problems.isEmpty || valid == nil {
                    for p in problems { printError(p) }
                    printError("samordna: inget sparades")
                    throw ExitCode(65)
                }
                let login = currentLogin(common.environment)
                let person = try ActivityText.participant(participant, store: store, today: today)
                guard let owner = try store.teamMember(login: login)?.organisation ?? decidedBy else {
                    throw CLIFailure(
                        message: "samordna: --beslutad-av: din inloggning \(quotedValue(login)) finns inte i teamet, så insatsens "
                            + "organisation är okänd; ange --beslutad-av (eller lägg till dig med 'samordna team add'). Inget sparades.",
                        code: 65)
                }
                var ids = RandomIdentifiers()
                let episode = valid!.episode(id: .init(ids.next()), participant: person.id, owner: owner)
                let before = try store.episodes(for: person.id)
                let warningsBefore = InsatsPlanning.warnings(before, catalogue: catalogue, today: today)
                let warningsAfter = InsatsPlanning.warnings(before + [episode], catalogue: catalogue, today: today)
                try store.addEpisode(episode, by: login, at: common.now())
                for w in warningsAfter where !warningsBefore.contains(w) {
                    printError("samordna: varning: \(Sanitize.line(w.description))")
                }
                let name = catalogue[episode.typeCode]?.name ?? ""
                print(
                    "Lade till insats \(Sanitize.line(episode.typeCode)) \(Sanitize.line(name)) (\(episode.status.rawValue)) för "
                        + "\(Sanitize.line(person.fullName)) (\(person.id.short)), id \(episode.id)")
            }
        }
    }

    /// `samordna insats start`: a planned episode starts.
    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "start", abstract: "Starta en planerad insats.")

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Insatsens id (eller de första tecknen, minst 4).", valueName: "id"))
        var id: String

        @Option(name: .customLong("on"), help: ArgumentHelp("Startdag, ÅÅÅÅ-MM-DD (inte efter idag).", valueName: "datum"))
        var on: String

        func validate() throws { try common.validate() }

        func run() throws {
            try exitOnFailure {
                let today = common.currentDay()
                let day = try ActivityText.date(on, option: "--on")
                let store = try common.openStore(creating: false)
                let episode = try ActivityText.episode(id, store: store)
                switch InsatsRules.start(episode, on: day, today: today) {
                case .failure(let v):
                    let message =
                        episode.status == .planerad
                        ? invalidOption("--on", on, v.reason) : "samordna: insats \(episode.id.short): \(v.reason)"
                    throw CLIFailure(message: message + "; inget sparades", code: 65)
                case .success(let started):
                    let saved = try store.updateEpisode(
                        started, expectedVersion: episode.version, by: currentLogin(common.environment), at: common.now())
                    print("Startade insats \(Sanitize.line(saved.typeCode)) (\(saved.id.short)) \(day): \(saved.status.rawValue)")
                }
            }
        }
    }

    /// `samordna insats end`: an episode ends (avslutad) or is cancelled (avbruten), as the reason says.
    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "end",
            abstract: "Avsluta eller avbryt en insats.",
            discussion: """
                Orsaken avgör utfallet: genomförd, arbete och studier avslutar insatsen; ohälsa, deltagaren avbröt,
                anordnaren avbröt, byte till annan insats, flytt och annat avbryter den. En planerad insats kan bara
                avbrytas. Ångra med 'samordna undo'.
                """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Insatsens id (eller de första tecknen, minst 4).", valueName: "id"))
        var id: String

        @Option(name: .customLong("on"), help: ArgumentHelp("Slutdag, ÅÅÅÅ-MM-DD (inte efter idag).", valueName: "datum"))
        var on: String

        @Option(
            name: .customLong("reason"),
            help: ArgumentHelp("\(InsatsEndReason.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "orsak"))
        var reason: String

        func validate() throws { try common.validate() }

        func run() throws {
            try exitOnFailure {
                let today = common.currentDay()
                var problems: [String] = []
                let day = LocalDate(iso: on.trimmingCharacters(in: .whitespaces))
                if day == nil { problems.append(invalidOption("--on", on, ActivityText.badDate)) }
                let why = ActivityText.choice(reason, among: InsatsEndReason.allCases)
                if why == nil {
                    problems.append(
                        invalidOption(
                            "--reason", reason,
                            "okänd avslutsorsak; välj \(InsatsEndReason.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
                guard let day, let why else {
                    throw CLIFailure(message: problems.joined(separator: "\n") + "\nsamordna: inget sparades", code: 65)
                }
                let store = try common.openStore(creating: false)
                let episode = try ActivityText.episode(id, store: store)
                switch InsatsRules.end(episode, on: day, reason: why, today: today) {
                case .failure(let v):
                    // The reason does not fit where the episode is (planned: only cancelled; ended already), or the day.
                    let reasonFits = episode.status.allowedNext.contains(why.endsAs)
                    let message = reasonFits ? invalidOption("--on", on, v.reason) : invalidOption("--reason", reason, v.reason)
                    throw CLIFailure(message: message + "; inget sparades", code: 65)
                case .success(let ended):
                    let saved = try store.updateEpisode(
                        ended, expectedVersion: episode.version, by: currentLogin(common.environment), at: common.now())
                    print(
                        "Insats \(Sanitize.line(saved.typeCode)) (\(saved.id.short)) \(saved.status.rawValue) \(day) "
                            + "(\(why.rawValue)); ångra med 'samordna undo'")
                }
            }
        }
    }

    /// `samordna insats list`: every episode, or one participant's, as a table, CSV or JSON.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Lista insatser.",
            discussion: "CSV och JSON är pseudonymiserade (initialer + kort id) om inte --names anges. "
                + "Deltagare med skyddade personuppgifter tas aldrig med i CSV eller JSON.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

        @OptionGroup var common: CommonOptions

        @Option(name: .customLong("participant"), help: ArgumentHelp("Bara denna deltagares insatser.", valueName: "id"))
        var participant: String?

        @Option(name: .customLong("format"), help: "table, csv eller json.")
        var format: Format = .table

        @Flag(name: .customLong("names"), help: "Ta med deltagarnas namn i CSV/JSON.")
        var names = false

        func validate() throws { try common.validate() }

        func run() throws {
            try exitOnFailure {
                let today = common.currentDay()
                let store = try common.openStore(creating: false)
                let people = Dictionary(try store.participants().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                let catalogue = try CatalogueText.load(store: store, common: common)
                let episodes: [InsatsEpisode]
                if let participant {
                    let person = try ActivityText.participant(participant, store: store, today: today)
                    episodes = try store.episodes(for: person.id)
                } else {
                    episodes = try store.allEpisodes()
                }
                var access = try ListDisclosure(store, common: common)
                let rows = ActivityText.sorted(
                    access.insatser(episodes).compactMap { e in people[e.participantID].map { (e, $0) } },
                    by: { "\($0.0.expectedStart ?? .distantFuture) \($0.0.id.rawValue)" })
                switch format {
                case .table:
                    print(ActivityTable.insatser(rows, catalogue: catalogue.byCode), terminator: "")
                    access.report()
                case .csv, .json:
                    let export = InsatsListExport(episodes: rows, catalogue: catalogue.catalogue, names: names)
                    try common.logAccess(
                        store, .export, participants: rows.filter { !$0.1.protectedIdentity }.map(\.1.id),
                        format: format.rawValue, withNames: names, detail: "insats list")
                    FileHandle.standardOutput.write(Data((format == .csv ? export.csv() : export.json()).utf8))
                    if export.leftOutProtected > 0 {
                        printError("samordna: \(export.leftOutProtected) deltagare med skyddade personuppgifter är inte med i listan")
                    }
                    access.report()
                }
            }
        }
    }
}
