import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import SamordnaUI
import TerminalUI
import TerminalUITesting
import Testing

/// The real loop on a real database file, drawn into a text backend.
@MainActor
@Suite struct ProgramTests {
    nonisolated static let today = LocalDate(year: 2026, month: 11, day: 23)!

    /// A temporary caseload with an invented demo of `n` participants.
    final class Caseload {
        let directory: URL
        let store: CaseloadStore

        init(participants n: Int) throws {
            directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("samordna-runtime-\(UUID().uuidString)")
            let data = try DataDirectory.resolve(flag: directory.path, environment: [:])
            try data.prepare()
            store = try CaseloadStore.open(at: data.databaseURL)
            let demo = DemoCaseload.generate(participants: n, seed: 5, today: ProgramTests.today)
            try store.importCaseload(team: demo.team, records: demo.records, notes: demo.notes, by: "test", at: Date())
        }

        var databaseURL: URL { directory.appendingPathComponent("caseload.sqlite") }

        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    func program(_ caseload: Caseload, backend: TextBackend, clock: @escaping @Sendable () -> Date = { Date() }, fixed: Bool = true)
        -> Program
    {
        Program(
            backend: backend,
            runner: EffectRunner(store: caseload.store, clock: clock, timeZone: TimeZone(identifier: "Europe/Stockholm")!,
                fixedToday: fixed ? Self.today : nil, login: "anna.af"),
            user: "anna.af")
    }

    @Test func startDrawsTheFirstFullScreenFromTheDatabase() throws {
        let caseload = try Caseload(participants: 30)
        let backend = TextBackend()
        let p = program(caseload, backend: backend)
        p.start()
        let lines = backend.screen.lines()
        #expect(lines[0].contains("Samordna · Deltagarlista"))
        #expect(lines[0].contains("v. 48 · 2026-11-23 · anna.af"))
        #expect(lines[22] == " 1 av 30")
        #expect(backend.lastDiff?.isFullRepaint == true)
    }

    @Test func oneKeyRedrawsOnlyTheRowsThatChanged() throws {
        let caseload = try Caseload(participants: 30)
        let backend = TextBackend()
        let p = program(caseload, backend: backend)
        p.start()
        p.handle(.key(.char("j")))
        p.render()
        let rows = Set(backend.lastDiff!.runs.map(\.y))
        #expect(rows == [2, 3, 22], "old and new selection, and the position in the status line")
        #expect(backend.screen.lines()[22] == " 2 av 30")
    }

    @Test func appliedDiffsReproduceTheFrame() throws {
        let caseload = try Caseload(participants: 30)
        let backend = TextBackend()
        let p = program(caseload, backend: backend)
        p.start()
        for key in ["j", "j", "/", "a", "<Enter>", "<Enter>", "<PgDn>", "<Esc>", "G"] {
            p.handle(.key(KeyChord(parsing: key)!))
            p.render()
            #expect(backend.screen == view(p.state).buffer, "after \(key)")
        }
    }

    @Test func aColleaguesCommitAppearsWithoutRestarting() throws {
        let caseload = try Caseload(participants: 10)
        let backend = TextBackend()
        let p = program(caseload, backend: backend)
        p.start()
        p.idleTick()
        #expect(p.state.rows.count == 10, "nothing changed yet")

        // Another process (here: another connection) adds a participant.
        let colleague = try CaseloadStore.open(at: caseload.databaseURL)
        let newcomer = Participant(
            id: .init("colleague-1"), identity: .personnummer(try Personnummer(parsing: "19900101-9802", today: Self.today)),
            firstName: "Örjan", lastName: "Åkesson", enrolledOn: Self.today)
        try colleague.addParticipant(newcomer, by: "bjorn.soc", at: Date())

        p.idleTick()
        #expect(p.state.rows.count == 11)
        #expect(backend.screen.text.contains("Åkesson, Örjan"))
        #expect(backend.screen.text.contains("Uppdaterat med ändringar från en kollega"))
    }

    @Test func runLoopEndsOnQuitAndOnCtrlC() throws {
        let caseload = try Caseload(participants: 5)
        let backend = TextBackend()
        backend.enqueue(keys: ["j", "<Enter>", "<Esc>", "Q"])
        #expect(program(caseload, backend: backend).run() == .quit)

        let second = TextBackend()
        second.enqueue([.key(.char("j")), .interrupt])
        #expect(program(caseload, backend: second).run() == .interrupted)

        let third = TextBackend()
        third.enqueue([.hangup])
        #expect(program(caseload, backend: third).run() == .hangup)
    }

    @Test func resizeRepaintsTheWholeScreen() throws {
        let caseload = try Caseload(participants: 5)
        let backend = TextBackend()
        let p = program(caseload, backend: backend)
        p.start()
        backend.resize(to: Size(width: 60, height: 20))
        p.handle(backend.nextEvent(timeout: nil)!)
        p.render()
        #expect(backend.lastDiff?.isFullRepaint == true)
        #expect(backend.screen.lines()[0] == "Fönstret är för litet.")
    }

    @Test func midnightMovesTodayAndTheWeek() throws {
        let caseload = try Caseload(participants: 5)
        final class Clock: @unchecked Sendable {
            var now = Date(timeIntervalSince1970: 1_795_987_800)  // 2026-11-29 22:30 in Stockholm (Sunday)
        }
        let clock = Clock()
        let backend = TextBackend()
        let p = program(caseload, backend: backend, clock: { clock.now }, fixed: false)
        p.start()
        #expect(p.state.today == LocalDate(year: 2026, month: 11, day: 29))
        #expect(backend.screen.lines()[0].contains("v. 48"))
        clock.now = clock.now.addingTimeInterval(2 * 3600)
        p.idleTick()
        #expect(p.state.today == LocalDate(year: 2026, month: 11, day: 30))
        #expect(backend.screen.lines()[0].contains("v. 49"))
    }

    /// A key pressed after midnight, before the idle tick has noticed it, is handled on the new day: `v` opens
    /// the new week, read for the new day, and it is shown (not dropped as a list for another day).
    @Test func aKeyAfterMidnightIsHandledOnTheNewDay() throws {
        let caseload = try Caseload(participants: 5)
        final class Clock: @unchecked Sendable {
            var now = Date(timeIntervalSince1970: 1_795_987_800)  // 2026-11-29 22:30 in Stockholm (Sunday)
        }
        let clock = Clock()
        let p = program(caseload, backend: TextBackend(), clock: { clock.now }, fixed: false)
        p.start()
        clock.now = clock.now.addingTimeInterval(2 * 3600)
        p.handle(.key(KeyChord(parsing: "v")!))
        #expect(p.state.today == LocalDate(year: 2026, month: 11, day: 30))
        guard case .weekView(let v)? = p.state.stack.last else {
            Issue.record("no week view")
            return
        }
        #expect(v.week == IsoWeek(year: 2026, week: 49)!)
        #expect(v.list?.today == LocalDate(year: 2026, month: 11, day: 30))
        #expect(!v.isLoading)
    }

    /// A colleague's gallring erases a participant while this session shows them: the next look for a
    /// colleague's commit drops them from the list (the change log keeps nothing of them to say so).
    @Test func aParticipantErasedByAColleagueLeavesTheOpenList() throws {
        let caseload = try Caseload(participants: 60)
        let p = program(caseload, backend: TextBackend())
        p.start()
        let colleague = try CaseloadStore.open(at: caseload.databaseURL)
        let closed = try #require(p.state.caseload.records.first { $0.participant.status == .avslutad && $0.exit != nil })
        let run = try colleague.eraseParticipants(
            [closed.id], today: LocalDate(year: 2031, month: 1, day: 1)!, by: "bjorn.soc", at: Date())
        #expect(run.erased == 1)
        p.idleTick()
        #expect(p.state.caseload.record(closed.id) == nil)
        #expect(!p.state.caseload.records.contains { $0.id == closed.id })
    }

    @Test func aParticipantAddedThroughTheFormIsStoredAndLogged() throws {
        let caseload = try Caseload(participants: 3)
        let backend = TextBackend()
        let p = program(caseload, backend: backend)
        p.start()
        backend.enqueue(keys: ["n"])
        for key in ["n"] { _ = key; p.handle(backend.nextEvent(timeout: nil)!) }
        for c in "19850615-9808" { p.handle(.key(.char(c))) }
        p.handle(.key(KeyChord(.tab)))
        for c in "Åsa-Märta" { p.handle(.key(.char(c))) }
        p.handle(.key(KeyChord(.tab)))
        for c in "Öhrnström" { p.handle(.key(.char(c))) }
        p.handle(.key(.ctrl("s")))
        p.render()
        #expect(p.state.stack.isEmpty, "the form closed: \(p.state.status ?? "")")
        #expect(backend.screen.text.contains("Öhrnström, Åsa-Märta"))
        let stored = try caseload.store.loadCaseload().map(\.participant).first { $0.lastName == "Öhrnström" }
        #expect(stored?.firstName == "Åsa-Märta")
        let id = try #require(stored?.id)
        #expect(try caseload.store.changeLog(for: id, limit: 5).first?.login == "anna.af")
    }

    @Test func aNoteIsStampedWithTheLoggedInMember() throws {
        let caseload = try Caseload(participants: 3)
        let backend = TextBackend()
        let p = program(caseload, backend: backend)
        p.start()
        for key in ["<Enter>", "5", "n"] { p.handle(.key(KeyChord(parsing: key)!)) }
        for c in "Ringde om praktikplats." { p.handle(.key(.char(c))) }
        p.handle(.key(.ctrl("s")))
        p.render()
        #expect(backend.screen.text.contains("Ringde om praktikplats."))
        let id = p.state.openParticipant!.id
        let note = try #require(try caseload.store.notes(for: id).first { $0.text == "Ringde om praktikplats." })
        let author = try caseload.store.teamMember(login: "anna.af")
        #expect(note.authorID == author?.id)
        #expect(note.profession == .arbetsformedlare)
    }
}

/// A large caseload's first screen comes from its first page, in the same order as the whole list.
@MainActor
@Suite struct FirstPageTests {
    @Test func theFirstScreenIsTheTopOfTheWholeListWithTheTotal() throws {
        let caseload = try ProgramTests.Caseload(participants: 160)
        let backend = TextBackend(size: Size(width: 100, height: 30))
        var runner = EffectRunner(
            store: caseload.store, timeZone: TimeZone(identifier: "Europe/Stockholm")!, fixedToday: ProgramTests.today,
            login: "anna.af")
        runner.previewThreshold = 100
        let p = Program(backend: backend, runner: runner, user: "anna.af")
        p.showFirstScreen()
        #expect(p.state.previewTotal == 160)
        #expect(p.state.isLoading)
        let first = backend.screen.lines()
        #expect(first[28].hasPrefix(" 1 av 160  läser resten …"))
        let firstRows = p.state.rows.prefix(26).map(\.id)
        p.finishLoading()
        #expect(p.state.previewTotal == nil)
        #expect(p.state.rows.count == 160)
        #expect(Array(p.state.rows.prefix(26).map(\.id)) == Array(firstRows), "the first page is the top of the list")
        let whole = backend.screen.lines()
        #expect(Array(whole[1..<27]) == Array(first[1..<27]), "nothing moves when the rest arrives")
        #expect(whole[28].hasPrefix(" 1 av 160"))
    }

    @Test func aSmallCaseloadLoadsWholeAtOnce() throws {
        let caseload = try ProgramTests.Caseload(participants: 20)
        let p = ProgramTests().program(caseload, backend: TextBackend())
        p.showFirstScreen()
        #expect(p.state.previewTotal == nil)
        #expect(p.state.rows.count == 20)
        #expect(!p.state.isLoading)
    }
}

@MainActor
@Suite struct InterruptOutcomeTests {
    @Test func aCtrlCThatOnlyAskedDoesNotMakeTheExitAnInterruption() throws {
        let caseload = try ProgramTests.Caseload(participants: 3)
        let backend = TextBackend()
        backend.enqueue(keys: ["n", "1"])
        backend.enqueue([.interrupt])
        backend.enqueue(keys: ["<Esc>", "<Esc>", "y", "q"])
        // Ctrl-C on the changed form asks (Stanna kvar); then the form is left and q quits normally.
        #expect(ProgramTests().program(caseload, backend: backend).run() == .quit)
    }
}

/// A paste arrives as many keys at once: into a text field it is one edit.
@MainActor
@Suite struct PasteTests {
    @Test func aLongPasteIntoANoteIsOneEditAndKeepsEveryCharacter() throws {
        let caseload = try ProgramTests.Caseload(participants: 3)
        let backend = TextBackend()
        let text = String(repeating: "Åsa ringde om praktiken på lagret, 作者. ", count: 200)  // 8 000 characters
        backend.enqueue(keys: ["<Enter>", "5", "n"])
        backend.enqueue(text.map { InputEvent.key(.char($0)) })
        backend.enqueue(keys: ["<C-s>", "Q"])
        let p = ProgramTests().program(caseload, backend: backend)
        #expect(p.run() == .quit)
        let withNote = try caseload.store.loadCaseload().map(\.id).filter { id in
            (try? caseload.store.notes(for: id).contains { $0.text == text }) == true
        }
        #expect(withNote.count == 1, "the whole paste, every character, in one note")
    }

    @Test func charactersBeforeAFormOpensAreStillKeys() throws {
        let caseload = try ProgramTests.Caseload(participants: 3)
        let backend = TextBackend()
        // 'n' opens the new-participant form; the digits that follow in the same batch go into its field.
        backend.enqueue(keys: ["n", "1", "9", "8", "0", "<Tab>", "Å", "s", "a"])
        backend.enqueue([.hangup])
        let p = ProgramTests().program(caseload, backend: backend)
        #expect(p.run() == .hangup)
        guard case .participantForm(let f) = p.state.stack.last else {
            Issue.record("no form")
            return
        }
        #expect(f.form.value(of: "identity")?.string == "1980")
        #expect(f.form.value(of: "firstName")?.string == "Åsa")
    }
}
