import Foundation

/// The rules for anteckningar: notes are stamped with author and time and never edited; a mistake is put
/// right by a correction, a new note that points at the one it corrects, and both stay visible.
public enum NoteRules {
    /// About four pages of text: longer belongs in the authority's own journal.
    public static let textLimit = 10_000

    /// The text as typed (kept exactly, line breaks and all) if it may be stored: not empty, at most
    /// `textLimit` characters, and no control characters other than newline and tab.
    public static func validate(text: String) -> Result<String, RuleViolation> {
        if text.allSatisfy(\.isWhitespace) { return .failure(RuleViolation("anteckningen är tom")) }
        if let reason = TextRules.check(text, limit: textLimit, lines: .multiple) {
            return .failure(RuleViolation(reason))
        }
        return .success(text)
    }

    /// A new note by `author`, owned by the author's organisation.
    public static func note(
        text: String, about participant: Participant.ID, author: TeamMember, category: InformationCategory? = nil,
        at time: Date, id: Note.ID
    ) -> Result<Note, RuleViolation> {
        validate(text: text).map { text in
            Note(
                id: id, participantID: participant, authorID: author.id, profession: author.profession,
                owner: author.organisation, category: category, writtenAt: time, text: text)
        }
    }

    /// A correction of `note`: a new note about the same participant that points at it. The corrected note
    /// is left as it was. A note is owned by its author's organisation (docs/privacy.md: each authority keeps its
    /// own records), so only someone of that organisation corrects it; others write a note of their own.
    /// A correction keeps the category of what it corrects unless another is given.
    public static func correction(
        of note: Note, text: String, author: TeamMember, category: InformationCategory? = nil, at time: Date, id: Note.ID
    ) -> Result<Note, RuleViolation> {
        if let refusal = whyNotCorrectable(note, by: author) { return .failure(refusal) }
        return validate(text: text).map { text in
            Note(
                id: id, participantID: note.participantID, authorID: author.id, profession: author.profession,
                owner: author.organisation, category: category ?? note.category, writtenAt: time, text: text,
                corrects: note.id)
        }
    }

    /// Why `author` may not correct `note`, or nil when they may.
    public static func whyNotCorrectable(_ note: Note, by author: TeamMember) -> RuleViolation? {
        guard note.owner != author.organisation else { return nil }
        return RuleViolation(
            "anteckningen ägs av \(note.owner.label); bara den organisationen rättar den – skriv en egen anteckning")
    }

    /// The note a correction for `participant` points at: it must exist and be about the same participant.
    public static func correctionTarget(
        _ target: Note.ID, for participant: Participant.ID, among notes: [Note]
    ) -> Result<Note, RuleViolation> {
        guard let note = notes.first(where: { $0.id == target }) else {
            return .failure(RuleViolation("anteckningen som ska rättas (\(target.short)) finns inte"))
        }
        guard note.participantID == participant else {
            return .failure(RuleViolation("anteckningen som ska rättas (\(target.short)) gäller en annan deltagare"))
        }
        return .success(note)
    }

    /// The order a participant's notes are shown in: newest first, each note followed by the corrections
    /// of it (and of its corrections) in the order they were written, so a correction is always read next
    /// to what it corrects. A correction whose note is not among `notes` stands on its own.
    public static func threadOrder(_ notes: [Note]) -> [ThreadedNote] {
        let byID = Dictionary(notes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // The note at the start of each correction chain (guarding against a loop in stored data).
        func root(of note: Note) -> Note.ID {
            var current = note
            var seen: Set<Note.ID> = [note.id]
            while let target = current.corrects, let next = byID[target] {
                // A loop cannot be made through these rules; if stored data has one, no note is hidden.
                guard seen.insert(next.id).inserted else { return note.id }
                current = next
            }
            return current.id
        }
        var corrections: [Note.ID: [Note]] = [:]
        var roots: [Note] = []
        for note in notes {
            let r = root(of: note)
            if r == note.id { roots.append(note) } else { corrections[r, default: []].append(note) }
        }
        let newestFirst: (Note, Note) -> Bool = { ($0.writtenAt, $0.id) > ($1.writtenAt, $1.id) }
        let oldestFirst: (Note, Note) -> Bool = { ($0.writtenAt, $0.id) < ($1.writtenAt, $1.id) }
        return roots.sorted(by: newestFirst).flatMap { note in
            [ThreadedNote(note: note, isCorrection: note.corrects != nil)]
                + (corrections[note.id] ?? []).sorted(by: oldestFirst).map {
                    ThreadedNote(note: $0, isCorrection: true)
                }
        }
    }
}

/// A note in display order, marked when it is a correction (shown indented under what it corrects).
public struct ThreadedNote: Hashable, Sendable {
    public let note: Note
    public let isCorrection: Bool
}
