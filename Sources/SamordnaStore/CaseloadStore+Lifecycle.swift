import Foundation
import GRDB
import SamordnaCore

/// A participant's way through the lifecycle (aktualiserad → aktiv → vilande → avslutad, and reopening) and
/// the withdrawal of a consent. Each checks Core's rule inside the transaction, against what is stored.
extension CaseloadStore {
    /// Moves a participant to `status` if nobody has saved them since `expectedVersion`, with Core's
    /// `StatusTransition`. Closing needs an exit record and goes through `closeParticipant`.
    public func changeStatus(
        _ id: Participant.ID, to status: ParticipantStatus, expectedVersion: Int, by login: String, at time: Date
    ) throws(StoreError) -> Participant {
        try Self.checkLogin(login)
        return try write { db in
            let stored = try Self.participant(id, atVersion: expectedVersion, db)
            if case .failure(let violation) = StatusTransition.validate(stored, to: status, exit: nil) {
                throw Self.refused("status", violation)
            }
            if stored.status == status { return stored }
            var changed = stored
            changed.status = status
            return try Self.saveParticipantRow(changed, replacing: stored, db, by: login, at: time)
        }
    }

    /// Makes a closed participant aktiv again. The exit record stays as history (and in the change log).
    public func reopenParticipant(_ id: Participant.ID, expectedVersion: Int, by login: String, at time: Date)
        throws(StoreError) -> Participant
    {
        try Self.checkLogin(login)
        return try write { db in
            let stored = try Self.participant(id, atVersion: expectedVersion, db)
            guard stored.status == .avslutad else {
                throw StoreError.invalid(field: "status", reason: "deltagaren är \(stored.status.label), inte avslutad")
            }
            var changed = stored
            changed.status = .aktiv
            return try Self.saveParticipantRow(changed, replacing: stored, db, by: login, at: time)
        }
    }

    /// Closes a participant: writes `exit` and status avslutad together, if nobody has saved the participant
    /// since `participantVersion`. Returns the participant as saved.
    ///
    /// A participant who was closed before and reopened has an old exit record; it is replaced by the new one
    /// (one per participant), and the old one stays readable in the change log.
    public func closeParticipant(_ exit: ExitRecord, participantVersion: Int, by login: String, at time: Date)
        throws(StoreError) -> Participant
    {
        try Self.checkLogin(login)
        return try write { db in
            let stored = try Self.participant(exit.participantID, atVersion: participantVersion, db)
            if stored.status == .avslutad {
                throw StoreError.invalid(
                    field: "status", reason: "deltagaren är redan avslutad; ändra avslutet i stället")
            }
            if case .failure(let violation) = StatusTransition.validate(stored, to: .avslutad, exit: exit) {
                throw Self.refused("status", violation)
            }
            let oldExit = try ExitTable.fetch(key: ExitTable.key(of: exit), db)
            try Self.saveRow(ExitTable.self, exit, replacing: oldExit, db, by: login, at: time)
            var changed = stored
            changed.status = .avslutad
            return try Self.saveParticipantRow(changed, replacing: stored, db, by: login, at: time)
        }
    }

    /// Registers that the participant withdrew a consent on `day` (Core's `ConsentValidation.withdraw`: not
    /// before it began, not after `today`, not twice) and who registered it. Returns the consent as saved.
    public func withdrawConsent(
        _ id: Consent.ID, on day: LocalDate, how: String, registeredBy member: TeamMember.ID, today: LocalDate,
        by login: String, at time: Date
    ) throws(StoreError) -> Consent {
        try Self.checkLogin(login)
        return try write { db in
            guard let stored = try ConsentTable.fetch(key: [id.rawValue], db) else {
                throw StoreError.notFound(kind: .consent, id: id.rawValue)
            }
            switch ConsentValidation.withdraw(
                stored, on: day.description, how: how, registeredBy: member, today: today)
            {
            case .failure(let errors):
                throw Self.refused(errors, record: "återkallelsen")
            case .success(let withdrawn):
                try Self.saveRow(ConsentTable.self, withdrawn, replacing: stored, db, by: login, at: time)
                return withdrawn
            }
        }
    }
}
