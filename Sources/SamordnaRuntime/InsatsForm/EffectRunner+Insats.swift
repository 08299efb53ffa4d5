import Foundation
import SamordnaCore
import SamordnaStore
import SamordnaUI

/// Insats episodes: a new one owned by the member's organisation, or a change checked against the version
/// the form was opened on.
extension EffectRunner {
    func perform(_ effect: InsatsEffect) -> InsatsMsg {
        let now = clock()
        do {
            let saved: InsatsEpisode
            switch effect {
            case .add(let valid, let participant):
                guard let member = try member() else { return .failed(.unknownLogin(login)) }
                saved = valid.episode(id: .init(newID()), participant: participant, owner: member.organisation)
                try store.addEpisode(saved, by: login, at: now)
            case .update(let episode, let expected):
                saved = try store.updateEpisode(episode, expectedVersion: expected, by: login, at: now)
            }
            let all = (try store.record(saved.participantID))?.episodes ?? [saved]
            return .saved(saved, warnings: InsatsPlanning.warnings(all, catalogue: catalogueByCode, today: today))
        } catch .recordConflict {
            guard case .update(let episode, _) = effect,
                let current = try? store.record(episode.participantID)?.episodes.first(where: { $0.id == episode.id })
            else { return .failed(.gone) }
            return .conflict(current)
        } catch {
            return .failed(.store(error.description))
        }
    }

    /// The catalogue by code, as the rules take it.
    var catalogueByCode: [String: InsatsType] {
        Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
