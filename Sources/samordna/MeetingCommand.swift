import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaExport
import SamordnaStore
import TerminalUI

/// `samordna meeting`: book meetings, list a week of them, record what happened, with Core's
/// `MeetingRules` (the same as the form). Every write goes through the store with its change-log row.
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Boka möten, lista en veckas möten och registrera utfall.",
        subcommands: [Add.self, List.self, Record.self])

    /// `samordna meeting add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Boka ett möte med en deltagare.",
            discussion: """
                Alla fält kontrolleras innan något sparas; varje fel anges med flagga, värde och regel (slutkod 65).
                Är deltagaren eller en medarbetare redan bokad samma tid skrivs en varning på standard error;
                mötet bokas ändå.
                """)

        @OptionGroup var common: CommonOptions

        @Option(name: .customLong("participant"), help: ArgumentHelp("Deltagarens id (minst 4 tecken) eller personnummer.", valueName: "id"))
        var participant: String

        @Option(name: .customLong("date"), help: ArgumentHelp("Datum, ÅÅÅÅ-MM-DD.", valueName: "datum"))
        var date: String

        @Option(name: .customLong("time"), help: ArgumentHelp("Starttid, TT:MM (00:00–23:59).", valueName: "tid"))
        var time: String

        @Option(name: .customLong("length"), help: ArgumentHelp("Längd i minuter, 1–480 (standard 60).", valueName: "minuter"))
        var length: String = "60"

        @Option(
            name: .customLong("kind"),
            help: ArgumentHelp("\(MeetingKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "typ"))
        var kind: String

        @Option(name: .customLong("with"), help: ArgumentHelp("En medarbetare som deltar (inloggning); kan upprepas.", valueName: "inloggning"))
        var with: [String] = []

        @Option(name: .customLong("place"), help: ArgumentHelp("Plats.", valueName: "plats"))
        var place: String = ""

        @Option(name: .customLong("interpreter"), help: ArgumentHelp("Boka tolk på detta språk.", valueName: "språk"))
        var interpreter: String?

        func validate() throws { try common.validate() }

        static func option(for field: MeetingField) -> String {
            switch field {
            case .date: return "--date"
            case .time: return "--time"
            case .lengthMinutes: return "--length"
            case .kind: return "--kind"
            case .professions, .members: return "--with"
            case .location: return "--place"
            case .interpreterLanguage: return "--interpreter"
            case .outcome: return "--outcome"
            case .outcomeNote: return "--note"
            }
        }

        func typed(_ field: MeetingField) -> String {
            switch field {
            case .date: return date
            case .time: return time
            case .lengthMinutes: return length
            case .kind: return kind
            case .professions, .members: return with.joined(separator: " ")
            case .location: return place
            case .interpreterLanguage: return interpreter ?? ""
            case .outcome, .outcomeNote: return ""
            }
        }

        func run() throws {
            try exitOnFailure {
                let today = common.currentDay()
                let store = try common.openStore(creating: false)
                let person = try ActivityText.participant(participant, store: store, today: today)
                let team = try store.teamMembers()
                var problems: [String] = []
                var members: [TeamMember.ID] = []
                for login in with {
                    guard let m = team.first(where: { $0.login == login.trimmingCharacters(in: .whitespaces) }) else {
                        problems.append(invalidOption("--with", login, "ingen medarbetare har den inloggningen"))
                        continue
                    }
                    if !m.active {
                        problems.append(invalidOption("--with", login, "\(Sanitize.line(m.name)) har slutat i teamet"))
                    } else if !members.contains(m.id) {
                        members.append(m.id)
                    }
                }
                let parsedKind = ActivityText.choice(kind, among: MeetingKind.allCases)
                if parsedKind == nil {
                    problems.append(
                        invalidOption(
                            "--kind", kind, "okänd mötestyp; välj \(MeetingKind.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
                let draft = MeetingDraft(
                    date: date, time: time, lengthMinutes: length, kind: parsedKind ?? .ovrigt, members: members,
                    location: place, interpreter: interpreter != nil, interpreterLanguage: interpreter ?? "")
                let byID = Dictionary(team.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                var valid: ValidMeeting?
                switch MeetingRules.validate(draft, team: byID) {
                case .failure(let errors):
                    for field in errors.fields {
                        problems.append(invalidOption(Self.option(for: field), typed(field), errors[field]!))
                    }
                case .success(let v): valid = v
                }
                guard problems.isEmpty, let valid else {
                    for p in problems { printError(p) }
                    printError("samordna: inget sparades")
                    throw ExitCode(65)
                }
                var ids = RandomIdentifiers()
                let meeting = valid.meeting(id: .init(ids.next()), participant: person.id)
                let sameWeek = try store.meetings(in: IsoWeek(containing: meeting.date))
                try store.addMeeting(meeting, by: currentLogin(common.environment), at: common.now())
                for booking in MeetingRules.doubleBookings(meeting, among: sameWeek) {
                    let who: String
                    switch booking.who {
                    case .participant: who = "deltagaren"
                    case .member(let id): who = byID[id].map { Sanitize.line($0.login) } ?? id.short
                    }
                    printError("samordna: varning: dubbelbokning: \(who) har redan ett möte \(booking)")
                }
                print(
                    "Bokade \(meeting.kind.rawValue) \(meeting.date) \(meeting.time)–\(TimeOfDay(minutes: meeting.endMinute % 1440)) "
                        + "med \(Sanitize.line(person.fullName)) (\(person.id.short)), id \(meeting.id)")
            }
        }
    }

    /// `samordna meeting record`: what happened.
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Registrera ett mötes utfall: genomfört, uteblev eller inställt.",
            discussion: "Bara inställt går att registrera för ett möte som inte har ägt rum än. Ångra med 'samordna undo'.")

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Mötets id (eller de första tecknen, minst 4).", valueName: "id"))
        var id: String

        @Option(name: .customLong("outcome"), help: ArgumentHelp("genomfört, uteblev eller inställt.", valueName: "utfall"))
        var outcome: String

        @Option(name: .customLong("note"), help: ArgumentHelp("En kort anteckning om utfallet (högst 500 tecken).", valueName: "text"))
        var note: String = ""

        func validate() throws { try common.validate() }

        func run() throws {
            try exitOnFailure {
                let today = common.currentDay()
                guard let result = ActivityText.choice(outcome, among: [MeetingOutcome.genomfort, .uteblev, .installt]) else {
                    throw CLIFailure(
                        message: invalidOption("--outcome", outcome, "välj genomfört, uteblev eller inställt") + "; inget sparades",
                        code: 65)
                }
                let store = try common.openStore(creating: false)
                let meeting = try ActivityText.meeting(id, store: store)
                switch MeetingRules.record(meeting, outcome: result, note: note, today: today) {
                case .failure(let v):
                    // Core checks the outcome first; if it passes without the note, the note is what was refused.
                    let noteAtFault = (try? MeetingRules.record(meeting, outcome: result, note: "", today: today).get()) != nil
                    let message = noteAtFault ? invalidOption("--note", note, v.reason) : invalidOption("--outcome", outcome, v.reason)
                    throw CLIFailure(message: message + "; inget sparades", code: 65)
                case .success(let recorded):
                    let saved = try store.updateMeeting(
                        recorded, expectedVersion: meeting.version, by: currentLogin(common.environment), at: common.now())
                    print("Mötet \(saved.date) \(saved.time) (\(saved.id.short)): \(saved.outcome.rawValue)")
                }
            }
        }
    }

    /// `samordna meeting list`: a week's meetings (this week by default), or one participant's.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Lista möten: en vecka (standard denna vecka) eller en deltagares.",
            discussion: "Med --participant utan --week visas deltagarens alla möten. CSV och JSON är pseudonymiserade "
                + "(initialer + kort id, medarbetare som inloggning) om inte --names anges; deltagare med skyddade "
                + "personuppgifter tas aldrig med i CSV eller JSON.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

        @OptionGroup var common: CommonOptions

        @Option(name: .customLong("week"), help: ArgumentHelp("ISO-vecka, ÅÅÅÅ-Vnn, t.ex. 2026-W48.", valueName: "vecka"))
        var week: String?

        @Option(name: .customLong("participant"), help: ArgumentHelp("Bara denna deltagares möten.", valueName: "id"))
        var participant: String?

        @Option(name: .customLong("format"), help: "table, csv eller json.")
        var format: Format = .table

        @Flag(name: .customLong("names"), help: "Ta med namn i CSV/JSON.")
        var names = false

        func validate() throws {
            try common.validate()
            if let week { _ = try Self.parse(week) }
        }

        /// `2026-W48` (also `2026-w48`); a week the year does not have names the year's last week.
        static func parse(_ typed: String) throws -> IsoWeek {
            let t = typed.trimmingCharacters(in: .whitespaces).uppercased()
            if let week = IsoWeek(parsing: t) { return week }
            if t.wholeMatch(of: /[0-9]{4}-W[0-9]{2}/) != nil, let year = Int(t.prefix(4)), year >= 1 {
                let last = IsoWeek.weeksIn(year: year)
                throw ValidationError(
                    "ogiltig vecka för --week \(quotedValue(typed)): \(year) har \(last) veckor; sista veckan är "
                        + "\(year)-W\(last)")
            }
            throw ValidationError("ogiltig vecka för --week \(quotedValue(typed)) (skriv ÅÅÅÅ-Vnn, t.ex. 2026-W48)")
        }

        func run() throws {
            try exitOnFailure {
                let today = common.currentDay()
                let store = try common.openStore(creating: false)
                let people = Dictionary(try store.participants().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                let person = try participant.map { try ActivityText.participant($0, store: store, today: today) }
                var meetings: [Meeting]
                if let person, week == nil {
                    meetings = try store.meetings(for: person.id)
                } else {
                    let chosen = try week.map(Self.parse) ?? IsoWeek(containing: today)
                    meetings = try store.meetings(in: chosen)
                    if let person { meetings = meetings.filter { $0.participantID == person.id } }
                }
                // Already in date and time order; each with its participant.
                var access = try ListDisclosure(store, common: common)
                let rows = access.meetings(meetings).compactMap { m in people[m.participantID].map { (m, $0) } }
                let team = try store.teamMembers()
                switch format {
                case .table:
                    print(ActivityTable.meetings(rows, team: team), terminator: "")
                case .csv, .json:
                    let export = MeetingListExport(meetings: rows, team: team, names: names)
                    try common.logAccess(
                        store, .export, participants: rows.filter { !$0.1.protectedIdentity }.map(\.1.id),
                        format: format.rawValue, withNames: names, detail: "meeting list")
                    FileHandle.standardOutput.write(Data((format == .csv ? export.csv() : export.json()).utf8))
                    if export.leftOutProtected > 0 {
                        printError("samordna: \(export.leftOutProtected) deltagare med skyddade personuppgifter är inte med i listan")
                    }
                }
                access.report()
            }
        }
    }
}
