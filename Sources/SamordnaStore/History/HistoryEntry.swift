import Foundation
import SamordnaCore

/// One change in a participant's history, in the team's words: who, when, which record, and per field what
/// it was and what it became ("telefon: 070-1 → 070-2"). Built from a change-log row by `history(for:)`;
/// values are shown as stored, with control characters spelled out so they cannot act on a terminal.
public struct HistoryEntry: Hashable, Sendable {
    /// One field that changed.
    public struct FieldChange: Hashable, Sendable {
        /// What kind of value it is, so a view can hide it where the record's other values are hidden
        /// (contact details of someone with skyddade personuppgifter, an unmasked personnummer).
        public enum Sensitivity: Hashable, Sendable {
            case ordinary
            case identity
            case contact
        }

        /// The field's Swedish label ("telefon").
        public let field: String
        /// The value before, `–` when there was none.
        public let old: String
        /// The value after, `–` when there is none.
        public let new: String
        public let sensitivity: Sensitivity

        public init(field: String, old: String, new: String, sensitivity: Sensitivity = .ordinary) {
            self.field = field
            self.old = old
            self.new = new
            self.sensitivity = sensitivity
        }

        /// `telefon: 070-1 → 070-2`.
        public var text: String { "\(field): \(old) → \(new)" }
    }

    /// The change-log row's number; `undo` and its messages refer to it.
    public let sequence: Int64
    /// The first row's sequence of the write this row belongs to (one write may change several records).
    public let batch: Int64
    public let at: Date
    /// `2026-03-02 10:30` in the time zone asked for.
    public let time: String
    public let login: String
    /// The team member with that login, when the team knows them.
    public let memberName: String?
    public let action: ChangeLogEntry.Action
    /// The change log's record kind (nil: a kind this version does not know) and the record's id.
    public let recordKind: RecordKind?
    public let recordID: String
    /// The record in words: "deltagaren", "samtycke 3f9c1a", "ansvar som arbetsförmedlare".
    public let record: String
    /// For an `undo`: the sequence of the change it took back.
    public let undoes: Int64?
    /// The fields that differ, in the record's own order.
    public let changes: [FieldChange]

    /// `Anna Åberg (anna)`, or the login alone.
    public var who: String { memberName.map { "\($0) (\(login))" } ?? login }

    /// `ändrade deltagaren`, `ångrade ändring nr 12 (deltagaren)`.
    public var what: String {
        switch action {
        case .create: return "lade till \(record)"
        case .update: return "ändrade \(record)"
        case .delete: return "tog bort \(record)"
        case .undo: return "ångrade ändring nr \(undoes.map(String.init) ?? "?") (\(record))"
        }
    }

    /// `2026-03-02 10:30 Anna Åberg (anna): ändrade deltagaren`.
    public var summary: String { "\(time) \(who): \(what)" }

    /// The summary and one indented line per changed field.
    public var lines: [String] { [summary] + changes.map { "  " + $0.text } }
}

/// What `undoLastChange` did.
public enum UndoResult: Hashable, Sendable {
    /// The change was taken back; `entries` describe the undo as the history will show it.
    case undone(UndoneChange)
    /// The user has made no change that is not undone already.
    case nothingToUndo
    /// The user's last change cannot be undone (a note, a new participant…); `reason` says why and what to
    /// do instead. Nothing was written.
    case notUndoable(sequence: Int64, reason: String)
}

/// A change that was undone: which change-log rows were taken back, and the undo as history entries.
public struct UndoneChange: Hashable, Sendable {
    /// The sequences of the rows taken back (one write may have changed several records).
    public let undoneSequences: [Int64]
    /// The participant the change concerned, if any.
    public let participantID: Participant.ID?
    /// The undo's own change-log rows, described (old = what was stored, new = what was restored).
    public let entries: [HistoryEntry]
}
