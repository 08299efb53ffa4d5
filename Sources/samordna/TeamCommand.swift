import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore
import TerminalUI

/// `samordna team`: the members of the team and the logins the change log knows them by.
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: "Teamets medarbetare.", subcommands: [Add.self, List.self, Deactivate.self])

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

        func validate() throws { try common.validate() }

        static func option(for field: TeamMemberField) -> String {
            switch field {
            case .login: return "--login"
            case .name: return "--name"
            case .profession: return "--profession"
            case .organisation: return "--organisation"
            }
        }

        func run() throws {
            try exitOnFailure {
                let draft = TeamMemberDraft(login: login, name: name, profession: profession, organisation: organisation)
                var ids = RandomIdentifiers()
                let member: TeamMember
                switch TeamMemberValidation.validate(draft, id: TeamMember.ID(ids.next())) {
                case .failure(let errors):
                    let values: [TeamMemberField: String] = [
                        .login: login, .name: name, .profession: profession, .organisation: organisation,
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
                print("Lade till \(Sanitize.line(member.name)) (\(Sanitize.line(member.login))), \(member.profession.label), \(member.organisation.label)")
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
                let widths = [14, 28, 28, 32, 5]
                var out = ParticipantTable.line(["Inloggning", "Namn", "Yrke", "Organisation", "Aktiv"], widths)
                for m in members {
                    out += ParticipantTable.line(
                        [m.login, m.name, m.profession.label, m.organisation.label, m.active ? "ja" : "nej"], widths)
                }
                out += "\(members.count) medarbetare\n"
                print(out, terminator: "")
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
                guard let member = try store.teamMember(login: login) else {
                    throw CLIFailure(message: invalidOption("inloggning", login, "ingen medarbetare har den inloggningen"), code: 65)
                }
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
