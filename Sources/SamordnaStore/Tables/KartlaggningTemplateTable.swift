import Foundation
import GRDB
import SamordnaCore

/// One template version as stored: the template, the file text it was read from, and who registered it when.
public struct StoredTemplate: Hashable, Sendable {
    public var template: KartlaggningTemplate
    /// The YAML text the version was read from, kept so the team can see exactly what it said.
    public var source: String
    public var registeredAt: Date
    public var registeredBy: String

    public var version: Int { template.version }
}

/// `kartlaggning_template`: append-only (triggers refuse UPDATE and DELETE). Not a `StoredTable`: a version is
/// never edited, so it needs no version check, and its registration is not a change to anyone's record.
enum KartlaggningTemplateTable {
    static let select = "SELECT version, content, source, registered_at, registered_by FROM kartlaggning_template"

    static func fetch(version: Int, _ db: Database) throws -> StoredTemplate? {
        try Row.fetchOne(db, sql: select + " WHERE version = ?", arguments: [version]).map(decode)
    }

    static func latest(_ db: Database) throws -> StoredTemplate? {
        try Row.fetchOne(db, sql: select + " ORDER BY version DESC LIMIT 1").map(decode)
    }

    static func versions(_ db: Database) throws -> [Int] {
        try Int.fetchAll(db, sql: "SELECT version FROM kartlaggning_template ORDER BY version")
    }

    static func insert(_ stored: StoredTemplate, _ db: Database) throws {
        let content = try ChangeJSON.text(stored.template)
        let arguments = try StoredText.arguments(
            [stored.version, stored.template.title, content, stored.source, stored.registeredAt.timeIntervalSince1970,
             stored.registeredBy],
            columns: ["version", "title", "content", "source", "registered_at", "registered_by"], kind: .kartlaggning)
        try db.execute(
            sql: """
                INSERT INTO kartlaggning_template (version, title, content, source, registered_at, registered_by)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: arguments)
    }

    static func decode(_ row: Row) throws -> StoredTemplate {
        let version: Int = row[0]
        let content: String = row[1]
        guard let template = try? ChangeJSON.decoder().decode(KartlaggningTemplate.self, from: Data(content.utf8)) else {
            throw StoreError.unreadableRecord(
                kind: .kartlaggning, id: "mallversion \(version)", reason: "mallen kan inte läsas av den här versionen")
        }
        return StoredTemplate(
            template: template, source: row[2], registeredAt: Date(timeIntervalSince1970: row[3]), registeredBy: row[4])
    }
}
