import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore
import TerminalUI

extension ParticipantCommand {
    /// `samordna participant add`: every field the team records at start, checked by Core's
    /// `ParticipantValidation` (the same rules as the form and the CSV import) before anything is written.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Lägg till en deltagare.",
            discussion: """
                Alla fält kontrolleras innan något sparas; varje fel anges med fält, värde och regel (slutkod 65).
                Samma personnummer som en befintlig deltagare vägras. Samma födelsedatum och ett snarlikt namn
                vägras också, om inte --accept-similar anges.
                """)

        @OptionGroup var common: CommonOptions

        @Option(
            name: [.customLong("personnummer"), .customLong("identity")],
            help: ArgumentHelp(
                "Personnummer eller samordningsnummer (ÅÅMMDD-NNNN, ÅÅÅÅMMDDNNNN …), eller annat nummer med --identity-kind.",
                valueName: "nummer"))
        var identity: String

        @Option(
            name: .customLong("identity-kind"),
            help: ArgumentHelp(
                "personnummer, samordningsnummer, reservnummer eller annan (utan: samordningsnummer känns igen på dagen + 60).",
                valueName: "typ"))
        var identityKind: String?

        @Option(name: .customLong("first-name"), help: ArgumentHelp("Förnamn.", valueName: "namn"))
        var firstName: String

        @Option(name: .customLong("last-name"), help: ArgumentHelp("Efternamn.", valueName: "namn"))
        var lastName: String

        @Option(name: .customLong("preferred-name"), help: ArgumentHelp("Tilltalsnamn.", valueName: "namn"))
        var preferredName: String = ""

        @Option(
            name: .customLong("gender"),
            help: ArgumentHelp("Självuppgivet kön: kvinna, man, icke-binär, vill-ej-uppge (standard).", valueName: "kön"))
        var gender: String = Gender.villEjUppge.rawValue

        @Option(name: .customLong("phone"), help: ArgumentHelp("Telefon (siffror, mellanslag, + - ( )).", valueName: "nummer"))
        var phone: String = ""

        @Option(name: .customLong("email"), help: ArgumentHelp("E-post.", valueName: "adress"))
        var email: String = ""

        @Option(name: .customLong("address"), help: ArgumentHelp("Adress (får ha radbrytningar).", valueName: "adress"))
        var address: String = ""

        @Option(name: .customLong("language"), help: ArgumentHelp("Språk.", valueName: "språk"))
        var language: String = ""

        @Flag(name: .customLong("interpreter"), help: "Behöver tolk (ange då --interpreter-language).")
        var interpreter = false

        @Option(
            name: .customLong("interpreter-language"),
            help: ArgumentHelp("Tolkspråk (innebär --interpreter).", valueName: "språk"))
        var interpreterLanguage: String = ""

        @Option(
            name: .customLong("af-registered"),
            help: ArgumentHelp("Inskriven på Arbetsförmedlingen sedan (ÅÅÅÅ-MM-DD).", valueName: "datum"))
        var afRegistered: String = ""

        @Option(
            name: .customLong("forsorjningsstod-since"),
            help: ArgumentHelp("Försörjningsstöd sedan (ÅÅÅÅ-MM-DD).", valueName: "datum"))
        var forsorjningsstodSince: String = ""

        @Option(
            name: .customLong("status"),
            help: ArgumentHelp("aktualiserad (standard), aktiv eller vilande.", valueName: "status"))
        var status: String = ParticipantStatus.aktualiserad.rawValue

        @Option(
            name: .customLong("enrolled-on"),
            help: ArgumentHelp("Aktualiserad datum (ÅÅÅÅ-MM-DD; standard: idag).", valueName: "datum"))
        var enrolledOn: String = ""

        @Flag(
            name: .customLong("protected"),
            help: "Skyddade personuppgifter: kontaktuppgifter döljs och deltagaren utesluts ur exporter.")
        var protectedIdentity = false

        @Option(name: .customLong("responsible-af"), help: ArgumentHelp("Ansvarig arbetsförmedlare (inloggning).", valueName: "inloggning"))
        var responsibleAF: String?

        @Option(name: .customLong("responsible-soc"), help: ArgumentHelp("Ansvarig socialsekreterare (inloggning).", valueName: "inloggning"))
        var responsibleSoc: String?

        @Option(name: .customLong("responsible-jc"), help: ArgumentHelp("Ansvarig jobbcoach (inloggning).", valueName: "inloggning"))
        var responsibleJC: String?

        @Flag(
            name: .customLong("accept-similar"),
            help: "Lägg till trots att någon med samma födelsedatum har ett snarlikt namn (efter kontroll).")
        var acceptSimilar = false

        func validate() throws { try common.validate() }

        /// The command-line option each of the form's fields comes from, for messages.
        static func option(for field: ParticipantField) -> String {
            switch field {
            case .identityKind: return "--identity-kind"
            case .identity: return "--personnummer"
            case .firstName: return "--first-name"
            case .lastName: return "--last-name"
            case .preferredName: return "--preferred-name"
            case .gender: return "--gender"
            case .phone: return "--phone"
            case .email: return "--email"
            case .address: return "--address"
            case .language: return "--language"
            case .interpreterLanguage: return "--interpreter-language"
            case .afRegisteredSince: return "--af-registered"
            case .forsorjningsstodSince: return "--forsorjningsstod-since"
            case .status: return "--status"
            case .enrolledOn: return "--enrolled-on"
            }
        }

        func draft(today: LocalDate) -> ParticipantDraft {
            ParticipantDraft(
                identityKind: identityKind ?? Self.detectedKind(identity, today: today), identity: identity,
                protectedIdentity: protectedIdentity, firstName: firstName, lastName: lastName,
                preferredName: preferredName, gender: gender, phone: phone, email: email, address: address,
                language: language, interpreterNeeded: interpreter || !interpreterLanguage.isEmpty,
                interpreterLanguage: interpreterLanguage, afRegisteredSince: afRegistered,
                forsorjningsstodSince: forsorjningsstodSince, status: status, enrolledOn: enrolledOn)
        }

        /// Without `--identity-kind`, a number that parses as a samordningsnummer is one (as in the import).
        static func detectedKind(_ number: String, today: LocalDate) -> String {
            if let parsed = try? Personnummer(parsing: number, today: today), parsed.isSamordningsnummer {
                return IdentityKind.samordningsnummer.rawValue
            }
            return IdentityKind.personnummer.rawValue
        }

        func run() throws {
            try exitOnFailure {
                let today = common.currentDay()
                let draft = draft(today: today)
                let fields: ValidParticipantFields
                // As in the import: closing needs an avslutsorsak, so nobody starts out closed.
                let closed =
                    ParticipantStatus(rawValue: status.trimmingCharacters(in: .whitespaces).lowercased()) == .avslutad
                let closedReason =
                    "en ny deltagare kan inte vara avslutad (ett avslut kräver avslutsorsak); lägg till som aktiv och avsluta sedan"
                switch ParticipantValidation.validate(draft, today: today) {
                case .failure(let errors):
                    for field in errors.fields {
                        printError(invalidOption(Self.option(for: field), draft.typed(field), errors[field]!))
                    }
                    if closed { printError(invalidOption("--status", status, closedReason)) }
                    throw ExitCode(65)
                case .success(let valid):
                    fields = valid
                }
                if closed { throw CLIFailure(message: invalidOption("--status", status, closedReason), code: 65) }
                let store = try common.openStore(creating: true)
                var ids = RandomIdentifiers()
                let participant = fields.newParticipant(id: Participant.ID(ids.next()))
                let responsible = try assignments(for: participant.id, from: fields.enrolledOn, store: store, ids: &ids)
                try checkDuplicates(participant, store: store)
                try store.addParticipant(
                    participant, responsible: responsible, by: currentLogin(common.environment), at: common.now())
                print(
                    "Lade till \(Sanitize.line(participant.fullName)) (\(participant.identity.kindLabel) "
                        + "\(participant.identity.masked)), id \(participant.id)")
            }
        }

        /// The responsible staff given by login, each an active member of that profession.
        func assignments(
            for participant: Participant.ID, from day: LocalDate, store: CaseloadStore, ids: inout RandomIdentifiers
        ) throws -> [ResponsibleAssignment] {
            let given: [(String, Profession, String?)] = [
                ("--responsible-af", .arbetsformedlare, responsibleAF),
                ("--responsible-soc", .socialsekreterare, responsibleSoc),
                ("--responsible-jc", .jobbcoach, responsibleJC),
            ]
            var result: [ResponsibleAssignment] = []
            for case (let option, let profession, let login?) in given {
                guard let member = try store.teamMember(login: login) else {
                    throw CLIFailure(
                        message: invalidOption(
                            option, login, "ingen medarbetare har den inloggningen (lägg till med 'samordna team add')"),
                        code: 65)
                }
                if let violation = ResponsibleEligibility.check(member, for: profession) {
                    throw CLIFailure(message: invalidOption(option, login, violation.reason), code: 65)
                }
                result.append(
                    ResponsibleAssignment(
                        id: .init(ids.next()), participantID: participant, profession: profession, memberID: member.id,
                        from: day))
            }
            return result
        }

        /// The same person must not get two records: the same number is refused, a similar name with the same
        /// birth date unless `--accept-similar`.
        func checkDuplicates(_ participant: Participant, store: CaseloadStore) throws {
            let existing = try store.participants()
            let byID = Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for match in DuplicateCheck.duplicates(of: participant, among: existing) {
                switch match {
                case .sameIdentity(let id):
                    throw CLIFailure(
                        message: invalidOption(
                            "--personnummer", identity,
                            "deltagare \(id.short) har redan samma identitet; inget sparades"),
                        code: 65)
                case .similarName(let id, let reason) where !acceptSimilar:
                    // Someone with skyddade personuppgifter is not named.
                    let why =
                        byID[id]?.protectedIdentity == true
                        ? "samma födelsedatum och snarlikt namn som deltagare \(id.short)" : Sanitize.line(reason)
                    throw CLIFailure(
                        message: "samordna: möjlig dubblett: \(why). Kontrollera att det inte är samma person; "
                            + "lägg annars till med --accept-similar. Inget sparades.",
                        code: 65)
                case .similarName:
                    continue
                }
            }
        }
    }
}
