import Foundation
import GRDB
import SamordnaCore

/// A participant's history in the team's words, from the change log.
extension CaseloadStore {
    /// The latest `limit` changes concerning `participant`, newest first, each with who, when (in
    /// `timeZone`), which record and the fields that changed, old → new. A row that changed nothing visible
    /// (the version bump that goes with a change of responsible staff) is left out.
    public func history(for participant: Participant.ID, limit: Int = 20, timeZone: TimeZone) throws(StoreError)
        -> [HistoryEntry]
    {
        guard limit > 0 else { return [] }
        return try read { db in
            let team = try TeamMemberTable.fetchAll(db)
            let describer = HistoryDescriber(team: team, timeZone: timeZone)
            var entries: [HistoryEntry] = []
            var before: Int64 = .max
            // Fetch in pages until `limit` visible entries are found: hidden rows are at most one per write.
            while entries.count < limit {
                let rows = try LogRow.fetch(
                    db, where: "participant_id = ? AND sequence < ?", arguments: [participant.rawValue, before],
                    orderBy: "sequence DESC", limit: limit * 2)
                for row in rows {
                    if let entry = describer.entry(row), entries.count < limit { entries.append(entry) }
                }
                guard let last = rows.last, rows.count == limit * 2 else { break }
                before = last.sequence
            }
            return entries
        }
    }
}

/// Describes change-log rows as `HistoryEntry`s.
struct HistoryDescriber {
    let records: RecordDescription
    let names: [String: String]
    let calendar: Calendar

    init(team: [TeamMember], timeZone: TimeZone) {
        records = RecordDescription(team: Dictionary(team.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        names = Dictionary(team.map { ($0.login, $0.name) }, uniquingKeysWith: { a, _ in a })
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The entry for `row`, or nil when it changed nothing a person would see.
    func entry(_ row: LogRow) -> HistoryEntry? {
        let old = row.old.map { records.describe(kind: row.kind, id: row.recordID, json: $0) }
        let new = row.new.map { records.describe(kind: row.kind, id: row.recordID, json: $0) }
        let changes = Self.changes(old: old?.fields ?? [], new: new?.fields ?? [])
        if changes.isEmpty && (row.action == .update || row.action == .undo) { return nil }
        return HistoryEntry(
            sequence: row.sequence, batch: row.batch, at: row.at, time: time(row.at), login: VisibleText.escaped(row.login),
            memberName: names[row.login].map(VisibleText.escaped), action: row.action, recordKind: RecordKind(rawValue: row.kind),
            recordID: row.recordID, record: (new ?? old)?.record ?? row.kind, undoes: row.undoes, changes: changes)
    }

    /// The fields whose values differ, in the record's order; a field only one side has counts as `–` on the
    /// other (a record added or taken away).
    static func changes(old: [DescribedField], new: [DescribedField]) -> [HistoryEntry.FieldChange] {
        var order: [String] = []
        var labels: [String: (label: String, sensitivity: HistoryEntry.FieldChange.Sensitivity)] = [:]
        for f in new + old where labels[f.key] == nil {
            order.append(f.key)
            labels[f.key] = (f.label, f.sensitivity)
        }
        let before = Dictionary(old.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        return order.compactMap { key in
            let o = before[key] ?? RecordDescription.none
            let n = after[key] ?? RecordDescription.none
            guard o != n, let meta = labels[key] else { return nil }
            return HistoryEntry.FieldChange(field: meta.label, old: o, new: n, sensitivity: meta.sensitivity)
        }
    }

    /// `2026-03-02 10:30`.
    func time(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "??" }
        return "\(c.year.map(String.init) ?? "????")-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }
}
