import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore
import TerminalUI

extension ParticipantCommand {
    /// `samordna participant edit`: changes the fields given and keeps the others, with the same rules as
    /// `add` and a version check, so a colleague's change in between is a conflict, not overwritten.
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Ändra uppgifter om en deltagare (bara de fält som anges; tom text tar bort ett värde).",
            discussion: """
                Statusbyten följer livscykeln (aktualiserad → aktiv → vilande, och åter aktiv). Avslut görs i
                terminalgränssnittet (x), eftersom det kräver avslutsorsak. Ändringen kan ångras med 'samordna undo'.
                """)

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Deltagarens id eller personnummer.", valueName: "id|personnummer"))
        var participant: String

        @Option(name: .customLong("first-name"), help: ArgumentHelp("Förnamn.", valueName: "namn"))
        var firstName: String?
        @Option(name: .customLong("last-name"), help: ArgumentHelp("Efternamn.", valueName: "namn"))
        var lastName: String?
        @Option(name: .customLong("preferred-name"), help: ArgumentHelp("Tilltalsnamn.", valueName: "namn"))
        var preferredName: String?
        @Option(name: .customLong("gender"), help: ArgumentHelp("kvinna, man, icke-binär, vill-ej-uppge.", valueName: "kön"))
        var gender: String?
        @Option(name: .customLong("phone"), help: ArgumentHelp("Telefon.", valueName: "nummer"))
        var phone: String?
        @Option(name: .customLong("email"), help: ArgumentHelp("E-post.", valueName: "adress"))
        var email: String?
        @Option(name: .customLong("address"), help: ArgumentHelp("Adress.", valueName: "adress"))
        var address: String?
        @Option(name: .customLong("language"), help: ArgumentHelp("Språk.", valueName: "språk"))
        var language: String?
        @Option(name: .customLong("interpreter"), help: ArgumentHelp("Behöver tolk: ja eller nej.", valueName: "ja|nej"))
        var interpreter: String?
        @Option(name: .customLong("interpreter-language"), help: ArgumentHelp("Tolkspråk.", valueName: "språk"))
        var interpreterLanguage: String?
        @Option(name: .customLong("af-registered"), help: ArgumentHelp("Inskriven på AF sedan (ÅÅÅÅ-MM-DD).", valueName: "datum"))
        var afRegistered: String?
        @Option(name: .customLong("forsorjningsstod-since"), help: ArgumentHelp("Försörjningsstöd sedan (ÅÅÅÅ-MM-DD).", valueName: "datum"))
        var forsorjningsstodSince: String?
        @Option(name: .customLong("status"), help: ArgumentHelp("aktualiserad, aktiv eller vilande.", valueName: "status"))
        var status: String?
        @Option(name: .customLong("protected"), help: ArgumentHelp("Skyddade personuppgifter: ja eller nej.", valueName: "ja|nej"))
        var protectedIdentity: String?

        func validate() throws {
            try common.validate()
            for (option, value) in [("--interpreter", interpreter), ("--protected", protectedIdentity)] {
                if let value, Self.yesNo(value) == nil {
                    throw ValidationError("skriv ja eller nej för \(option), inte '\(value)'")
                }
            }
        }

        static func yesNo(_ typed: String) -> Bool? {
            switch typed.lowercased() {
            case "ja", "j", "yes", "true": return true
            case "nej", "n", "no", "false": return false
            default: return nil
            }
        }

        func run() throws {
            try exitOnFailure {
                let store = try common.openStore(creating: false)
                let today = common.currentDay()
                let id = try Show.find(participant, in: try store.participants(), today: today)
                guard let stored = try store.participant(id) else {
                    throw CLIFailure(message: "samordna: deltagaren \(id) finns inte längre", code: 1)
                }
                var d = ParticipantDraft(from: stored, today: today)
                if let firstName { d.firstName = firstName }
                if let lastName { d.lastName = lastName }
                if let preferredName { d.preferredName = preferredName }
                if let gender { d.gender = gender }
                if let phone { d.phone = phone }
                if let email { d.email = email }
                if let address { d.address = address }
                if let language { d.language = language }
                if let interpreter = interpreter.flatMap(Self.yesNo) { d.interpreterNeeded = interpreter }
                if let interpreterLanguage { d.interpreterLanguage = interpreterLanguage }
                if let afRegistered { d.afRegisteredSince = afRegistered }
                if let forsorjningsstodSince { d.forsorjningsstodSince = forsorjningsstodSince }
                if let status { d.status = status }
                if let protectedIdentity = protectedIdentity.flatMap(Self.yesNo) { d.protectedIdentity = protectedIdentity }

                let fields: ValidParticipantFields
                switch ParticipantValidation.validate(d, today: today) {
                case .failure(let errors):
                    for field in errors.fields {
                        printError(invalidOption(Add.option(for: field), d.typed(field), errors[field]!))
                    }
                    throw ExitCode(65)
                case .success(let valid):
                    fields = valid
                }
                if case .failure(let violation) = StatusTransition.validate(stored, to: fields.status, exit: nil) {
                    throw CLIFailure(message: invalidOption("--status", d.status, violation.reason), code: 65)
                }
                let changed = fields.applied(to: stored)
                guard changed != stored else {
                    print("Inget att ändra för \(Sanitize.line(stored.fullName)) (\(stored.id.short)).")
                    return
                }
                let saved = try store.updateParticipant(
                    changed, expectedVersion: stored.version, by: currentLogin(common.environment), at: common.now())
                print("Ändrade \(Sanitize.line(saved.fullName)) (\(saved.id.short)), version \(saved.version).")
            }
        }

    }
}
