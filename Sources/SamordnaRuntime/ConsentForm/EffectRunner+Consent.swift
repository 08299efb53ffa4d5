import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaUI

/// Consents: registering one (withdrawal is a change, in `EffectRunner+Changes`).
extension EffectRunner {
    func perform(_ effect: ConsentEffect) -> ConsentMsg {
        switch effect {
        case .add(let participant, let draft): return addConsent(draft, for: participant)
        }
    }

    /// Registers a consent with the logged-in team member as the one who obtained it.
    func addConsent(_ draft: ConsentDraft, for participant: Participant.ID) -> ConsentMsg {
        do {
            guard let member = try member() else { return .failed(.unknownLogin(login)) }
            switch ConsentValidation.validate(draft, participant: participant, registeredBy: member.id, id: Consent.ID(newID())) {
            case .failure(let errors): return .failed(.refused(errors.description))
            case .success(let consent):
                try store.addConsent(consent, by: login, at: clock())
                return .saved(participant)
            }
        } catch {
            return .failed(.store(error.description))
        }
    }
}
