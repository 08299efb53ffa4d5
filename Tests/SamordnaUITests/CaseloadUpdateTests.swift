import SamordnaCore
import TerminalUI
import Testing

@testable import SamordnaUI

@Suite struct CaseloadUpdateTests {
    @Test func caseloadIsInSwedishOrderWithÅÄÖAfterZ() {
        let s = Fixture.state()
        #expect(s.visibleNames == ["Andersson, Erik", "Nguyen 作者, Lan", "Yılmaz, Zeynep", "Ängström, Jörgen", "Öberg, Åsa"])
    }

    @Test func movingStopsAtTheEnds() {
        var s = Fixture.state()
        s.press("k")
        #expect(s.list.selection == 0)
        s.press("j", "j", "<Down>")
        #expect(s.list.selection == 3)
        s.press("G")
        #expect(s.list.selection == 4)
        s.press("j")
        #expect(s.list.selection == 4)
        s.press("g")
        #expect(s.list.selection == 0)
    }

    @Test func pagingKeepsTheSelectionVisible() {
        var s = AppState(size: Size(width: 80, height: 24), today: Fixture.today, user: "anna")
        let many = (0..<100).map { i in
            ParticipantRecord(
                participant: Fixture.person(
                    String(format: "p%03d", i), "Namn\(i)", String(format: "Efternamn%03d", i),
                    .other(kind: "test", value: "t\(i)")))
        }
        _ = update(&s, .caseload(.loaded(Caseload(records: many, team: [], catalogue: []))))
        let page = CaseloadLayout(s.size).visibleRows
        s.press("<PgDn>")
        #expect(s.list.selection == page)
        #expect(s.list.scrollOffset + page > s.list.selection)
        s.press("<End>")
        #expect(s.list.selection == 99)
        #expect(s.list.scrollOffset == 100 - page)
        s.press("<C-u>")
        #expect(s.list.selection == 99 - page)
    }

    @Test func searchFiltersAsYouTypeOnNameIgnoringCase() {
        var s = Fixture.state()
        s.press("/")
        #expect(s.list.isEditingSearch)
        s.type("ö")
        #expect(s.visibleNames == ["Ängström, Jörgen", "Öberg, Åsa"])
        s.type("b")
        #expect(s.visibleNames == ["Öberg, Åsa"])
        s.press("<BS>")
        #expect(s.visibleNames.count == 2)
    }

    @Test func searchFindsPersonnummerInAnyAcceptedFormat() {
        for query in ["800101-9804", "198001019804", "19800101-9804", "8001019804", "800101"] {
            var s = Fixture.state()
            s.press("/")
            s.type(query)
            #expect(s.visibleNames == ["Öberg, Åsa"], "query \(query)")
        }
    }

    @Test func searchFindsAnOtherIdentityWithOrWithoutItsHyphen() {
        for query in ["99-123456", "99123456"] {
            var s = Fixture.state()
            s.press("/")
            s.type(query)
            #expect(s.visibleNames == ["Nguyen 作者, Lan"], "query \(query)")
        }
    }

    @Test func enterKeepsTheSearchAndEscClearsIt() {
        var s = Fixture.state()
        s.press("/")
        s.type("yıl")
        s.press("<Enter>")
        #expect(!s.list.isEditingSearch)
        #expect(s.visibleNames == ["Yılmaz, Zeynep"])
        // j while browsing moves instead of typing.
        s.press("j")
        #expect(s.list.search?.text == "yıl")
        s.press("<Esc>")
        #expect(s.list.search == nil)
        #expect(s.visibleNames.count == 5)
        #expect(s.selectedRow?.name == "Yılmaz, Zeynep", "the selected participant stays selected")
    }

    @Test func enterOpensTheSelectedParticipantAndEscGoesBack() {
        var s = Fixture.state()
        let effects = s.press("G", "<Enter>")
        #expect(effects == [.participant(.openRecord(Participant.ID("p1")))], "the whole history is asked for")
        #expect(s.openParticipant?.id == Participant.ID("p1"))
        s.press("<Esc>")
        #expect(s.stack.isEmpty)
        #expect(s.selectedRow?.name == "Öberg, Åsa")
    }

    @Test func theFullRecordReplacesTheOverviewWhenItArrives() {
        var s = Fixture.state()
        s.press("G", "<Enter>")
        var full = Fixture.records[0]
        full.meetings.append(
            Meeting(
                id: .init("old"), participantID: full.id, date: Fixture.date("2025-02-03"),
                time: TimeOfDay(text: "09:00")!, kind: .kartlaggning, professions: [.arbetsformedlare],
                outcome: .genomfort))
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: full))))
        #expect(s.openParticipant!.lines.contains { $0.text.contains("Senast: mån 2025-02-03 09:00  kartläggning") })
        // A record for someone else (the user went on) is ignored.
        let before = s
        _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[1]))))
        #expect(s == before)
    }

    @Test func qQuitsFromTheListAndGoesBackFromAParticipant() {
        var s = Fixture.state()
        s.press("<Enter>", "q")
        #expect(s.stack.isEmpty)
        #expect(!s.shouldQuit)
        s.press("q")
        #expect(s.shouldQuit)
    }

    @Test func capitalQQuitsFromAnywhere() {
        var s = Fixture.state()
        s.press("<Enter>", "Q")
        #expect(s.shouldQuit)
    }

    @Test func aColleaguesCommitReloadsTheCaseload() {
        var s = Fixture.state()
        let effects = update(&s, .storeChangedElsewhere)
        #expect(effects == [.caseload(.refresh)])
    }

    @Test func reloadKeepsTheSelectedParticipantWhenRowsMove() {
        var s = Fixture.state()
        s.press("G")
        var caseload = Fixture.caseload
        caseload.replace(
            ParticipantRecord(participant: Fixture.person("p6", "Adam", "Aho", .other(kind: "test", value: "x"))))
        _ = update(&s, .caseload(.loaded(caseload)))
        #expect(s.selectedRow?.name == "Öberg, Åsa")
        #expect(s.list.visible.count == 6)
    }

    @Test func flagsFollowTheCoreRules() {
        let s = Fixture.state()
        let erik = s.rows.first { $0.name == "Andersson, Erik" }!
        #expect(erik.flags.contains(.noOngoingInsats))
        #expect(erik.flags.contains(.consentMissing))
        let zeynep = s.rows.first { $0.name == "Yılmaz, Zeynep" }!
        #expect(zeynep.flags.contains(.noJobFocusedInsats))
        #expect(zeynep.flags.contains(.consentExpiring))
        let asa = s.rows.first { $0.name == "Öberg, Åsa" }!
        #expect(!asa.flags.contains(.noJobFocusedInsats))
    }

    @Test func helpListsOnlyAvailableCommandsWithTheirActiveKeys() {
        var s = Fixture.state()
        s.press("?")
        let help = try! #require(s.help)
        let entries = help.groups.flatMap(\.entries)
        #expect(entries.contains { $0.title == "Sök" && $0.keys == ["/"] })
        #expect(entries.contains { $0.title == "Avsluta" && $0.keys.contains("Q") })
        #expect(!entries.contains { $0.title == "Tillbaka" }, "nothing to go back from on the list")
        s.press("<Esc>")
        #expect(s.help == nil)
    }

    @Test func aUserBindingShowsInHelp() {
        var keymap = DefaultKeymap.make()
        keymap.bind(KeyChord(parsing: "s")!, to: .search, in: .caseload)
        var s = AppState(size: Size(width: 80, height: 24), today: Fixture.today, user: "anna", keymap: keymap)
        _ = update(&s, .caseload(.loaded(Fixture.caseload)))
        s.press("?")
        let search = s.help!.groups.flatMap(\.entries).first { $0.title == "Sök" }
        #expect(search?.keys == ["/", "s"])
    }

    @Test func everyCommandHasATitleAndADefaultKey() {
        let keymap = DefaultKeymap.make()
        for command in Command.allCases {
            #expect(!CommandCatalogue.info(command).title.isEmpty)
            let bound = KeyContext.allCases.contains { !keymap.chords(for: command, in: [$0]).isEmpty }
            #expect(bound, "\(command) has no key")
        }
    }

    @Test func aTooSmallWindowAcceptsOnlyQuit() {
        var s = Fixture.state(width: 70, height: 20)
        #expect(s.isTooSmall)
        s.press("j", "<Enter>")
        #expect(s.stack.isEmpty)
        s.press("Q")
        #expect(s.shouldQuit)
    }

    @Test func ctrlCAndHangupQuit() {
        var s = Fixture.state()
        _ = update(&s, .interrupt)
        #expect(s.shouldQuit)
        var t = Fixture.state()
        _ = update(&t, .hangup)
        #expect(t.shouldQuit)
    }

    @Test func aNewDayRecomputesFlags() {
        var s = Fixture.state()
        #expect(!(s.rows.first { $0.name == "Öberg, Åsa" }!.flags.contains(.consentExpiring)))
        _ = update(&s, .dayChanged(Fixture.date("2027-09-15")))
        #expect(s.rows.first { $0.name == "Öberg, Åsa" }!.flags.contains(.consentExpiring))
    }
}
