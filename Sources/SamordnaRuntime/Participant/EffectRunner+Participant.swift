import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaUI

/// One participant: the whole record for the overview, and saving the participant form.
extension EffectRunner {
    func perform(_ effect: ParticipantEffect) -> [Msg] {
        switch effect {
        case .loadRecord(let id):
            return loadRecord(id).map { [.participant($0)] } ?? []
        case .openRecord(let id):
            logAccess(AccessRequest(action: .read, participants: [id], format: "tui", withNames: true, detail: "öppnad"))
            return loadRecord(id).map { [.participant($0)] } ?? []
        case .logAccess(let request):
            logAccess(request)
            return []
        case .save(let save):
            return [.participant(saveParticipant(save))]
        }
    }

    /// The participant's record with notes, kartläggningar and history. A failed or vanished record leaves
    /// the overview as it is, built from the list's data.
    func loadRecord(_ id: Participant.ID) -> ParticipantMsg? {
        guard let record = try? store.record(id) else { return nil }
        let notes = (try? store.notes(for: id)) ?? []
        let kartlaggningar = (try? store.kartlaggningar(for: id)) ?? []
        let entries = (try? store.history(for: id, limit: Self.historyLimit * 6, timeZone: timeZone)) ?? []
        let history = Array(Self.collapsingDraftSaves(entries).prefix(Self.historyLimit)).map(Self.historyItem)
        var details = ParticipantDetails(record: record, notes: notes, kartlaggningar: kartlaggningar, history: history)
        details.templateNotice = templateNotice()
        details.access = try? store.accessLog(participant: id, limit: Self.accessLimit)
        return .detailsLoaded(details)
    }

    /// How many lines of the access log the overview's Åtkomst shows.
    static let accessLimit = 10

    /// Writes one line to the access log as the user; false when it could not be written.
    @discardableResult
    func logAccess(_ r: AccessRequest) -> Bool {
        let unique = Array(Set(r.participants))
        return (try? store.logAccess(
            r.action, participant: unique.count == 1 ? unique[0] : nil, participants: unique.count, format: r.format,
            withNames: r.withNames, detail: r.detail, by: login, at: clock())) != nil
    }

    /// How many changes the overview's history shows.
    static let historyLimit = 15

    /// A kartläggning draft is saved every time a field is left: one person's run of saves of the same
    /// draft shows as its newest save, so the participant's other changes stay on the overview.
    static func collapsingDraftSaves(_ entries: [HistoryEntry]) -> [(entry: HistoryEntry, saves: Int)] {
        var result: [(entry: HistoryEntry, saves: Int)] = []
        for entry in entries {
            if entry.recordKind == .kartlaggning, entry.action == .update, let last = result.last,
                last.entry.recordKind == .kartlaggning, last.entry.action == .update, last.entry.recordID == entry.recordID,
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
            }, recordID: entry.recordID)
    }

    /// Saves a participant and its responsible staff. A version that moved on is a conflict, never a
    /// silent overwrite; the form keeps what was typed whatever goes wrong.
    func saveParticipant(_ save: ParticipantSave) -> ParticipantMsg {
        let now = clock()
        do {
            let participant: Participant
            switch save.kind {
            case .add:
                // The participant and the staff responsible from the start, in one transaction.
                participant = save.fields.newParticipant(id: Participant.ID(newID()))
                let assignments = save.responsible.sorted { $0.key.rawValue < $1.key.rawValue }.compactMap {
                    profession, member -> ResponsibleAssignment? in
                    guard let member else { return nil }
                    return ResponsibleAssignment(
                        id: .init(newID()), participantID: participant.id, profession: profession, memberID: member,
                        from: today)
                }
                try store.addParticipant(participant, responsible: assignments, by: login, at: now)
            case .update(let id, let expected):
                guard let current = try store.participant(id) else {
                    return .saveFailed(.other("deltagaren finns inte längre"))
                }
                guard current.version == expected else { return .saveFailed(.conflict(current: current)) }
                // Only the fields the form changed go on top of what is stored (ParticipantMerge), together
                // with the responsible staff it changed, in one transaction.
                let changed =
                    save.base.map {
                        ParticipantMerge.keepMine(base: $0, mine: save.fields.applied(to: $0), theirs: current)
                    } ?? save.fields.applied(to: current)
                participant = try store.updateParticipant(
                    changed, expectedVersion: expected, responsible: save.responsible, on: today,
                    newID: { ResponsibleAssignment.ID(newID()) }, by: login, at: now)
            }
            return .saved(participant.id)
        } catch .conflict(let current) {
            return .saveFailed(.conflict(current: current))
        } catch .duplicateIdentity(let existing) {
            return .saveFailed(.duplicateIdentity(existing))
        } catch {
            return .saveFailed(.other(error.description))
        }
    }

}
