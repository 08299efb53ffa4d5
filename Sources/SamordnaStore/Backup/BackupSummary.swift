import Foundation

/// What a backup holds, counted in the copy itself after it was written (and, for a new backup, compared
/// with the same counts taken from the caseload in the same read transaction as the copy).
public struct BackupSummary: Equatable, Sendable {
    public var participants: Int
    public var changeLogRows: Int
    /// The last change-log sequence number in the copy: the newest change it contains.
    public var lastSequence: Int
    /// When the newest change in the copy was made, nil for a caseload without changes.
    public var lastChangeAt: Date?
    /// The copy's size in bytes.
    public var bytes: Int64

    public init(participants: Int, changeLogRows: Int, lastSequence: Int, lastChangeAt: Date?, bytes: Int64) {
        self.participants = participants
        self.changeLogRows = changeLogRows
        self.lastSequence = lastSequence
        self.lastChangeAt = lastChangeAt
        self.bytes = bytes
    }

    /// `120 deltagare, 4 381 ändringar`.
    public var counts: String { "\(participants) deltagare, \(changeLogRows) ändringar i ändringsloggen" }
}

/// The last backup made of a caseload, as `samordna backup` records it in the database (`meta`).
public struct LastBackup: Equatable, Sendable {
    public var at: Date
    public var by: String
    public var file: String
}
