import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaUI

/// Meetings: booking, changing, and recording what happened, each checked against the version the form
/// was opened on.
extension EffectRunner {
    func perform(_ effect: MeetingEffect) -> MeetingMsg {
        let now = clock()
        do {
            switch effect {
            case .add(let valid, let participant):
                let meeting = valid.meeting(id: .init(newID()), participant: participant)
                try store.addMeeting(meeting, by: login, at: now)
                return .saved(meeting)
            case .update(let meeting, let expected):
                return .saved(try store.updateMeeting(meeting, expectedVersion: expected, by: login, at: now))
            }
        } catch .recordConflict {
            guard case .update(let meeting, _) = effect,
                let current = try? store.record(meeting.participantID)?.meetings.first(where: { $0.id == meeting.id })
            else { return .failed(.gone) }
            return .conflict(current)
        } catch {
            return .failed(.store(error.description))
        }
    }
}
