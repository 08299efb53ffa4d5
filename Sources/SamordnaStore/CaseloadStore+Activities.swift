import Foundation
import GRDB
import SamordnaCore

/// Reads of insats episodes and meetings on their own: a participant's episodes, a week of meetings (the
/// veckolista, `samordna meeting list --week`), and one record by id or the start of one.
extension CaseloadStore {
    /// The participant's insats episodes, in stored (added) order.
    public func episodes(for participant: Participant.ID) throws(StoreError) -> [InsatsEpisode] {
        try read { try EpisodeTable.fetchAll($0, where: "participant_id = ?", arguments: [participant.rawValue]) }
    }

    /// Every insats episode, in stored order.
    public func allEpisodes() throws(StoreError) -> [InsatsEpisode] {
        try read { try EpisodeTable.fetchAll($0) }
    }

    /// The participant's meetings by date and time.
    public func meetings(for participant: Participant.ID) throws(StoreError) -> [Meeting] {
        try read {
            try MeetingTable.fetchAll(
                $0, where: "participant_id = ?", arguments: [participant.rawValue], orderBy: "date, start_minute, rowid")
        }
    }

    /// The meetings of one ISO week, Monday to Sunday, by date and time, and those at the same time in the
    /// order they were booked. Served by the `meeting_date` index: a range over the dates, already in date and
    /// time order (the index goes on with participant and members, so only ties are sorted by rowid).
    public func meetings(in week: IsoWeek) throws(StoreError) -> [Meeting] {
        try read {
            try MeetingTable.fetchAll(
                $0, where: Self.weekCondition, arguments: [week.monday.storedText, week.sunday.storedText],
                orderBy: Self.weekOrder)
        }
    }

    static let weekCondition = "date BETWEEN ? AND ?"
    static let weekOrder = "date, start_minute, rowid"

    public func episode(_ id: InsatsEpisode.ID) throws(StoreError) -> InsatsEpisode? {
        try read { try EpisodeTable.fetch(key: [id.rawValue], $0) }
    }

    public func meeting(_ id: Meeting.ID) throws(StoreError) -> Meeting? {
        try read { try MeetingTable.fetch(key: [id.rawValue], $0) }
    }

    /// The episodes whose id is `prefix` or starts with it (the command line takes the first characters).
    public func episodes(idPrefix prefix: String) throws(StoreError) -> [InsatsEpisode] {
        try read { try Self.byPrefix(EpisodeTable.self, prefix, $0) }
    }

    /// The meetings whose id is `prefix` or starts with it.
    public func meetings(idPrefix prefix: String) throws(StoreError) -> [Meeting] {
        try read { try Self.byPrefix(MeetingTable.self, prefix, $0) }
    }

    private static func byPrefix<T: StoredTable>(_ table: T.Type, _ prefix: String, _ db: Database) throws -> [T.Value] {
        if let exact = try T.fetch(key: [prefix], db) { return [exact] }
        // A range on the primary key: ids are ASCII, so every id starting with `prefix` sorts below prefix + U+FFFF.
        return try T.fetchAll(
            db, where: "id >= ? AND id < ?", arguments: [prefix, prefix + "\u{FFFF}"], orderBy: "id")
    }
}
