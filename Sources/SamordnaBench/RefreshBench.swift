import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import SamordnaUI
import TerminalUI

/// Child: the screen brought up to date after the user's own save, and after a colleague's commit, with
/// the whole reload (what every change cost before the refresh read only what changed) beside them.
/// Prints `REFRESH own colleague reload` as medians in ms.
@MainActor
func refreshChild(participants: Int, dir: String) throws {
    let directory = try DataDirectory.resolve(flag: dir, environment: [:])
    let store = try CaseloadStore.open(at: directory.databaseURL)
    let program = Program(
        backend: BenchBackend(size: Size(width: 120, height: 40)),
        runner: EffectRunner(store: store, fixedToday: today, login: "bench"), user: "bench")
    program.start()
    let colleague = try CaseloadStore.open(at: directory.databaseURL)
    let ids = program.state.caseload.records.prefix(40).map(\.id)
    var own: [Duration] = []
    var theirs: [Duration] = []
    var reloads: [Duration] = []
    for round in 0..<40 {
        let id = ids[round % ids.count]
        // Own save: the participant form's effect, the store write, the refresh, update, view, diff, draw.
        guard let current = program.state.caseload.record(id)?.participant else { fatalError("no participant \(id)") }
        var draft = ParticipantDraft(from: current, today: today)
        draft.phone = String(format: "070-%03d %02d %02d", round, round % 100, participants % 100)
        guard case .success(let fields) = ParticipantValidation.validate(draft, today: today) else {
            fatalError("the demo participant does not validate")
        }
        let save = ParticipantSave(
            kind: .update(id, expectedVersion: current.version), fields: fields, responsible: [:], base: current)
        var begin = ContinuousClock.now
        program.perform([.participant(.save(save))])
        program.render()
        own.append(ContinuousClock.now - begin)

        // A colleague's commit in another connection, noticed by the idle tick (data_version) and drawn.
        guard var stored = try colleague.participant(ids[(round + 7) % ids.count]) else { fatalError("gone") }
        stored.email = "kollega\(round)@example.se"
        _ = try colleague.updateParticipant(stored, expectedVersion: stored.version, by: "kollega", at: Date())
        begin = ContinuousClock.now
        program.idleTick()
        theirs.append(ContinuousClock.now - begin)
        precondition(program.state.caseload.record(stored.id)?.participant.email == stored.email, "not refreshed")

        if round % 4 == 0 {
            // The whole reload every change used to cost.
            begin = ContinuousClock.now
            program.perform([.caseload(.load)])
            program.render()
            reloads.append(ContinuousClock.now - begin)
        }
    }
    print("REFRESH \(ms(median(own))) \(ms(median(theirs))) \(ms(median(reloads)))")
}
