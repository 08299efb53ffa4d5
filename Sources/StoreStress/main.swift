// StoreStress: a helper process for the store tests (Tests/SamordnaStoreTests/ConcurrentProcessTests.swift).
// Several run at once against one database file to show that nothing is lost when colleagues write together.
//
//   StoreStress <db path> <worker name> <count> [insats]
//
// Adds <count> participants (identity `.other(kind: "test", value: "<worker>-<i>")`), each in its own write,
// and after each one adds 1 to the counter kept in the shared participant's `phone` field, with a version
// check, re-reading and retrying on conflict. Prints "ok <count> bumps=<b> conflicts=<c>" and exits 0;
// on any error prints it to stderr and exits non-zero.
//
// With `insats`: adds <count> insats episodes and <count> meetings to the shared participant instead, and
// after each pair adds 1 to the counter kept in the shared episode's `note`, with the same version check.
import Foundation
import SamordnaCore
import SamordnaStore

/// The workers wait for each other's locks longer than the app's 5 s: the tests ask whether any change is
/// lost, not how fast, and a CI machine running the whole suite on two cores can hold a writer off the CPU
/// for seconds.
let stressBusyTimeout: TimeInterval = 60

let sharedID = Participant.ID("shared")
let enrolled = LocalDate(year: 2026, month: 1, day: 5)!

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code)
}

/// What the worker was doing, for the message when it fails.
nonisolated(unsafe) var step = "öppnar"

func run(path: String, worker: String, count: Int) throws(StoreError) -> (bumps: Int, conflicts: Int) {
    let login = "stress-\(worker)"
    let store = try CaseloadStore.open(at: URL(fileURLWithPath: path), busyTimeout: stressBusyTimeout)
    step = "lägger till den delade deltagaren"
    let shared = Participant(
        id: sharedID, identity: .other(kind: "test", value: "shared"), firstName: "Delad", lastName: "Räknare",
        phone: "0", enrolledOn: enrolled)
    do throws(StoreError) {
        try store.addParticipant(shared, by: login, at: Date())
    } catch .duplicateIdentity {
        // Another worker created it first.
    } catch .alreadyExists {
        // The same, found by its id (as runInsats).
    }
    var bumps = 0
    var conflicts = 0
    for i in 0..<count {
        let name = "\(worker)-\(i)"
        step = "skrivning \(i + 1)"
        let p = Participant(
            id: Participant.ID(name), identity: .other(kind: "test", value: name), firstName: "Stress",
            lastName: name, enrolledOn: enrolled)
        try store.addParticipant(p, by: login, at: Date())
        while true {
            guard var current = try store.participant(sharedID) else {
                throw .notFound(kind: .participant, id: sharedID.rawValue)
            }
            current.phone = String((Int(current.phone ?? "") ?? 0) + 1)
            do throws(StoreError) {
                _ = try store.updateParticipant(current, expectedVersion: current.version, by: login, at: Date())
                bumps += 1
                break
            } catch .conflict {
                conflicts += 1
            }
        }
    }
    return (bumps, conflicts)
}

func runInsats(path: String, worker: String, count: Int) throws(StoreError) -> (bumps: Int, conflicts: Int) {
    let login = "stress-\(worker)"
    let store = try CaseloadStore.open(at: URL(fileURLWithPath: path), busyTimeout: stressBusyTimeout)
    let shared = Participant(
        id: sharedID, identity: .other(kind: "test", value: "shared"), firstName: "Delad", lastName: "Räknare",
        enrolledOn: enrolled)
    do throws(StoreError) {
        try store.addParticipant(shared, by: login, at: Date())
    } catch .duplicateIdentity {
    } catch .alreadyExists {
    }
    let episodeID = InsatsEpisode.ID("shared-episode")
    do throws(StoreError) {
        try store.addEpisode(
            InsatsEpisode(id: episodeID, participantID: sharedID, typeCode: "SFI", status: .pagar, start: enrolled, owner: .af, note: "0"),
            by: login, at: Date())
    } catch .alreadyExists {
    }
    var bumps = 0
    var conflicts = 0
    for i in 0..<count {
        try store.addEpisode(
            InsatsEpisode(
                id: .init("\(worker)-e\(i)"), participantID: sharedID, typeCode: "PRA", status: .planerad,
                plannedStart: enrolled.adding(days: i), owner: .af),
            by: login, at: Date())
        try store.addMeeting(
            Meeting(
                id: .init("\(worker)-m\(i)"), participantID: sharedID, date: enrolled.adding(days: i),
                time: TimeOfDay(hour: 9, minute: 0)!, kind: .uppfoljning, professions: [.jobbcoach]),
            by: login, at: Date())
        while true {
            guard var current = try store.episode(episodeID) else { throw .notFound(kind: .insats, id: episodeID.rawValue) }
            current.note = String((Int(current.note ?? "") ?? 0) + 1)
            do throws(StoreError) {
                _ = try store.updateEpisode(current, expectedVersion: current.version, by: login, at: Date())
                bumps += 1
                break
            } catch .recordConflict {
                conflicts += 1
            }
        }
    }
    return (bumps, conflicts)
}

let arguments = CommandLine.arguments
guard arguments.count == 4 || (arguments.count == 5 && arguments[4] == "insats"), let count = Int(arguments[3]), count >= 0
else {
    fail("användning: StoreStress <databasfil> <arbetarnamn> <antal> [insats]", code: 64)
}
do throws(StoreError) {
    let result =
        arguments.count == 5
        ? try runInsats(path: arguments[1], worker: arguments[2], count: count)
        : try run(path: arguments[1], worker: arguments[2], count: count)
    print("ok \(count) bumps=\(result.bumps) conflicts=\(result.conflicts)")
} catch {
    fail("StoreStress \(arguments[2]) (\(step)): \(error)", code: error.exitCode == 0 ? 1 : error.exitCode)
}
