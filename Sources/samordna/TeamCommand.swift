import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore
import TerminalUI

/// `samordna team`: the members of the team and the logins the change log knows them by.
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: "Teamets medarbetare.", subcommands: [Add.self, List.self, SetUnit.self, Deactivate.self])

    /// The member with `login`, or 65 naming it.
    static func member(_ login: String, in store: CaseloadStore) throws -> TeamMember {
        guard let member = try store.teamMember(login: login) else {
            throw CLIFailure(message: invalidOption("inloggning", login, "ingen medarbetare har den inloggningen"), code: 65)
        }
        return member
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Lägg till en medarbetare.")

        @OptionGroup var common: CommonOptions

        @Option(name: .customLong("login"), help: ArgumentHelp("Inloggningsnamnet (det ändringsloggen visar).", valueName: "inloggning"))
        var login: String

        @Option(name: .customLong("name"), help: ArgumentHelp("För- och efternamn.", valueName: "namn"))
        var name: String

        @Option(
            name: .customLong("profession"),
            help: ArgumentHelp(
                "arbetsformedlare, socialsekreterare, jobbcoach, rehabiliteringskoordinator, forsakringsradgivare eller syv.",
                valueName: "yrke"))
        var profession: String

        @Option(
            name: .customLong("organisation"),
            help: ArgumentHelp("AF, Kommun-soc, Kommun-Jobbtorg, FK, Region, Samordningsförbund (standard: yrkets).", valueName: "org"))
        var organisation: String = ""

        @Option(
            name: .customLong("unit"),
            help: ArgumentHelp(
                "Arbetslaget, när en deltagarlista rymmer flera team (standard: inget, listan är ett team).",
                valueName: "lag"))
        var unit: String = ""

        func validate() throws { try common.validate() }

        static func option(for field: TeamMemberField) -> String {
            switch field {
            case .login: return "--login"
            case .name: return "--name"
            case .profession: return "--profession"
            case .organisation: return "--organisation"
            case .unit: return "--unit"
            }
        }

        func run() throws {
            try exitOnFailure {
                let draft = TeamMemberDraft(
                    login: login, name: name, profession: profession, organisation: organisation, unit: unit)
                var ids = RandomIdentifiers()
                let member: TeamMember
                switch TeamMemberValidation.validate(draft, id: TeamMember.ID(ids.next())) {
                case .failure(let errors):
                    let values: [TeamMemberField: String] = [
                        .login: login, .name: name, .profession: profession, .organisation: organisation, .unit: unit,
                    ]
                    for field in errors.fields {
                        printError(invalidOption(Self.option(for: field), values[field] ?? "", errors[field]!))
                    }
                    throw ExitCode(65)
                case .success(let valid):
                    member = valid
                }
                let store = try common.openStore(creating: true)
                try store.addTeamMember(member, by: currentLogin(common.environment), at: common.now())
                print(
                    "Lade till \(Sanitize.line(member.name)) (\(Sanitize.line(member.login))), \(member.profession.label), "
                        + member.organisation.label + (member.unit.map { ", \(Sanitize.line($0))" } ?? ""))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Lista medarbetarna.")

        @OptionGroup var common: CommonOptions

        @Flag(name: .customLong("all"), help: "Ta med dem som har lämnat teamet.")
        var all = false

        func validate() throws { try common.validate() }

        func run() throws {
            try exitOnFailure {
                let store = try common.openStore(creating: false)
                let members = try store.teamMembers(includeInactive: all)
                // The lag column only when a member has one: a caseload of one team keeps the table it had.
                let units = members.contains { $0.unit != nil }
                let widths = [14, 28, 28, 32, 5] + (units ? [20] : [])
                var out = ParticipantTable.line(
                    ["Inloggning", "Namn", "Yrke", "Organisation", "Aktiv"] + (units ? ["Lag"] : []), widths)
                for m in members {
                    out += ParticipantTable.line(
                        [m.login, m.name, m.profession.label, m.organisation.label, m.active ? "ja" : "nej"]
                            + (units ? [m.unit ?? ""] : []), widths)
                }
                out += "\(members.count) medarbetare\n"
                print(out, terminator: "")
            }
        }
    }

    struct SetUnit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-unit",
            abstract: "Sätt en medarbetares arbetslag (Teamets vecka blir lagets).")

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Medarbetarens inloggning.", valueName: "inloggning"))
        var login: String

        @Option(name: .customLong("unit"), help: ArgumentHelp("Arbetslagets namn.", valueName: "lag"))
        var unit: String?

        @Flag(name: .customLong("no-unit"), help: "Inget arbetslag: medarbetaren ser hela teamets vecka.")
        var noUnit = false

        func validate() throws {
            try common.validate()
            if (unit == nil) == !noUnit {
                throw ValidationError("ange antingen --unit LAG eller --no-unit")
            }
        }

        func run() throws {
            try exitOnFailure {
                var name: String? = nil
                if let unit {
                    switch TeamMemberValidation.unit(unit) {
                    case .failure(let violation): throw CLIFailure(message: invalidOption("--unit", unit, violation.reason), code: 65)
                    case .success(nil): throw CLIFailure(message: invalidOption("--unit", unit, "får inte vara tomt; ta bort laget med --no-unit"), code: 65)
                    case .success(let valid): name = valid
                    }
                }
                let store = try common.openStore(creating: false)
                let member = try TeamCommand.member(login, in: store)
                let changed = try store.setTeamMemberUnit(member.id, unit: name, by: currentLogin(common.environment), at: common.now())
                print(
                    "\(Sanitize.line(changed.name)) (\(Sanitize.line(changed.login))) "
                        + (changed.unit.map { "hör till \(Sanitize.line($0))." } ?? "hör inte till något arbetslag."))
            }
        }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deactivate",
            abstract: "Markera att en medarbetare har lämnat teamet (historiken behålls).")

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Medarbetarens inloggning.", valueName: "inloggning"))
        var login: String

        func validate() throws { try common.validate() }

        func run() throws {
            try exitOnFailure {
                let store = try common.openStore(creating: false)
                let member = try TeamCommand.member(login, in: store)
                try store.deactivateTeamMember(member.id, by: currentLogin(common.environment), at: common.now())
                print("\(Sanitize.line(member.name)) (\(Sanitize.line(member.login))) är inte längre aktiv i teamet.")
                let count = try store.currentAssignmentCount(of: member.id, on: common.currentDay())
                if count > 0 {
                    printError(
                        "samordna: \(Sanitize.line(member.name)) är fortfarande ansvarig för \(count) deltagare; "
                            + "välj vem som tar över (samordna participant list --responsible \(Sanitize.line(member.login)))")
                }
            }
        }
    }
}
