import GRDB
import GRDBSQLite
import SamordnaCore

/// A stored value this version cannot turn back into the model (an unknown code, a malformed date, a NULL
/// where the model needs a value). Becomes `StoreError.unreadableRecord`.
struct StoredValueError: Error {
    var kind: RecordKind
    var id: String
    var column: String
    var value: String

    var storeError: StoreError {
        .unreadableRecord(kind: kind, id: id, reason: "kolumnen \(column) har värdet '\(value)'")
    }
}

/// Reads the current row of a stepping statement, column by column in the order of the table's `columns`
/// list, throwing instead of trapping on a value it cannot use: stored data never crashes the program.
///
/// It reads through SQLite's column functions directly rather than GRDB's `Row`: the caseload loader reads
/// about two million columns for 10 000 participants, and the per-column cost decides whether start-up stays
/// within its budget (docs/benchmarks.md).
struct ColumnReader {
    private let statement: SQLiteStatement
    private let kind: RecordKind
    private let names: [String]
    private let cache: ReadCache?
    private var index: Int32 = 0
    /// The record's key once read, so errors can name the record.
    private var recordID = "?"
    /// Where the row's participant was registered in the cache, when it was found there.
    private(set) var participantPosition: Int?

    init(_ statement: Statement, kind: RecordKind, names: [String], cache: ReadCache? = nil) {
        self.statement = statement.sqliteStatement
        self.kind = kind
        self.names = names
        self.cache = cache
    }

    private func failure(_ value: String, at column: Int32) -> StoredValueError {
        let i = Int(column)
        return StoredValueError(kind: kind, id: recordID, column: i < names.count ? names[i] : "#\(i)", value: value)
    }

    private var isNull: Bool { sqlite3_column_type(statement, index) == SQLITE_NULL }

    /// The bytes of the current column as text, nil for NULL; only valid until the statement steps.
    /// (`sqlite3_column_text` gives a null pointer exactly for NULL, and a valid empty string for "".)
    private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let p = sqlite3_column_text(statement, index) else { return nil }
        return body(UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(statement, index))))
    }

    private func currentText() -> String { withBytes { String(decoding: $0, as: UTF8.self) } ?? "NULL" }

    /// Reads the record's key (first column) and remembers it for error messages.
    mutating func key() throws(StoredValueError) -> String {
        let value = try text()
        recordID = value
        return value
    }

    mutating func optionalText() -> String? {
        defer { index += 1 }
        return withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// A text that repeats from row to row (a team member's id, a provider, a standard document reference):
    /// with a cache, one String per distinct text for the whole read instead of one per row.
    mutating func optionalSharedText() -> String? {
        defer { index += 1 }
        return withBytes { bytes in
            guard let cache else { return String(decoding: bytes, as: UTF8.self) }
            return cache.value(bytes) { String(decoding: $0, as: UTF8.self) }
        } ?? nil
    }

    /// A team member's id (or another id many rows repeat), shared as `optionalSharedText`.
    mutating func sharedID<Entity>() throws(StoredValueError) -> EntityID<Entity> {
        guard let text = optionalSharedText() else { throw failure("NULL", at: index - 1) }
        return EntityID(text)
    }

    mutating func optionalSharedID<Entity>() -> EntityID<Entity>? { optionalSharedText().map(EntityID.init) }

    mutating func text() throws(StoredValueError) -> String {
        guard let text = optionalText() else { throw failure("NULL", at: index - 1) }
        return text
    }

    mutating func optionalInt() -> Int? {
        defer { index += 1 }
        if isNull { return nil }
        return Int(sqlite3_column_int64(statement, index))
    }

    /// A column the schema declares NOT NULL INTEGER in a STRICT table: no NULL check needed.
    mutating func int() throws(StoredValueError) -> Int {
        defer { index += 1 }
        return Int(sqlite3_column_int64(statement, index))
    }

    mutating func bool() throws(StoredValueError) -> Bool { try int() != 0 }

    mutating func optionalReal() -> Double? {
        defer { index += 1 }
        if isNull { return nil }
        return sqlite3_column_double(statement, index)
    }

    mutating func real() throws(StoredValueError) -> Double {
        if isNull { throw failure("NULL", at: index) }
        return optionalReal() ?? 0
    }

    mutating func optionalDate() throws(StoredValueError) -> LocalDate? {
        defer { index += 1 }
        switch withBytes(LocalDate.parseStored) {
        case .none: return nil
        case .some(.none): throw failure(currentText(), at: index)
        case .some(.some(let date)): return date
        }
    }

    mutating func date() throws(StoredValueError) -> LocalDate {
        guard let date = try optionalDate() else { throw failure("NULL", at: index - 1) }
        return date
    }

    mutating func optionalCode<C>(_ codes: Codes<C>) throws(StoredValueError) -> C? {
        defer { index += 1 }
        switch withBytes(codes.code) {
        case .none: return nil
        case .some(.none): throw failure(currentText(), at: index)
        case .some(.some(let code)): return code
        }
    }

    mutating func code<C>(_ codes: Codes<C>) throws(StoredValueError) -> C {
        guard let code = try optionalCode(codes) else { throw failure("NULL", at: index - 1) }
        return code
    }

    mutating func optionalStep() throws(StoredValueError) -> Step? {
        guard let n = optionalInt() else { return nil }
        guard let step = Step(rawValue: n) else { throw failure(String(n), at: index - 1) }
        return step
    }

    mutating func step() throws(StoredValueError) -> Step {
        if isNull { throw failure("NULL", at: index) }
        return try optionalStep() ?? .ingenAktivitet
    }

    /// A list of codes stored as `a,b,c` (see `CodeList`).
    mutating func codes<C>(_ codes: Codes<C>) throws(StoredValueError) -> [C] {
        try memoized { codes.list($0) }
    }

    /// A set of codes stored as a sorted list.
    mutating func codeSet<C: Hashable>(_ codes: Codes<C>) throws(StoredValueError) -> Set<C> {
        try memoized { codes.set($0) }
    }

    /// A non-NULL column turned into a value by `make`, through the cache when there is one.
    private mutating func memoized<V>(_ make: (UnsafeBufferPointer<UInt8>) -> V?) throws(StoredValueError) -> V {
        defer { index += 1 }
        switch withBytes({ bytes in cache.map { $0.value(bytes, make) } ?? make(bytes) }) {
        case .none: throw failure("NULL", at: index)
        case .some(.none): throw failure(currentText(), at: index)
        case .some(.some(let value)): return value
        }
    }

    /// The participant a child row belongs to. With a cache that knows the participant, the stored id is
    /// shared instead of copied and `participantPosition` says where it was registered.
    mutating func participantID() throws(StoredValueError) -> Participant.ID {
        if let cache, let found = withBytes({ cache.participant($0) }) ?? nil {
            if index == 0 { recordID = found.id.rawValue }
            index += 1
            participantPosition = found.position
            return found.id
        }
        participantPosition = nil
        return try id()
    }

    mutating func id<Entity>() throws(StoredValueError) -> EntityID<Entity> { EntityID(try text()) }

    /// A list of ids stored as `a,b,c` ('' for none), in stored order.
    mutating func idList<Entity>() throws(StoredValueError) -> [EntityID<Entity>] {
        let cache = self.cache
        return try memoized { bytes in
            // Each id shared with every other list and column that names it (team members' ids repeat).
            bytes.isEmpty
                ? []
                : bytes.split(separator: 0x2C).map { part in
                    let id = UnsafeBufferPointer(rebasing: part)
                    return EntityID(cache?.value(id) { String(decoding: $0, as: UTF8.self) } ?? String(decoding: id, as: UTF8.self))
                }
        }
    }

    mutating func optionalID<Entity>() -> EntityID<Entity>? {
        optionalText().map { EntityID($0) }
    }

    /// Turns a failure of model-level validation (a personnummer that no longer checks out) into a
    /// stored-value error on the column just read.
    func invalid(_ value: String) -> StoredValueError { failure(value, at: index - 1) }
}

/// Sets and lists of codes stored as their raw values joined by commas, sorted for sets so that the same
/// set is always stored the same way. None of the codes contains a comma.
enum CodeList {
    static func join<C: RawRepresentable>(_ codes: some Sequence<C>) -> String where C.RawValue == String {
        codes.map(\.rawValue).joined(separator: ",")
    }

    static func joinSorted<C: RawRepresentable>(_ codes: Set<C>) -> String where C.RawValue == String {
        codes.map(\.rawValue).sorted().joined(separator: ",")
    }

}

extension LocalDate {
    /// `YYYY-MM-DD` without going through `String(format:)`, which is slow for a bulk import.
    var storedText: String {
        var bytes: [UInt8] = Array(repeating: 0x30, count: 10)
        var y = year
        for i in stride(from: 3, through: 0, by: -1) {
            bytes[i] = UInt8(0x30 + y % 10)
            y /= 10
        }
        bytes[4] = 0x2D
        bytes[5] = UInt8(0x30 + month / 10)
        bytes[6] = UInt8(0x30 + month % 10)
        bytes[7] = 0x2D
        bytes[8] = UInt8(0x30 + day / 10)
        bytes[9] = UInt8(0x30 + day % 10)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses exactly `YYYY-MM-DD` from UTF-8 bytes (the loader reads ~200 000 of these).
    static func parseStored(_ b: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let d = Int(b[i]) - 0x30
                guard (0...9).contains(d) else { return nil }
                n = n * 10 + d
            }
            return n
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }
}
