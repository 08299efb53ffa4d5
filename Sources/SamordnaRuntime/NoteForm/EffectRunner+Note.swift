import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaUI

/// Notes: a new one, or a correction linked to the one it corrects.
extension EffectRunner {
    func perform(_ effect: NoteEffect) -> NoteMsg {
        switch effect {
        case .add(let draft): return addNote(draft)
        }
    }

    /// Saves a note stamped with the logged-in team member, their profession and organisation, and now.
    func addNote(_ draft: NoteDraft) -> NoteMsg {
        let now = clock()
        do {
            guard let author = try member() else { return .failed(.unknownLogin(login)) }
            let made: Result<Note, RuleViolation>
            if let target = draft.corrects {
                let notes = try store.notes(for: draft.participantID)
                made = NoteRules.correctionTarget(target, for: draft.participantID, among: notes).flatMap {
                    NoteRules.correction(
                        of: $0, text: draft.text, author: author, category: draft.category, at: now, id: Note.ID(newID()))
                }
            } else {
                made = NoteRules.note(
                    text: draft.text, about: draft.participantID, author: author, category: draft.category, at: now,
                    id: Note.ID(newID()))
            }
            switch made {
            case .failure(let violation): return .failed(.refused(violation.reason))
            case .success(let note):
                try store.addNote(note, by: login, at: now)
                return .saved(draft.participantID)
            }
        } catch {
            return .failed(.store(error.description))
        }
    }

}
