/// The files that make up a data directory. The file writer refuses them as a target (an export with
/// `--output D/caseload.sqlite` would otherwise replace the whole caseload with a document), except for
/// the store's own first-use writes.
public enum DataFileNames {
    public static let database = "caseload.sqlite"
    public static let template = "kartlaggning.yaml"
    public static let catalogue = "insatser.yaml"

    /// Every name that belongs to the caseload itself.
    public static let all: Set<String> = [
        database, database + "-wal", database + "-shm", database + "-journal", template, catalogue,
    ]

    public static func isDataFile(_ name: String) -> Bool { all.contains(name) }

    /// The first 16 bytes of every SQLite database: a file starting with them is never overwritten.
    public static let sqliteMagic: [UInt8] = Array("SQLite format 3".utf8) + [0]
}
