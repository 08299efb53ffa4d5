import ArgumentParser
import Foundation
import SamordnaCore
import SamordnaStore
import TerminalUI

/// `samordna audit`: the access log, newest first. Nothing in Samordna edits or removes a line.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Visa åtkomstloggen: vem som läst, visat personnummer, exporterat eller skrivit ut.",
        discussion: """
            Varje öppnad deltagare (terminalgränssnittet och 'participant show'), varje visat personnummer och \
            varje export eller utskrift loggas med vem, organisation, när, vilka deltagare (antal när de är \
            flera), format och om namn var med. Loggen kan inte ändras eller tas bort genom Samordna. Nyast först.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("participant"), help: ArgumentHelp("Bara rader om den här deltagaren.", valueName: "id|personnummer"))
    var participant: String?

    @Option(name: .customLong("member"), help: ArgumentHelp("Bara rader av den här inloggningen.", valueName: "login"))
    var member: String?

    @Option(name: .customLong("since"), help: ArgumentHelp("Bara rader från och med den här dagen.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(name: .customLong("format"), help: "table (standard) eller json.")
    var format: Format = .table

    func validate() throws {
        try common.validate()
        if let since, LocalDate(iso: since) == nil {
            throw ValidationError("ogiltigt datum för --since \(quotedValue(since)): skriv ÅÅÅÅ-MM-DD")
        }
    }

    func run() throws {
        try exitOnFailure {
            let store = try common.openStore(creating: false)
            var pid: Participant.ID?
            if let participant {
                do {
                    pid = try ParticipantCommand.Show.find(participant, in: try store.participants(), today: common.currentDay())
                } catch {
                    // A participant no longer stored is still named by its whole id in the log.
                    let raw = Participant.ID(participant.trimmingCharacters(in: .whitespaces))
                    guard try !store.accessLog(participant: raw, limit: 1).isEmpty else { throw error }
                    pid = raw
                }
            }
            let start = since.flatMap(LocalDate.init(iso:)).map(Self.startOfDay)
            let entries = try store.accessLog(participant: pid, member: member, since: start)
            switch format {
            case .table: print(Self.table(entries), terminator: "")
            case .json: print(try Self.json(entries))
            }
        }
    }

    static func startOfDay(_ day: LocalDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? .distantPast
    }

    static func time(_ date: Date) -> String { isoMinute(date, in: .current) }

    static func who(_ e: AccessLogEntry) -> String {
        if let id = e.participantID { return id.short }
        return "\(e.participants) deltagare"
    }

    static func table(_ entries: [AccessLogEntry]) -> String {
        if entries.isEmpty { return "Inga rader i åtkomstloggen.\n" }
        let header = ["Tid", "Inloggning", "Organisation", "Åtgärd", "Deltagare", "Format", "Namn", "Detalj"]
        let rows = entries.map { e in
            [
                time(e.at), Sanitize.line(e.login), Sanitize.line(e.organisation.isEmpty ? "–" : e.organisation),
                e.action.rawValue, who(e), Sanitize.line(e.format), e.withNames ? "ja" : "nej", Sanitize.line(e.detail),
            ]
        }
        let all = [header] + rows
        let widths = (0..<header.count).map { c in all.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        var out = ""
        for row in all {
            let cells = row.enumerated().map { c, text in
                c == row.count - 1 ? text : text + String(repeating: " ", count: widths[c] - DisplayWidth.of(text))
            }
            out += cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        return out
    }

    struct Line: Encodable {
        var sequence: Int64
        var at: String
        var login: String
        var organisation: String
        var action: String
        /// Null for an export of many.
        @NullWhenAbsent var participantId: String?
        var participants: Int
        var format: String
        var withNames: Bool
        var detail: String
    }

    static func json(_ entries: [AccessLogEntry]) throws -> String {
        let iso = ISO8601DateFormatter()
        let lines = entries.map {
            Line(
                sequence: $0.sequence, at: iso.string(from: $0.at), login: $0.login, organisation: $0.organisation,
                action: $0.action.rawValue, participantId: $0.participantID?.rawValue, participants: $0.participants,
                format: $0.format, withNames: $0.withNames, detail: $0.detail)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(lines), as: UTF8.self)
    }
}
