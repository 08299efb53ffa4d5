import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaUI

/// The only code that touches the store, the clock and the environment on the UI's behalf. It performs
/// `Effect`s and answers with `Msg`s. Tests build it with a temporary database and a fixed clock.
public struct EffectRunner {
    public var store: CaseloadStore
    public var catalogue: [InsatsType]
    public var clock: @Sendable () -> Date
    public var timeZone: TimeZone
    /// A fixed "today" (from `--today`), or nil to follow the clock.
    public var fixedToday: LocalDate?
    /// The login name written to the change log with every change.
    public var login: String
    /// The data directory: where `kartlaggning.yaml` is read (and written on first use) and printed
    /// documents go. Nil in tests that need neither.
    public var dataDirectory: URL?
    /// Above this many participants the first screen is drawn from the first page before the rest loads.
    public var previewThreshold = 1500
    /// The template file's problem, remembered until the file or the stored versions change.
    let templateNotices = TemplateNoticeCache()

    public init(
        store: CaseloadStore, catalogue: [InsatsType] = DefaultInsatsCatalogue.all,
        clock: @escaping @Sendable () -> Date = { Date() }, timeZone: TimeZone = .current,
        fixedToday: LocalDate? = nil, login: String = "okänd", dataDirectory: URL? = nil
    ) {
        self.login = login
        self.dataDirectory = dataDirectory
        self.store = store
        self.catalogue = catalogue
        self.clock = clock
        self.timeZone = timeZone
        self.fixedToday = fixedToday
    }

    public var today: LocalDate { fixedToday ?? LocalDate(clock(), in: timeZone) }

    public func perform(_ effect: Effect) -> [Msg] {
        switch effect {
        case .loadCaseload:
            do {
                let records = try store.loadCaseload(meetingsSince: meetingsSince)
                let team = try store.teamMembers()
                return [.caseloadLoaded(Caseload(records: records, team: team, catalogue: catalogue))]
            } catch {
                return [.caseloadFailed(String(describing: error))]
            }
        case .loadCaseloadPreview:
            // A small caseload loads whole at once; a large one shows its first page first.
            guard let total = try? store.participantCount(), total > previewThreshold,
                let page = try? store.loadFirstPage(limit: Self.previewRows, meetingsSince: meetingsSince),
                let team = try? store.teamMembers()
            else { return perform(.loadCaseload) }
            return [.caseloadPreviewLoaded(Caseload(records: page.records, team: team, catalogue: catalogue), total: page.total)]
        case .saveParticipant(let save):
            return [saveParticipant(save)]
        case .addNote(let draft):
            return [addNote(draft)]
        case .addConsent(let participant, let draft):
            return [addConsent(draft, for: participant)]
        case .claimLogin(let member, let then):
            return [claimLogin(member, then: then)]
        case .loadRecord(let id):
            // A failed or vanished record leaves the overview as it is, built from the list's data.
            guard let record = try? store.record(id) else { return [] }
            let notes = (try? store.notes(for: id)) ?? []
            let kartlaggningar = (try? store.kartlaggningar(for: id)) ?? []
            let entries = (try? store.history(for: id, limit: Self.historyLimit * 6, timeZone: timeZone)) ?? []
            let history = Array(Self.collapsingDraftSaves(entries).prefix(Self.historyLimit)).map(Self.historyItem)
            var details = ParticipantDetails(
                record: record, notes: notes, kartlaggningar: kartlaggningar, history: history)
            details.templateNotice = templateNotice()
            return [.detailsLoaded(details)]
        case .closeParticipant(let exit, let version):
            return [change { now throws(StoreError) in
                _ = try store.closeParticipant(exit, participantVersion: version, by: login, at: now)
                return .changeSaved(
                    message: "Avslutad (\(exit.outcome.rawValue)). Uppföljning \(exit.followUp4Weeks) och \(exit.followUp6Months)",
                    participant: exit.participantID, untag: false)
            }]
        case .reopenParticipant(let id, let version):
            return [change { now throws(StoreError) in
                _ = try store.reopenParticipant(id, expectedVersion: version, by: login, at: now)
                return .changeSaved(message: "Återöppnad: deltagaren är aktiv igen", participant: id, untag: false)
            }]
        case .withdrawConsent(let consent, let participant, let day, let how):
            return [change { now throws(StoreError) in
                guard let member = try store.teamMember(login: login) else {
                    return .changeFailed("Inloggningen '\(login)' hör inte till någon i teamet")
                }
                _ = try store.withdrawConsent(
                    consent, on: day, how: how, registeredBy: member.id, today: today, by: login, at: now)
                return .changeSaved(message: "Samtycket är återkallat \(day)", participant: participant, untag: false)
            }]
        case .undo:
            return [change { now throws(StoreError) in
                switch try store.undoLastChange(by: login, at: now, timeZone: timeZone) {
                case .nothingToUndo:
                    return .changeFailed("Du har inga egna ändringar att ångra")
                case .notUndoable(_, let reason):
                    return .changeFailed("Kan inte ångra: \(reason)")
                case .undone(let undone):
                    let participants = Set(undone.entries.filter { $0.recordKind == "participant" }.map(\.recordID))
                    let what =
                        participants.count > 1
                        ? "ändringen för \(participants.count) deltagare"
                        : undone.entries.first?.record ?? "ändringen"
                    return .changeSaved(message: "Ångrat: \(what)", participant: undone.participantID, untag: false)
                }
            }]
        case .startKartlaggning(let participant):
            return [startKartlaggning(participant)]
        case .openKartlaggning(let id):
            return [openKartlaggning(id)]
        case .compareKartlaggningar(let a, let b):
            do {
                guard let first = try session(a), let second = try session(b) else {
                    return [.changeFailed("Kartläggningen finns inte längre")]
                }
                return [.kartlaggningCompared(first, second)]
            } catch {
                return [.changeFailed("Kunde inte läsa kartläggningarna: \(error.description)")]
            }
        case .saveKartlaggningDraft(let draft, let base):
            return [saveKartlaggningDraft(draft, base: base)]
        case .saveDraftAssessment(let assessment):
            do {
                try store.saveDraftAssessment(assessment, by: login, at: clock())
                return [.kartlaggningAssessmentSaved(assessment)]
            } catch {
                return [.kartlaggningSaveFailed(error.description)]
            }
        case .finishKartlaggningForm:
            return [.kartlaggningFormFinished]
        case .completeKartlaggning(let completion):
            return [completeKartlaggning(completion)]
        case .printKartlaggning(let id):
            return [printKartlaggning(id)]
        case .bulkChange(let ids, let action):
            return [change { now throws(StoreError) in
                let bulk: BulkChange
                switch action {
                case .status(let status): bulk = .status(status)
                case .assign(let profession, let member): bulk = .assign(profession, member, on: today)
                }
                let changed = try store.applyToMany(ids, change: bulk, by: login, at: now)
                let unchanged = ids.count - changed
                return .changeSaved(
                    message: "Ändrat för \(changed) deltagare" + (unchanged > 0 ? " (\(unchanged) redan så)" : ""),
                    participant: nil, untag: true)
            }]
        }
    }

    /// Rows of the first page: more than any terminal shows.
    static let previewRows = 120

    /// The list needs coming meetings and recent contact, not years of history (design.md §7: never load
    /// everything on start); an opened participant loads its whole record.
    var meetingsSince: LocalDate { today.adding(days: -(CaseloadRules.contactWarningDays + 30)) }

    /// How many changes the overview's history shows.
    static let historyLimit = 15

    /// Runs one store write and turns what can go wrong into words for the status line; nothing is written
    /// when it fails.
    private func change(_ write: (Date) throws(StoreError) -> Msg) -> Msg {
        do {
            return try write(clock())
        } catch .conflict {
            return .changeFailed("En kollega har ändrat deltagaren under tiden; inget sparades. Titta igen och försök på nytt")
        } catch .recordConflict {
            return .changeFailed("En kollega har ändrat samma uppgift under tiden; inget sparades")
        } catch {
            return .changeFailed("Kunde inte spara: \(error.description)")
        }
    }

    /// A kartläggning draft is saved every time a field is left: one person's run of saves of the same
    /// draft shows as its newest save, so the participant's other changes stay on the overview.
    static func collapsingDraftSaves(_ entries: [HistoryEntry]) -> [(entry: HistoryEntry, saves: Int)] {
        var result: [(entry: HistoryEntry, saves: Int)] = []
        for entry in entries {
            if entry.recordKind == "kartlaggning", entry.action == .update, let last = result.last,
                last.entry.recordKind == "kartlaggning", last.entry.action == .update, last.entry.recordID == entry.recordID,
                last.entry.login == entry.login
            {
                result[result.count - 1].saves += 1
                continue
            }
            result.append((entry, 1))
        }
        return result
    }

    static func historyItem(_ collapsed: (entry: HistoryEntry, saves: Int)) -> HistoryItem {
        let entry = collapsed.entry
        return HistoryItem(
            // The change's number, which undo and "ångrade ändring nr …" refer to.
            summary: entry.summary + (collapsed.saves > 1 ? " (\(collapsed.saves) sparningar)" : "") + " · nr \(entry.sequence)",
            changes: entry.changes.map { c in
                let sensitivity: HistoryItem.Sensitivity
                switch c.sensitivity {
                case .ordinary: sensitivity = .ordinary
                case .identity: sensitivity = .identity
                case .contact: sensitivity = .contact
                }
                return HistoryItem.Change(field: c.field, old: c.old, new: c.new, sensitivity: sensitivity)
            })
    }

    /// Saves a participant and its responsible staff. A version that moved on is a conflict, never a
    /// silent overwrite; the form keeps what was typed whatever goes wrong.
    func saveParticipant(_ save: ParticipantSave) -> Msg {
        let now = clock()
        var ids = RandomIdentifiers()
        do {
            let participant: Participant
            switch save.kind {
            case .add:
                // The participant and the staff responsible from the start, in one transaction.
                participant = save.fields.newParticipant(id: Participant.ID(ids.next()))
                let assignments = save.responsible.sorted { $0.key.rawValue < $1.key.rawValue }.compactMap {
                    profession, member -> ResponsibleAssignment? in
                    guard let member else { return nil }
                    return ResponsibleAssignment(
                        id: .init(ids.next()), participantID: participant.id, profession: profession, memberID: member,
                        from: today)
                }
                try store.addParticipant(participant, responsible: assignments, by: login, at: now)
            case .update(let id, let expected):
                guard let current = try store.participant(id) else {
                    return .participantSaveFailed(.other("deltagaren finns inte längre"))
                }
                guard current.version == expected else { return .participantSaveFailed(.conflict(current: current)) }
                // Only the fields the form changed go on top of what is stored (ParticipantMerge), together
                // with the responsible staff it changed, in one transaction.
                let changed =
                    save.base.map {
                        ParticipantMerge.keepMine(base: $0, mine: save.fields.applied(to: $0), theirs: current)
                    } ?? save.fields.applied(to: current)
                participant = try store.updateParticipant(
                    changed, expectedVersion: expected, responsible: save.responsible, on: today,
                    newID: { ResponsibleAssignment.ID(ids.next()) }, by: login, at: now)
            }
            return .participantSaved(participant.id)
        } catch .conflict(let current) {
            return .participantSaveFailed(.conflict(current: current))
        } catch .duplicateIdentity(let existing) {
            return .participantSaveFailed(.duplicateIdentity(existing))
        } catch {
            return .participantSaveFailed(.other(error.description))
        }
    }

    /// Saves a note stamped with the logged-in team member, their profession and organisation, and now.
    func addNote(_ draft: NoteDraft) -> Msg {
        let now = clock()
        var ids = RandomIdentifiers()
        do {
            guard let author = try store.teamMember(login: login) else {
                return .noteSaveFailed("inloggningen '\(login)' hör inte till någon i teamet")
            }
            let made: Result<Note, RuleViolation>
            if let target = draft.corrects {
                let notes = try store.notes(for: draft.participantID)
                made = NoteRules.correctionTarget(target, for: draft.participantID, among: notes).flatMap {
                    NoteRules.correction(of: $0, text: draft.text, author: author, at: now, id: Note.ID(ids.next()))
                }
            } else {
                made = NoteRules.note(
                    text: draft.text, about: draft.participantID, author: author, at: now, id: Note.ID(ids.next()))
            }
            switch made {
            case .failure(let violation): return .noteSaveFailed(violation.reason)
            case .success(let note):
                try store.addNote(note, by: login, at: now)
                return .noteSaved(draft.participantID)
            }
        } catch {
            return .noteSaveFailed(error.description)
        }
    }

    /// Records that this login is the given team member's (asked once, when the login is unknown).
    func claimLogin(_ id: TeamMember.ID, then: WhoAmIState.PendingAction) -> Msg {
        do {
            guard let member = try store.teamMembers().first(where: { $0.id == id }) else {
                return .loginClaimFailed("personen finns inte längre i teamet")
            }
            var claimed = member
            claimed.login = login
            try store.updateTeamMember(claimed, replacing: member, by: login, at: clock())
            return .loginClaimed(then: then)
        } catch {
            return .loginClaimFailed(error.description)
        }
    }

    /// Registers a consent with the logged-in team member as the one who obtained it.
    func addConsent(_ draft: ConsentDraft, for participant: Participant.ID) -> Msg {
        var ids = RandomIdentifiers()
        do {
            guard let member = try store.teamMember(login: login) else {
                return .consentSaveFailed("inloggningen '\(login)' hör inte till någon i teamet")
            }
            switch ConsentValidation.validate(draft, participant: participant, registeredBy: member.id, id: Consent.ID(ids.next())) {
            case .failure(let errors): return .consentSaveFailed(errors.description)
            case .success(let consent):
                try store.addConsent(consent, by: login, at: clock())
                return .consentSaved(participant)
            }
        } catch {
            return .consentSaveFailed(error.description)
        }
    }
}
