import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore
import TerminalUI

/// `samordna undo`: takes back your own last change (the same as `u` in the terminal UI).
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Ångra din senaste ändring.",
        discussion: """
            Ångrar den senaste ändring som du (din inloggning) gjort och som inte redan är ångrad: ändrade
            uppgifter, ansvariga, status, avslut, samtycken, insatser och möten. Har en kollega ändrat samma post sedan dess vägras
            ångrandet (slutkod 65) och ingenting skrivs över. Anteckningar tas aldrig bort och nya deltagare tas
            inte bort (slutkod 1). Ångrandet loggas; att ångra igen ångrar ändringen före.
            """)

    @OptionGroup var common: CommonOptions

    func validate() throws { try common.validate() }

    func run() throws {
        try exitOnFailure {
            let store = try common.openStore(creating: false)
            let login = currentLogin(common.environment)
            switch try store.undoLastChange(by: login, at: common.now(), timeZone: .current) {
            case .nothingToUndo:
                throw CLIFailure(message: "samordna: \(quotedValue(login)) har ingen ändring kvar att ångra", code: 1)
            case .notUndoable(let sequence, let reason):
                throw CLIFailure(message: "samordna: ändring nr \(sequence) kan inte ångras: \(reason)", code: 1)
            case .undone(let change):
                let participant = try change.participantID.flatMap { try store.participant($0) }
                let name = participant.map { " för \(Sanitize.line($0.fullName)) (\($0.id.short))" } ?? ""
                let numbers = change.undoneSequences.map(String.init).joined(separator: ", ")
                print("Ångrade ändring nr \(numbers)\(name):")
                for entry in change.entries {
                    print("  " + Sanitize.line(entry.what))
                    for c in entry.changes {
                        let shown = shownChange(c, protectedIdentity: participant?.protectedIdentity ?? false, reveal: false)
                        print("    " + Sanitize.line(shown))
                    }
                }
            }
        }
    }
}
