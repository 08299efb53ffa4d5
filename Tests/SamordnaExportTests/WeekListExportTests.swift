import Foundation
import SamordnaCore
import SamordnaExport
import Testing

/// The veckolista's five formats compared with golden files (Tests/SamordnaExportTests/Golden; run with
/// UPDATE_GOLDEN=1 to rewrite them after a deliberate change), and the rules each format must keep: pseudonyms,
/// no place without names, escaping, the calendar's time zone, folding and line endings.
@Suite struct WeekListExportTests {
    // 2026-W43 ends on the last Sunday of October, when summer time ends (03:00 → 02:00).
    let week = IsoWeek(year: 2026, week: 43)!
    let today = LocalDate(iso: "2026-10-20")!
    let anna = TeamMember(id: .init("m-anna"), name: "Anna Lind", profession: .arbetsformedlare, login: "anna")
    let sven = TeamMember(id: .init("m-sven"), name: "Sven Åkesson-Bergström", profession: .socialsekreterare, login: "sven")
    let jonna = TeamMember(id: .init("m-jonna"), name: "Jonna Ek", profession: .jobbcoach, login: "jonna")
    let generated = Date(timeIntervalSince1970: 1_792_483_200)  // 2026-10-20 08:00 UTC

    func d(_ s: String) -> LocalDate { LocalDate(iso: s)! }

    func record(_ id: String, _ first: String, _ last: String, protected: Bool = false) -> ParticipantRecord {
        let p = Participant(
            id: .init(id), identity: .other(kind: "test", value: id), protectedIdentity: protected, firstName: first,
            lastName: last, status: .aktiv, enrolledOn: d("2026-01-01"))
        let assignments = [anna, sven, jonna].map {
            ResponsibleAssignment(id: .init("a-\(id)-\($0.login)"), participantID: p.id, profession: $0.profession, memberID: $0.id, from: d("2026-01-01"))
        }
        let consent = Consent(
            id: .init("c-\(id)"), participantID: p.id, discloser: [.af, .socialtjanst, .jobbtorg], recipient: [.af, .socialtjanst, .jobbtorg],
            categories: [.afPlanering, .socialSituation], purposes: [.samordnadPlanering], validFrom: d("2026-01-01"), validTo: d("2027-06-30"),
            registeredBy: sven.id)
        return ParticipantRecord(participant: p, assignments: assignments, consents: [consent])
    }

    func meeting(_ pid: String, _ id: String, _ date: String, _ time: String, _ kind: MeetingKind, _ members: [TeamMember],
                 outcome: MeetingOutcome = .planerat, version: Int = 1, interpreter: String? = nil, place: String? = "Hornsgatan 1, rum 3")
        -> Meeting
    {
        Meeting(
            id: .init(id), participantID: .init(pid), date: d(date), time: TimeOfDay(text: time)!, durationMinutes: 60, kind: kind,
            professions: members.map(\.profession), interpreter: interpreter != nil, location: place, outcome: outcome,
            members: members.map(\.id), interpreterLanguage: interpreter, version: version)
    }

    func fixture() -> WeekList {
        var asa = record("p-asa", "Åsa", "Öberg")
        asa.meetings = [
            meeting("p-asa", "mt-dst", "2026-10-25", "10:00", .trepartssamtal, [anna, sven, jonna], interpreter: "tigrinja"),
            meeting("p-asa", "mt-cancel", "2026-10-21", "09:30", .uppfoljning, [anna], outcome: .installt, version: 3),
            meeting("p-asa", "mt-noshow", "2026-10-14", "13:00", .uppfoljning, [sven], outcome: .uteblev),
        ]
        asa.episodes = [
            InsatsEpisode(
                id: .init("e-pra"), participantID: asa.id, typeCode: "PRA", status: .pagar, start: d("2026-08-01"),
                plannedEnd: d("2026-10-23"), nextFollowUp: d("2026-10-22"), owner: .af)
        ]
        var formula = record("p-formula", "Ärlig \"Semi;kolon\"", "=HYPERLINK(\"http://x\")")
        formula.consents = []
        formula.meetings = [meeting("p-formula", "mt-formula", "2026-10-20", "14:00", .kartlaggning, [jonna, anna], place: "<script>alert(1)</script>")]
        formula.episodes = [
            InsatsEpisode(
                id: .init("e-sfi"), participantID: formula.id, typeCode: "SFI", status: .planerad, plannedStart: d("2026-10-22"),
                plannedEnd: d("2027-06-01"), owner: .kommunSoc)
        ]
        var hidden = record("p-hidden", "Hemlig", "Person", protected: true)
        hidden.meetings = [meeting("p-hidden", "mt-hidden", "2026-10-22", "10:00", .sip, [anna])]
        var closed = record("p-closed", "Bo", "Ek")
        closed.participant.status = .avslutad
        closed.exit = ExitRecord(participantID: closed.id, date: d("2026-09-24"), outcome: .a1)  // 4 weeks: 2026-10-22
        return WeekList(
            week: week, today: today, team: [anna, sven, jonna], catalogue: DefaultInsatsCatalogue.all, reader: .team(anna),
            records: [asa, formula, hidden, closed], protectedPolicy: .leaveOut)
    }

    func export(names: Bool = false) -> WeekListExport {
        WeekListExport(list: fixture(), names: names, codeSalt: 42, generated: generated)
    }

    func golden(_ name: String, _ text: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(decoding: Data(contentsOf: url), as: UTF8.self)
        #expect(text == expected, "\(name) differs from its golden file (UPDATE_GOLDEN=1 rewrites it)")
    }

    @Test func csvMatchesItsGoldenFile() throws { try golden("week.csv", export().csv()) }
    @Test func markdownMatchesItsGoldenFile() throws { try golden("week.md", export().markdown()) }
    @Test func htmlMatchesItsGoldenFile() throws { try golden("week.html", export().html()) }
    @Test func icsMatchesItsGoldenFile() throws { try golden("week.ics", export().ics()) }
    @Test func jsonMatchesItsGoldenFile() throws { try golden("week.json", export().json()) }
    @Test func namedCSVMatchesItsGoldenFile() throws { try golden("week-names.csv", export(names: true).csv(delimiter: ",")) }

    @Test func pseudonymisedExportsHoldNoNameNoPlaceAndNoProtectedParticipant() {
        let e = export()
        for text in [e.csv(), e.markdown(), e.html(), e.ics(), e.json()] {
            #expect(!text.contains("Öberg"))
            #expect(!text.contains("Hornsgatan"))
            #expect(!text.contains("Hemlig"))
            #expect(!text.contains("p-asa"))
            #expect(text.contains("Å.Ö. "))
        }
        let named = export(names: true)
        #expect(named.csv().contains("Öberg, Åsa"))
        #expect(named.ics().contains("LOCATION:Hornsgatan 1\\, rum 3"))
        #expect(!named.ics().contains("Hemlig"))
    }

    @Test func codesHoldWithinOneExportAndDifferBetweenExports() {
        let a = WeekListExport(list: fixture(), names: false, codeSalt: 1, generated: generated)
        let b = WeekListExport(list: fixture(), names: false, codeSalt: 2, generated: generated)
        let id = Participant.ID("p-asa")
        #expect(a.code(id) == a.code(id))
        #expect(a.code(id) != b.code(id))
        #expect(a.code(id).count == 6)
    }

    @Test func csvIsForSwedishExcel() {
        let csv = export().csv()
        #expect(csv.hasPrefix("\u{FEFF}vecka;avsnitt;datum;tid;deltagare;"))
        #expect(csv.contains("\r\n"))
        let named = export(names: true).csv()
        // A name that looks like a formula is kept as text.
        #expect(named.contains("'=HYPERLINK"))
        #expect(!named.contains(";=HYPERLINK"))
    }

    @Test func calendarKeepsLocalTimeAcrossTheEndOfSummerTime() {
        let ics = export().ics()
        #expect(ics.contains("DTSTART;TZID=Europe/Stockholm:20261025T100000\r\n"))
        #expect(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n"))
        #expect(ics.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"))
        #expect(ics.contains("UID:mt-dst@samordna\r\n"))
        #expect(ics.contains("UID:mt-cancel@samordna\r\nDTSTAMP:20261020T080000Z\r\n"))
        #expect(ics.contains("SEQUENCE:2\r\nSTATUS:CANCELLED\r\n"))
        #expect(!ics.contains("mt-hidden"))
    }

    @Test func calendarLinesAreCRLFAndFoldedAt75OctetsWithoutSplittingACharacter() {
        let ics = export(names: true).ics()
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
        let long = String(repeating: "åäö", count: 40)
        let folded = WeekListExport.foldContentLine("SUMMARY:" + long)
        for line in folded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75)
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + long)
    }

    @Test func htmlIsEscapedAndMarkedConfidential() {
        let html = export(names: true).html()
        #expect(html.contains("Arbetsmaterial – sekretess"))
        #expect(html.contains("@page { size: A4"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func anEarlierExportIsRecognisedInEveryFormatAndNothingElseIs() {
        let e = export()
        for text in [e.csv(), e.csv(delimiter: ","), e.markdown(), e.html(), e.ics(), e.json()] {
            #expect(WeekListExport.isEarlierExport(Array(text.utf8.prefix(4096))))
        }
        #expect(!WeekListExport.isEarlierExport(Array("Mina anteckningar\n".utf8)))
        #expect(!WeekListExport.isEarlierExport(Array("\u{FEFF}id;namn\r\n".utf8)))
    }

    @Test func restrictedItemsAreCountedNotDescribed() {
        var list = fixture()
        list.days[2].restricted = 1
        let e = WeekListExport(list: list, names: false, codeSalt: 42, generated: generated)
        #expect(e.markdown().contains("1 möte (sekretess)"))
        #expect(e.csv().contains("1 möte (sekretess)"))
    }
}
