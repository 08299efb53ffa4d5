import Foundation
import SamordnaCore
import SamordnaExport
import SamordnaFiles
import SamordnaStore
import SamordnaTemplates
import SamordnaUI

/// The kartläggning's effects: the template, drafts (merged with a colleague's), completion and print.
extension EffectRunner {
    func perform(_ effect: KartlaggningEffect) -> KartlaggningMsg {
        switch effect {
        case .start(let participant): return startKartlaggning(participant)
        case .open(let id): return openKartlaggning(id)
        case .compare(let a, let b):
            do {
                guard let first = try session(a), let second = try session(b) else { return .failed(.notFound) }
                return .compared(first, second)
            } catch {
                return .failed(.couldNotOpen(error.description))
            }
        case .saveDraft(let draft, let base): return saveKartlaggningDraft(draft, base: base)
        case .saveAssessment(let assessment):
            do {
                try store.saveDraftAssessment(assessment, by: login, at: clock())
                return .assessmentSaved(assessment)
            } catch {
                return .saveFailed(.store(error.description))
            }
        case .complete(let completion): return completeKartlaggning(completion)
        case .print(let id): return printKartlaggning(id)
        }
    }

    /// The template to start from: the team's file (written with the default on first use), or the last
    /// valid stored version with the reason when the file has a problem.
    func currentTemplate() throws(StoreError) -> TemplateLoad? {
        guard let dir = dataDirectory else { return nil }
        return try store.currentTemplate(
            file: TemplateFile.url(in: dir), by: login, at: clock())
    }

    /// Whether the team's template file has a problem, for the Kartläggning tab: read only, nothing written
    /// (the file is registered when a kartläggning is started).
    func templateNotice() -> String? {
        guard let dir = dataDirectory else { return nil }
        let url = TemplateFile.url(in: dir)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return nil }
        // Read and parsed again only when the file or the stored versions have changed.
        let stamp = TemplateNoticeCache.Stamp(
            modified: attributes[.modificationDate] as? Date, size: attributes[.size] as? Int,
            versions: (try? store.templateVersions()) ?? [])
        if let known = templateNotices.notice(for: stamp) { return known }
        let notice = (try? store.templateFileProblem(url))?.map {
            "Mallen har fel, nya kartläggningar använder senaste giltiga version (samordna check visar alla fel):\n"
                + $0.summary
        }
        templateNotices.remember(notice, for: stamp)
        return notice
    }

    func startKartlaggning(_ participant: Participant.ID) -> KartlaggningMsg {
        do throws(StoreError) {
            let load = try currentTemplate()
            let latest = load == nil ? try store.latestTemplate() : nil
            guard let template = load?.template ?? latest else { return .failed(.noTemplate) }
            let start = try store.startKartlaggning(
                id: Kartlaggning.ID(newID()), participant: participant,
                templateVersion: template.version, date: today, by: login, at: clock())
            return .opened(
                KartlaggningSession(
                    kartlaggning: start.kartlaggning, template: template, notCopied: start.notCopied,
                    templateNotice: load?.message))
        } catch {
            return .failed(.couldNotStart(error.description))
        }
    }

    func session(_ id: Kartlaggning.ID) throws(StoreError) -> KartlaggningSession? {
        guard let record = try store.kartlaggningRecord(id), let template = record.template else { return nil }
        return KartlaggningSession(kartlaggning: record.kartlaggning, template: template, assessments: record.assessments)
    }

    func openKartlaggning(_ id: Kartlaggning.ID) -> KartlaggningMsg {
        do {
            guard let session = try session(id) else { return .failed(.notFound) }
            return .opened(session)
        } catch {
            return .failed(.couldNotOpen(error.description))
        }
    }

    /// Saves a draft. If a colleague saved the same draft since `base`, only the answers (and who was
    /// present) that changed from `base` go on top of what they saved: the team fills one kartläggning
    /// together, often different sections at once, and nobody's answers are overwritten unasked.
    func saveKartlaggningDraft(_ draft: Kartlaggning, base: Kartlaggning) -> KartlaggningMsg {
        let now = clock()
        do {
            let saved = try store.saveKartlaggningDraft(draft, expectedVersion: draft.version, by: login, at: now)
            return .draftSaved(saved, merged: false)
        } catch .recordConflict {
            do {
                guard let current = try store.kartlaggning(draft.id), current.status == .utkast else {
                    return .saveFailed(.completedElsewhere)
                }
                var merged = current
                for id in Set(draft.answers.keys).union(base.answers.keys) where draft.answers[id] != base.answers[id] {
                    merged.answers[id] = draft.answers[id]
                }
                if draft.professionsPresent != base.professionsPresent {
                    merged.professionsPresent = draft.professionsPresent
                }
                let saved = try store.saveKartlaggningDraft(merged, expectedVersion: current.version, by: login, at: now)
                return .draftSaved(saved, merged: true)
            } catch {
                return .saveFailed(.store(error.description))
            }
        } catch {
            return .saveFailed(.store(error.description))
        }
    }

    /// The kartläggning marked klar together with the profession's assessment, in one transaction
    /// (read-only from then on).
    func completeKartlaggning(_ completion: KartlaggningCompletion) -> KartlaggningMsg {
        let k = completion.kartlaggning
        let now = clock()
        do {
            _ = try store.completeKartlaggning(
                k, expectedVersion: k.version, professionsPresent: k.professionsPresent,
                assessment: completion.assessment, by: login, at: now)
            return .completed(k)
        } catch .recordConflict {
            return .saveFailed(.changedElsewhere)
        } catch {
            return .saveFailed(.store(error.description))
        }
    }

    /// Writes the kartläggning as a pseudonymised Markdown document to `utskrifter/` in the data directory
    /// (private, like the database) and says where. Never for a participant with skyddade personuppgifter.
    func printKartlaggning(_ id: Kartlaggning.ID) -> KartlaggningMsg {
        guard let dir = dataDirectory else { return .failed(.noDataDirectory) }
        do {
            guard let record = try store.kartlaggningRecord(id), let template = record.template,
                let person = try store.participant(record.kartlaggning.participantID)
            else { return .failed(.notFound) }
            let team = try store.teamMembers()
            let whole = try store.record(person.id) ?? ParticipantRecord(participant: person)
            let document = try KartlaggningDocument(
                participant: person, kartlaggning: record.kartlaggning, template: template,
                assessments: record.assessments, team: team, names: false, timeZone: timeZone,
                disclosure: Disclosure(reader: try member(), record: whole, team: team, on: today))
            let folder = dir.appendingPathComponent("utskrifter").path
            try FileWriter.makeDirectory(folder)
            let path = folder + "/kartlaggning-\(id.short)-\(record.kartlaggning.date).md"
            // Logged before the file is written: a print that cannot be logged is not made.
            guard logAccess(AccessRequest(
                action: .print, participants: [person.id], format: "md", withNames: false,
                detail: "p kartläggning \(id.short)"))
            else { return .failed(.couldNotPrint("åtkomstloggen kunde inte skrivas")) }
            try FileWriter.write(document.markdown(), to: path, options: WriteOptions(existing: .replace))
            return .printed(path: path)
        } catch let refusal as KartlaggningExportRefusal {
            return .failed(.notPrinted("\(refusal)"))
        } catch {
            return .failed(.couldNotPrint("\(error)"))
        }
    }
}

/// The last template check and what it was for: the file's modification time and size and the stored
/// versions. A reference, so the value-type runner keeps it between effects.
final class TemplateNoticeCache: @unchecked Sendable {
    struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
        var versions: [Int]
    }

    private let lock = NSLock()
    private var stamp: Stamp?
    private var notice: String?

    /// The remembered notice if `stamp` is what it was made for: `.some(nil)` means "no problem".
    func notice(for stamp: Stamp) -> String?? {
        lock.lock()
        defer { lock.unlock() }
        return self.stamp == stamp ? .some(notice) : nil
    }

    func remember(_ notice: String?, for stamp: Stamp) {
        lock.lock()
        defer { lock.unlock() }
        self.stamp = stamp
        self.notice = notice
    }
}
