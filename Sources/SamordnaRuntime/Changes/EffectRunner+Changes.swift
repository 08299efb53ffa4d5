import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaUI

/// Changes without a form of their own (or at the end of a short one): avslut, återöppning, återkallelse,
/// ångra, a bulk change. Each answers with what happened as a value; the UI says it in words.
extension EffectRunner {
    func perform(_ effect: ChangeEffect) -> ChangeMsg {
        let now = clock()
        do {
            return try change(effect, at: now)
        } catch .conflict {
            return .failed(.conflict)
        } catch .recordConflict {
            return .failed(.recordConflict)
        } catch {
            return .failed(.store(error.description))
        }
    }

    /// Runs one store write; nothing is written when it throws.
    private func change(_ effect: ChangeEffect, at now: Date) throws(StoreError) -> ChangeMsg {
        switch effect {
        case .close(let exit, let version):
            _ = try store.closeParticipant(exit, participantVersion: version, by: login, at: now)
            return .saved(.closed(exit))
        case .reopen(let id, let version):
            _ = try store.reopenParticipant(id, expectedVersion: version, by: login, at: now)
            return .saved(.reopened(id))
        case .withdrawConsent(let consent, let participant, let day, let how):
            guard let member = try member() else { return .failed(.unknownLogin(login)) }
            _ = try store.withdrawConsent(
                consent, on: day, how: how, registeredBy: member.id, today: today, by: login, at: now)
            return .saved(.consentWithdrawn(participant: participant, on: day))
        case .undo:
            switch try store.undoLastChange(by: login, at: now, timeZone: timeZone) {
            case .nothingToUndo:
                return .failed(.nothingToUndo)
            case .notUndoable(_, let reason):
                return .failed(.notUndoable(reason))
            case .undone(let undone):
                let participants = Set(undone.entries.filter { $0.recordKind == .participant }.map(\.recordID))
                return .saved(
                    .undone(
                        UndoSummary(
                            participant: undone.participantID, participants: participants.count,
                            record: undone.entries.first?.record)))
            }
        case .bulk(let ids, let action):
            let bulk: BulkChange
            switch action {
            case .status(let status): bulk = .status(status)
            case .assign(let profession, let member): bulk = .assign(profession, member, on: today)
            }
            let changed = try store.applyToMany(ids, change: bulk, by: login, at: now)
            return .saved(.bulkApplied(changed: changed, unchanged: ids.count - changed))
        }
    }
}
