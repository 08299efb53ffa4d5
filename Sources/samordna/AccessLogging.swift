import Foundation
import SamordnaCore
import SamordnaStore

extension CommonOptions {
    /// Writes one line to the access log (docs/privacy.md) before anything is shown or written: a read or
    /// export that cannot be logged does not happen. One participant is named; more are counted.
    func logAccess(
        _ store: CaseloadStore, _ action: AccessLogEntry.Action, participants ids: [Participant.ID], format: String,
        withNames: Bool, detail: String
    ) throws {
        let unique = Array(Set(ids))
        try store.logAccess(
            action, participant: unique.count == 1 ? unique[0] : nil, participants: unique.count, format: format,
            withNames: withNames, detail: detail, by: currentLogin(environment), at: now())
    }
}
