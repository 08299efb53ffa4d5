import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaUI

/// Who is at the keyboard: a login claimed by a team member.
extension EffectRunner {
    func perform(_ effect: LoginEffect) -> LoginMsg {
        switch effect {
        case .claim(let member, let then): return claimLogin(member, then: then)
        }
    }

    /// Records that this login is the given team member's (asked once, when the login is unknown).
    func claimLogin(_ id: TeamMember.ID, then: WhoAmIState.PendingAction) -> LoginMsg {
        do {
            guard let member = try store.teamMembers().first(where: { $0.id == id }) else { return .failed(.gone) }
            var claimed = member
            claimed.login = login
            try store.updateTeamMember(claimed, replacing: member, by: login, at: clock())
            return .claimed(then: then)
        } catch {
            return .failed(.store(error.description))
        }
    }

}
