import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore

extension ParticipantCommand {
    /// `samordna participant show`: one participant's whole record, with consents, insatser, meetings,
    /// notes, exit and the latest changes.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Visa en deltagare: uppgifter, ansvariga, samtycken, insatser, möten, anteckningar, avslut och historik.",
            discussion: """
                Deltagaren anges med id (eller de första tecknen av det, minst 4) eller med personnummer i valfri form.
                Kontaktuppgifter visas aldrig för deltagare med skyddade personuppgifter. Personnummer maskeras
                (ÅÅMMDD-XXXX) om inte --reveal anges.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Deltagarens id eller personnummer.", valueName: "id|personnummer"))
        var participant: String

        @Flag(name: .customLong("reveal"), help: "Visa fullständiga personnummer.")
        var reveal = false

        @Option(name: .customLong("format"), help: "text (standard) eller json.")
        var format: Format = .text

        func validate() throws { try common.validate() }

        func run() throws {
            try exitOnFailure {
                let store = try common.openStore(creating: false)
                let today = common.currentDay()
                let id = try Self.find(participant, in: try store.participants(), today: today)
                guard let record = try store.record(id) else {
                    throw CLIFailure(message: "samordna: deltagaren \(id) finns inte längre", code: 1)
                }
                guard Disclosure.mayIdentify(record, reader: try common.reader(store)?.id, on: today) else {
                    throw CLIFailure(
                        message: "samordna: deltagaren \(id.short) har skyddade personuppgifter; bara deltagarens "
                            + "ansvariga medarbetare ser posten",
                        code: 65)
                }
                try common.logAccess(
                    store, reveal ? .revealPersonnummer : .read, participants: [id], format: format.rawValue,
                    withNames: true, detail: reveal ? "participant show --reveal" : "participant show")
                let disclosure = try common.disclosure(store, for: record)
                let (visible, notes, withheld) = disclosure.visible(record, notes: try store.notes(for: id))
                let details = ParticipantDetails(
                    record: visible, notes: notes, withheld: withheld, team: try store.teamMembers(),
                    history: try store.history(for: id, limit: 20, timeZone: .current), today: today,
                    timeZone: .current, reveal: reveal, catalogue: try CatalogueText.load(store: store, common: common).byCode)
                switch format {
                case .text: print(details.text(), terminator: "")
                case .json: print(try details.json())
                }
            }
        }

        /// The participant `typed` names: an id, the start of one (at least 4 characters, unique), or a
        /// personnummer or other number as stored.
        static func find(_ typed: String, in participants: [Participant], today: LocalDate) throws -> Participant.ID {
            let t = typed.trimmingCharacters(in: .whitespaces)
            if let exact = participants.first(where: { $0.id.rawValue == t }) { return exact.id }
            if let number = try? Personnummer(parsing: t, today: today),
                let match = participants.first(where: { $0.identity.storedValue == number.digits })
            {
                return match.id
            }
            if t.count >= 4 {
                let matches = participants.filter { $0.id.rawValue.hasPrefix(t.lowercased()) }
                if matches.count == 1 { return matches[0].id }
                if matches.count > 1 {
                    throw CLIFailure(
                        message: "samordna: \(quotedValue(t)) passar flera deltagare (\(matches.map(\.id.short).joined(separator: ", "))); "
                            + "ange fler tecken av id:t",
                        code: 65)
                }
            }
            if let other = participants.first(where: {
                if case .other(_, let value) = $0.identity { return value == t }
                return false
            }) {
                return other.id
            }
            throw CLIFailure(message: "samordna: ingen deltagare med id eller personnummer \(quotedValue(t))", code: 65)
        }
    }
}
