import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore
import TerminalUI

/// `samordna gallring`: retention and erasure (docs/privacy.md, Gallring). `list` shows who is due and why,
/// `run` erases them after asking, `policy` shows or sets each organisation's rule, `log` shows the runs.
struct GallringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallring", abstract: "Gallring: vilka avslutade deltagare som ska tas bort, och att ta bort dem.",
        discussion: """
            En avslutad deltagare gallras som helhet när varje organisation med poster om deltagaren har nått \
            sin gallringsdag (standard: 24 månader efter sista uppföljningen; socialtjänsten kan välja \
            personaktens regel, fem år efter sista anteckningen). Pågående deltagare gallras aldrig.
            """,
        subcommands: [List.self, Run.self, Policy.self, Log.self])

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    // MARK: list

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Visa vilka deltagare som ska gallras, från vilken dag och varför (pseudonymiserat).",
            discussion: """
                Deltagarna visas med initialer och kort id, aldrig med namn eller personnummer. --all visar \
                också avslutade deltagare som ännu inte ska gallras. Slutkoder: 0 klart, 64 felaktig \
                användning, 1 annat fel (t.ex. ingen ärendelista).
                """)

        @OptionGroup var common: CommonOptions

        @Option(name: .customLong("format"), help: "table (standard) eller json.")
        var format: Format = .table

        @Flag(name: .customLong("all"), help: "Visa även avslutade deltagare som inte ska gallras än.")
        var all = false

        func validate() throws { try common.validate() }

        func run() throws {
            try exitOnFailure {
                let store = try common.openStore(creating: false)
                let today = common.currentDay()
                let candidates = try store.gallringCandidates(today: today).filter { all || $0.decision.due }
                switch format {
                case .table:
                    print(GallringCommand.table(candidates, today: today), terminator: "")
                case .json:
                    try common.logAccess(
                        store, .export, participants: candidates.map(\.id), format: "json", withNames: false,
                        detail: "gallring list")
                    print(try GallringCommand.json(candidates))
                }
            }
        }
    }

    static func table(_ candidates: [GallringCandidate], today: LocalDate) -> String {
        let due = candidates.filter(\.decision.due).count
        if candidates.isEmpty { return "Ingen deltagare att gallra \(today).\n" }
        let header = ["Deltagare", "Gallras från", "Senast", "Skäl"]
        let rows = candidates.map { c in
            [
                Sanitize.line(c.pseudonym) + (c.decision.due ? "" : " (ej än)"),
                c.decision.from.map { $0 == .distantFuture ? "–" : $0.description } ?? "–",
                c.decision.deadline?.description ?? "–", Sanitize.line(c.decision.reason),
            ]
        }
        let all = [header] + rows
        let widths = (0..<header.count).map { c in all.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        var out = ""
        for row in all {
            let cells = row.enumerated().map { c, text in
                c == row.count - 1 ? text : text + String(repeating: " ", count: widths[c] - DisplayWidth.of(text))
            }
            out += cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        out += "Gallring \(today): \(due) deltagare att gallra.\n"
        return out
    }

    struct Line: Encodable {
        var participant: String
        var shortId: String
        var protectedIdentity: Bool
        var due: Bool
        @NullWhenAbsent var from: String?
        @NullWhenAbsent var deadline: String?
        var reason: String
    }

    static func json(_ candidates: [GallringCandidate]) throws -> String {
        let lines = candidates.map { c in
            Line(
                participant: c.pseudonym, shortId: c.id.short, protectedIdentity: c.protectedIdentity,
                due: c.decision.due, from: c.decision.from.flatMap { $0 == .distantFuture ? nil : $0.description },
                deadline: c.decision.deadline?.description, reason: c.decision.reason)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(lines), as: UTF8.self)
    }

    // MARK: run

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Gallra: ta bort de deltagare som ska gallras, efter en fråga.",
            discussion: """
                Visar vilka som tas bort och frågar: skriv antalet deltagare eller 'ja'. Utan terminal (i ett \
                skript) krävs --yes. Allt om deltagaren tas bort i en transaktion: uppgifterna, samtycken, \
                insatser, möten, anteckningar, avslut, kartläggningar och ändringsloggens rader. Kvar blir en \
                rad i gallringsloggen utan personuppgifter (antal, regler, dag, vem) och åtkomstloggens rader, \
                som bara har deltagarens slumpmässiga id. Bara en medarbetare i teamet kan gallra.

                Slutkoder: 0 klart (också när ingen ska gallras), 64 felaktig användning (också: ingen terminal \
                att fråga i och inget --yes), 65 svaret var inte ja eller antalet, eller inloggningen finns inte \
                i teamet, 1 annat fel.
                """)

        @OptionGroup var common: CommonOptions

        @Flag(name: .customLong("yes"), help: "Fråga inte (för skript).")
        var yes = false

        func validate() throws { try common.validate() }

        func run() throws {
            try exitOnFailure {
                if !yes && isatty(STDIN_FILENO) == 0 {
                    throw CLIFailure(
                        message: "samordna: gallring run frågar innan deltagare tas bort, men det finns ingen terminal "
                            + "att fråga i; lägg till --yes i ett skript",
                        code: 64)
                }
                let store = try common.openStore(creating: false)
                let login = currentLogin(common.environment)
                guard try store.teamMembers(includeInactive: false).contains(where: { $0.login == login }) else {
                    throw CLIFailure(
                        message: "samordna: gallring kan bara köras av en medarbetare i teamet; inloggningen "
                            + "\(quotedValue(login)) finns inte (se 'samordna team list'). Ingenting togs bort.",
                        code: 65)
                }
                let today = common.currentDay()
                let due = try store.gallringCandidates(today: today).filter(\.decision.due)
                if due.isEmpty {
                    print("Ingen deltagare att gallra \(today).")
                    return
                }
                print(GallringCommand.table(due, today: today), terminator: "")
                if !yes && !Self.ask(count: due.count) {
                    throw CLIFailure(message: "samordna: avbrutet; ingenting togs bort", code: 65)
                }
                let result = try store.eraseParticipants(due.map(\.id), today: today, by: login, at: common.now())
                print(
                    "Gallrade \(result.erased) deltagare. Gallringsloggen har fått en rad utan personuppgifter "
                        + "(antal, regler, dag, vem).")
                if !result.skipped.isEmpty {
                    print(
                        "\(result.skipped.count) deltagare togs inte bort: de ska inte längre gallras "
                            + "(öppnade igen eller ändrade under tiden): "
                            + result.skipped.map(\.short).joined(separator: ", ") + ".")
                }
                if result.erased > 0 && !result.checkpointed {
                    print(
                        "Obs: en annan process läste databasen; SQLite flyttar de överskrivna sidorna ur WAL-filen "
                            + "när den är klar.")
                }
            }
        }

        /// Asks on the terminal; the number of participants or `ja` goes ahead.
        static func ask(count: Int) -> Bool {
            printError(
                "Ta bort \(count) deltagare för gott? Det går inte att ångra. Skriv \(count) eller 'ja': ", newline: false)
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
            return answer == "ja" || answer == String(count)
        }
    }

    // MARK: policy

    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "policy",
            abstract: "Visa eller ange gallringsregeln per organisation.",
            discussion: """
                Utan flaggor visas varje organisations regel. --organisation ORG med --months N (1–120): \
                N månader efter sista uppföljningen; med --personakt: socialtjänstens personakt, fem år efter \
                sista anteckningen, gallras senast vid utgången av året därpå; med --default: tillbaka till \
                standardregeln (24 månader). Slutkoder: 0 klart, 64 felaktig användning, 1 annat fel.
                """)

        @OptionGroup var common: CommonOptions

        @Option(
            name: .customLong("organisation"),
            help: ArgumentHelp("AF, Kommun-soc, Kommun-Jobbtorg, FK, Region eller Samordningsförbund.", valueName: "org"))
        var organisation: String?

        @Option(name: .customLong("months"), help: ArgumentHelp("Månader efter sista uppföljningen (1–120).", valueName: "N"))
        var months: Int?

        @Flag(name: .customLong("personakt"), help: "Personaktens regel: fem år efter sista anteckningen.")
        var personakt = false

        @Flag(name: .customLong("default"), help: "Tillbaka till standardregeln.")
        var useDefault = false

        func validate() throws {
            try common.validate()
            let choices = [months != nil, personakt, useDefault].filter { $0 }.count
            if let organisation, Self.organisation(organisation) == nil {
                throw ValidationError(
                    "okänd organisation för --organisation \(quotedValue(organisation)) (välj "
                        + Organisation.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            if organisation != nil && choices != 1 {
                throw ValidationError("ange precis en av --months N, --personakt och --default med --organisation")
            }
            if organisation == nil && choices > 0 {
                throw ValidationError("--months, --personakt och --default kräver --organisation")
            }
            if let months, !RetentionRule.monthsRange.contains(months) {
                throw ValidationError(
                    "--months: \(months) går inte; välj \(RetentionRule.monthsRange.lowerBound)–\(RetentionRule.monthsRange.upperBound)")
            }
        }

        static func organisation(_ typed: String) -> Organisation? {
            let t = typed.trimmingCharacters(in: .whitespaces).lowercased()
            return Organisation.allCases.first { $0.rawValue.lowercased() == t }
        }

        func run() throws {
            try exitOnFailure {
                let store = try common.openStore(creating: organisation != nil)
                if let organisation, let org = Self.organisation(organisation) {
                    let rule: RetentionRule? =
                        useDefault ? nil : personakt ? .personakt : months.map { .afterFollowUp(months: $0) }
                    try store.setRetentionRule(rule, for: org, by: currentLogin(common.environment), at: common.now())
                    print("\(org.rawValue): \((rule ?? .default).label)\(rule == nil ? " (standard)" : "").")
                    return
                }
                let policies = try store.retentionPolicies()
                for org in Organisation.allCases {
                    let rule = policies.rule(for: org)
                    let mark = policies.rules[org] == nil ? " (standard)" : ""
                    print("\(DisplayWidth.pad(org.rawValue, to: 20)) \(rule.label)\(mark)")
                }
            }
        }
    }

    // MARK: log

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Visa gallringsloggen: när, vem, hur många och efter vilka regler (inga id eller namn).")

        @OptionGroup var common: CommonOptions

        func validate() throws { try common.validate() }

        func run() throws {
            try exitOnFailure {
                let store = try common.openStore(creating: false)
                let entries = try store.gallringLog()
                if entries.isEmpty {
                    print("Ingen gallring har körts.")
                    return
                }
                for e in entries {
                    let organisation = e.organisation.isEmpty ? "–" : e.organisation
                    print(
                        "\(isoMinute(e.at, in: .current))  \(Sanitize.line(e.login)) (\(organisation))  dag \(e.day)  "
                            + "\(e.participants) deltagare  \(Sanitize.line(e.rules))")
                }
            }
        }
    }
}
