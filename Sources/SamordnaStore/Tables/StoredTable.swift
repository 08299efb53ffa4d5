import GRDB
import SamordnaCore

/// One table and the model value each of its rows holds. The column list is the single place that fixes
/// the order in which `values(_:)` binds and `decode(_:)` reads, so the two cannot drift apart. Rows are
/// read as raw `Row`s rather than through Codable: the loader reads ~130 000 of them at start-up.
protocol StoredTable {
    associatedtype Value: Encodable & Equatable
    static var kind: RecordKind { get }
    static var table: String { get }
    /// Column names; the first is the key unless `keyColumns` says otherwise.
    static var columns: [String] { get }
    static var keyColumns: [String] { get }
    static func values(_ value: Value) throws -> [(any DatabaseValueConvertible)?]
    static func decode(_ reader: inout ColumnReader) throws(StoredValueError) -> Value
    static func key(of value: Value) -> [String]
    /// The participant a row belongs to, recorded in the change log so a participant's history is one query.
    static func participantID(of value: Value) -> Participant.ID?
    /// Whether two values hold the same data: a versioned table leaves the version out, so a record that was
    /// changed and changed back counts as unchanged (undo asks this).
    static func sameContent(_ a: Value, _ b: Value) -> Bool
    /// `value` ready to be written over `stored` (undo): a versioned table gives it the next version.
    static func restoring(_ value: Value, over stored: Value?) -> Value
    /// The conflict to report when `current` is not what the user saw; nil for the generic `.recordConflict`.
    static func conflict(current: Value) -> StoreError?
}

extension StoredTable {
    static var keyColumns: [String] { [columns[0]] }

    /// The key as one string for the change log and messages ("k1/arbetsformedlare" for composite keys).
    static func logID(of value: Value) -> String { key(of: value).joined(separator: "/") }

    static var selectSQL: String { "SELECT \(columns.joined(separator: ", ")) FROM \(table)" }

    static var insertSQL: String {
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks))"
    }

    static var keyCondition: String { keyColumns.map { "\($0) = ?" }.joined(separator: " AND ") }

    /// Rewrites every non-key column of the row with the given key; the key values come last.
    static var updateSQL: String {
        let set = columns.filter { !keyColumns.contains($0) }.map { "\($0) = ?" }.joined(separator: ", ")
        return "UPDATE \(table) SET \(set) WHERE \(keyCondition)"
    }

    static func updateValues(_ value: Value) throws -> [(any DatabaseValueConvertible)?] {
        let all = try values(value)
        var rest: [(any DatabaseValueConvertible)?] = []
        var keys: [(any DatabaseValueConvertible)?] = []
        for (name, v) in zip(columns, all) {
            if keyColumns.contains(name) { keys.append(v) } else { rest.append(v) }
        }
        return rest + keys
    }

    /// Decodes the row `statement` is on (stepped by a cursor).
    static func decode(current statement: Statement) throws(StoredValueError) -> Value {
        var reader = ColumnReader(statement, kind: kind, names: columns)
        return try decode(&reader)
    }

    /// Steps `statement` and hands every row to `body` as a value.
    static func each(
        _ statement: Statement, arguments: StatementArguments = [], _ body: (Value) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while try rows.next() != nil { try body(try decode(current: statement)) }
    }

    /// Steps `statement` decoding through `cache`, and hands every row to `body` with the position its
    /// participant was registered at in the cache (nil when it was not).
    static func each(
        _ statement: Statement, cache: ReadCache, _ body: (Value, Int?) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(statement, arguments: statement.arguments)
        while try rows.next() != nil {
            var reader = ColumnReader(statement, kind: kind, names: columns, cache: cache)
            let value = try decode(&reader)
            try body(value, reader.participantPosition)
        }
    }

    /// Steps `statement` with `arguments`, decoding through `cache`: one String per distinct stored text and
    /// one value per distinct code list for the whole read, instead of one per row.
    static func each(
        _ statement: Statement, arguments: StatementArguments, cache: ReadCache, _ body: (Value) throws -> Void
    ) throws {
        try statement.setArguments(arguments)
        try each(statement, cache: cache) { value, _ in try body(value) }
    }

    /// The values to insert, refusing text that SQLite would not store whole.
    static func insertArguments(_ value: Value) throws -> StatementArguments {
        try StoredText.arguments(values(value), columns: columns, kind: kind)
    }

    static func insert(_ value: Value, _ db: Database) throws {
        try db.cachedStatement(sql: insertSQL).execute(arguments: insertArguments(value))
    }

    /// Returns the number of rows changed (0 or 1).
    static func update(_ value: Value, _ db: Database) throws -> Int {
        let names = columns.filter { !keyColumns.contains($0) } + keyColumns
        let arguments = try StoredText.arguments(updateValues(value), columns: names, kind: kind)
        try db.cachedStatement(sql: updateSQL).execute(arguments: arguments)
        return db.changesCount
    }

    static func sameContent(_ a: Value, _ b: Value) -> Bool { a == b }
    static func restoring(_ value: Value, over stored: Value?) -> Value { value }
    static func conflict(current: Value) -> StoreError? { nil }

    /// Removes the row with this key; returns the number of rows removed (0 or 1). Only undo removes rows:
    /// it takes back a record that the undone change added.
    static func delete(key: [String], _ db: Database) throws -> Int {
        try db.cachedStatement(sql: "DELETE FROM \(table) WHERE \(keyCondition)").execute(arguments: StatementArguments(key))
        return db.changesCount
    }

    static func fetch(key: [String], _ db: Database) throws -> Value? {
        var found: Value?
        try each(db.cachedStatement(sql: "\(selectSQL) WHERE \(keyCondition)"), arguments: StatementArguments(key)) {
            found = $0
        }
        return found
    }

    /// Rows matching `condition` (SQL after WHERE, without it) in stored order.
    static func fetchAll(
        _ db: Database, where condition: String? = nil, arguments: StatementArguments = [],
        orderBy order: String = "rowid"
    ) throws -> [Value] {
        let sql = selectSQL + (condition.map { " WHERE \($0)" } ?? "") + " ORDER BY \(order)"
        var result: [Value] = []
        try each(db.cachedStatement(sql: sql), arguments: arguments) { result.append($0) }
        return result
    }
}

/// A table whose rows carry an optimistic-concurrency version, bumped by every saved change.
protocol VersionedTable: StoredTable {
    static func version(of value: Value) -> Int
    static func setting(version: Int, on value: Value) -> Value
}

extension VersionedTable {
    static func sameContent(_ a: Value, _ b: Value) -> Bool { setting(version: 0, on: a) == setting(version: 0, on: b) }

    static func restoring(_ value: Value, over stored: Value?) -> Value {
        setting(version: (stored.map(version(of:)) ?? version(of: value)) + 1, on: value)
    }
}

/// Text goes to SQLite as a C string (GRDB binds with length -1), so everything after a NUL character would be
/// cut off without a word. A value with NUL is refused instead: nothing is ever stored other than as typed.
enum StoredText {
    static func arguments(
        _ values: [(any DatabaseValueConvertible)?], columns: [String], kind: RecordKind
    ) throws -> StatementArguments {
        var converted: [DatabaseValue] = []
        converted.reserveCapacity(values.count)
        for (i, value) in values.enumerated() {
            let v = value?.databaseValue ?? .null
            if case .string(let text) = v.storage, containsNul(text) {
                throw StoreError.invalid(
                    field: "\(kind.label) (\(i < columns.count ? columns[i] : "?"))",
                    reason: "texten innehåller ett NUL-tecken (\\0), som inte kan sparas")
            }
            converted.append(v)
        }
        return StatementArguments(converted)
    }

    static func containsNul(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? text.utf8.contains(0)
    }
}
