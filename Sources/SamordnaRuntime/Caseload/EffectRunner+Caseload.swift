import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaUI

/// Loading the caseload, and reading again only what changed.
extension EffectRunner {
    /// Rows of the first page: more than any terminal shows.
    static let previewRows = 120

    func perform(_ effect: CaseloadEffect) -> Msg {
        switch effect {
        case .load:
            return load()
        case .loadPreview:
            // A small caseload loads whole at once; a large one shows its first page first.
            guard let total = try? store.participantCount(), total > previewThreshold,
                let page = try? store.loadFirstPage(limit: Self.previewRows, meetingsSince: meetingsSince),
                let team = try? store.teamMembers()
            else { return load() }
            return .caseload(
                .previewLoaded(caseload(page.records, team: team), total: page.total))
        case .refresh:
            return refresh()
        }
    }

    /// The records as the UI holds them, with the catalogue and its notice.
    private func caseload(_ records: [ParticipantRecord], team: [TeamMember]) -> Caseload {
        var caseload = Caseload(records: records, team: team, catalogue: catalogue)
        caseload.catalogueNotice = catalogueNotice
        return caseload
    }

    /// Everything, and the point in the change log it was read at. The mark is read first: a commit that
    /// lands in between is read again by the next refresh, never missed.
    private func load() -> Msg {
        do {
            let mark = try store.changeMark()
            let records = try store.loadCaseload(meetingsSince: meetingsSince)
            let team = try store.teamMembers()
            changeMark.set(mark)
            return .caseload(.loaded(caseload(records, team: team)))
        } catch {
            return .caseload(.failed(error.description))
        }
    }

    /// Only the participants the change log names after the last mark; everything when there is no mark
    /// yet or too much changed.
    private func refresh() -> Msg {
        guard let mark = changeMark.value else { return load() }
        do {
            guard let changes = try store.refresh(since: mark, meetingsSince: meetingsSince) else { return load() }
            changeMark.set(changes.mark)
            return .caseload(.changed(CaseloadPatch(records: changes.records, removed: changes.removed, team: changes.team)))
        } catch {
            return .caseload(.failed(error.description))
        }
    }
}
