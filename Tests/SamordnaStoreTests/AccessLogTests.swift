import Foundation
import GRDB
import SamordnaCore
import Testing

@testable import SamordnaStore

@Suite struct AccessLogTests {
    @Test func aReadIsLoggedWithTheMembersOrganisation() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        try store.logAccess(.read, participant: p.id, format: "tui", withNames: true, detail: "öppnad", by: "sven", at: Fixture.later)
        try store.logAccess(.export, participant: nil, participants: 12, format: "csv", withNames: false, detail: "participant list", by: "nobody", at: Fixture.later)
        let log = try store.accessLog()
        #expect(log.count == 2)
        #expect(log.map(\.action) == [.export, .read])
        let read = try #require(log.last)
        #expect(read.login == "sven")
        #expect(read.organisation == "Kommun-soc")
        #expect(read.participantID == p.id)
        #expect(read.participants == 1)
        #expect(read.format == "tui")
        #expect(read.withNames)
        #expect(read.at == Fixture.later)
        let export = try #require(log.first)
        #expect(export.organisation == "")
        #expect(export.participantID == nil)
        #expect(export.participants == 12)
        #expect(!export.withNames)
    }

    @Test func anAccessDoesNotMoveTheChangeLogSoNoWindowRefreshes() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let p = Fixture.participant(1)
        try store.addParticipant(p, by: "anna", at: Fixture.at)
        let mark = try store.changeMark()
        let logged = try store.changeLogCount()
        try store.logAccess(.read, participant: p.id, format: "text", withNames: true, detail: "show", by: "anna", at: Fixture.at)
        #expect(try store.changeMark() == mark)
        #expect(try store.changeLogCount() == logged)
        #expect(try store.refresh(since: mark, meetingsSince: nil)?.isEmpty == true)
    }

    @Test func theLogIsFilteredByParticipantMemberAndTime() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        let p1 = Fixture.participant(1)
        let p2 = Fixture.participant(2)
        try store.addParticipant(p1, by: "anna", at: Fixture.at)
        try store.addParticipant(p2, by: "anna", at: Fixture.at)
        try store.logAccess(.read, participant: p1.id, format: "tui", withNames: true, detail: "", by: "anna", at: Fixture.at)
        try store.logAccess(.revealPersonnummer, participant: p1.id, format: "tui", withNames: true, detail: "", by: "sven", at: Fixture.later)
        try store.logAccess(.print, participant: p2.id, format: "html", withNames: true, detail: "", by: "sven", at: Fixture.later)
        #expect(try store.accessLog(participant: p1.id).map(\.action) == [.revealPersonnummer, .read])
        #expect(try store.accessLog(member: "sven").map(\.action) == [.print, .revealPersonnummer])
        #expect(try store.accessLog(participant: p1.id, member: "sven").count == 1)
        #expect(try store.accessLog(since: Fixture.later).count == 2)
        #expect(try store.accessLog(limit: 1).map(\.action) == [.print])
        #expect(try store.accessLog(member: "jonna").isEmpty)
    }

    @Test func sqliteItselfRefusesToRewriteTheAccessLog() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        try store.logAccess(.read, participant: nil, participants: 0, format: "text", withNames: false, detail: "", by: "anna", at: Fixture.at)
        let db = try DatabaseQueue(path: dir.database.path)
        for sql in ["UPDATE access_log SET login = 'mallory'", "DELETE FROM access_log"] {
            do {
                try db.write { try $0.execute(sql: sql) }
                Issue.record("\(sql) gick igenom")
            } catch let error as DatabaseError {
                #expect(error.message?.contains("append-only") == true)
            }
        }
        #expect(try store.accessLog().map(\.login) == ["anna"])
    }

    @Test func anEmptyLoginIsRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try Fixture.store(in: dir)
        #expect(throws: StoreError.self) {
            try store.logAccess(.read, participant: nil, format: "text", withNames: false, detail: "", by: " ", at: Fixture.at)
        }
        #expect(try store.accessLog().isEmpty)
    }
}
