import Foundation
import SamordnaCore
import SamordnaExport
import SamordnaFiles
import SamordnaStore
import SamordnaTemplates
import SamordnaUI

/// The kartläggning's effects: the template, drafts (merged with a colleague's), completion and print.
extension EffectRunner {
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

    func startKartlaggning(_ participant: Participant.ID) -> Msg {
        do throws(StoreError) {
            let load = try currentTemplate()
            let latest = load == nil ? try store.latestTemplate() : nil
            guard let template = load?.template ?? latest else {
                return .changeFailed("Ingen kartläggningsmall finns (kartlaggning.yaml)")
            }
            let start = try store.startKartlaggning(
                id: Kartlaggning.ID(UUID().uuidString.lowercased()), participant: participant,
                templateVersion: template.version, date: today, by: login, at: clock())
            return .kartlaggningOpened(
                KartlaggningSession(
                    kartlaggning: start.kartlaggning, template: template, notCopied: start.notCopied,
                    templateNotice: load?.message))
        } catch {
            return .changeFailed("Kunde inte starta kartläggningen: \(error.description)")
        }
    }

    func session(_ id: Kartlaggning.ID) throws(StoreError) -> KartlaggningSession? {
        guard let record = try store.kartlaggningRecord(id), let template = record.template else { return nil }
        return KartlaggningSession(kartlaggning: record.kartlaggning, template: template, assessments: record.assessments)
    }

    func openKartlaggning(_ id: Kartlaggning.ID) -> Msg {
        do {
            guard let session = try session(id) else {
                return .changeFailed("Kartläggningen eller dess mallversion finns inte sparad")
            }
            return .kartlaggningOpened(session)
        } catch {
            return .changeFailed("Kunde inte öppna kartläggningen: \(error.description)")
        }
    }

    /// Saves a draft. If a colleague saved the same draft since `base`, only the answers (and who was
    /// present) that changed from `base` go on top of what they saved: the team fills one kartläggning
    /// together, often different sections at once, and nobody's answers are overwritten unasked.
    func saveKartlaggningDraft(_ draft: Kartlaggning, base: Kartlaggning) -> Msg {
        let now = clock()
        do {
            let saved = try store.saveKartlaggningDraft(draft, expectedVersion: draft.version, by: login, at: now)
            return .kartlaggningDraftSaved(saved, merged: false)
        } catch .recordConflict {
            do {
                guard let current = try store.kartlaggning(draft.id), current.status == .utkast else {
                    return .kartlaggningSaveFailed("kartläggningen har markerats klar av en kollega; den ändras inte längre")
                }
                var merged = current
                for id in Set(draft.answers.keys).union(base.answers.keys) where draft.answers[id] != base.answers[id] {
                    merged.answers[id] = draft.answers[id]
                }
                if draft.professionsPresent != base.professionsPresent {
                    merged.professionsPresent = draft.professionsPresent
                }
                let saved = try store.saveKartlaggningDraft(merged, expectedVersion: current.version, by: login, at: now)
                return .kartlaggningDraftSaved(saved, merged: true)
            } catch {
                return .kartlaggningSaveFailed(error.description)
            }
        } catch {
            return .kartlaggningSaveFailed(error.description)
        }
    }

    /// The kartläggning marked klar together with the profession's assessment, in one transaction
    /// (read-only from then on).
    func completeKartlaggning(_ completion: KartlaggningCompletion) -> Msg {
        let k = completion.kartlaggning
        let now = clock()
        do {
            _ = try store.completeKartlaggning(
                k, expectedVersion: k.version, professionsPresent: k.professionsPresent,
                assessment: completion.assessment, by: login, at: now)
            return .changeSaved(
                message: "Kartläggningen är klar; nästa utgår från en kopia", participant: k.participantID, untag: false)
        } catch .recordConflict {
            return .kartlaggningSaveFailed("en kollega har sparat samma kartläggning; stäng och öppna igen (e)")
        } catch {
            return .kartlaggningSaveFailed(error.description)
        }
    }

    /// Writes the kartläggning as a pseudonymised Markdown document to `utskrifter/` in the data directory
    /// (private, like the database) and says where. Never for a participant with skyddade personuppgifter.
    func printKartlaggning(_ id: Kartlaggning.ID) -> Msg {
        guard let dir = dataDirectory else { return .changeFailed("Ingen datakatalog att skriva till") }
        do {
            guard let record = try store.kartlaggningRecord(id), let template = record.template,
                let person = try store.participant(record.kartlaggning.participantID)
            else { return .changeFailed("Kartläggningen eller dess mallversion finns inte sparad") }
            let document = try KartlaggningDocument(
                participant: person, kartlaggning: record.kartlaggning, template: template,
                assessments: record.assessments, team: try store.teamMembers(), names: false, timeZone: timeZone)
            let folder = dir.appendingPathComponent("utskrifter").path
            try FileWriter.makeDirectory(folder)
            let path = folder + "/kartlaggning-\(id.short)-\(record.kartlaggning.date).md"
            try FileWriter.write(document.markdown(), to: path, options: WriteOptions(existing: .replace))
            return .changeSaved(message: "Utskrift sparad: \(path)", participant: nil, untag: false)
        } catch let refusal as KartlaggningExportRefusal {
            return .changeFailed("Skrivs inte ut: \(refusal)")
        } catch {
            return .changeFailed("Kunde inte skriva ut: \(error)")
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
