import Foundation
import SamordnaCore
import SamordnaRuntime
import SamordnaStore
import SamordnaUI
import TerminalUI
import TerminalUITesting
import Testing

/// A kartläggning from the Kartläggning tab to klar, through the real loop, a real database and a real
/// template file in the data directory; then a second one from a copy, compared with the first.
@MainActor
@Suite struct KartlaggningFlowTests {
    static let template = """
        version: 3
        titel: Liten mall
        avsnitt:
          - id: A
            titel: Mål
            frågor:
              - id: mal
                fråga: Vad vill du arbeta med?
                typ: text
                obligatorisk: ja
              - id: tro
                fråga: Jag tror att jag får ett arbete
                typ: skala
                skala: {låg: inte alls, hög: helt}
                obligatorisk: ja
          - id: B
            titel: Vardag
            frågor:
              - id: korkort
                fråga: Har du körkort?
                typ: ja-nej
        """

    func program(_ caseload: ProgramTests.Caseload, _ backend: TextBackend) -> Program {
        Program(
            backend: backend,
            runner: EffectRunner(
                store: caseload.store, clock: { Date() }, timeZone: TimeZone(identifier: "Europe/Stockholm")!,
                fixedToday: ProgramTests.today, login: "anna.af", dataDirectory: caseload.directory),
            user: "anna.af")
    }

    func keys(_ p: Program, _ keys: String...) {
        for k in keys { p.handle(.key(KeyChord(parsing: k)!)) }
    }

    func type(_ p: Program, _ text: String) {
        for c in text { p.handle(.key(.char(c))) }
    }

    @Test func fillQuitContinueCompleteCopyAndCompare() throws {
        let caseload = try ProgramTests.Caseload(participants: 3)
        try Self.template.write(to: caseload.directory.appendingPathComponent("kartlaggning.yaml"), atomically: true, encoding: .utf8)
        let backend = TextBackend(size: Size(width: 100, height: 30))
        var p = program(caseload, backend)
        p.start()
        keys(p, "<Enter>", "2")
        let id = try #require(p.state.openParticipant?.id)
        keys(p, "n", "y")
        p.render()
        #expect(backend.screen.text.contains("1/3 Mål"))
        type(p, "Lagerarbete i Västerås")
        keys(p, "<Tab>", "<Right>", "<Right>")  // tro: 2
        keys(p, "<Esc>")  // leaves, saving the page
        p.render()
        #expect(backend.screen.text.contains("utkast"))

        // Start again: the draft is there with its answers.
        p = program(caseload, backend)
        p.start()
        keys(p, "<Enter>", "2")
        let drafts = try caseload.store.kartlaggningar(for: id)
        #expect(drafts.count == 1)
        #expect(drafts.first?.answers["mal"] == .text("Lagerarbete i Västerås"))
        #expect(drafts.first?.answers["tro"] == .scale(2))
        #expect(drafts.first?.templateVersion == 3)
        keys(p, "e", "<C-n>", "<C-n>")
        keys(p, "<Tab>", "<Right>", "<Right>", "<Right>")  // tilltro 3
        keys(p, "<C-s>", "y")
        p.render()
        let first = try #require(try caseload.store.kartlaggningar(for: id).first)
        #expect(first.status == .klar, "\(p.state.status ?? "")")
        #expect(first.professionsPresent == [.arbetsformedlare])
        #expect(try caseload.store.assessments(for: first.id).first?.belief == 3)

        // A second one starts from a copy; the scale moves up; the comparison shows the arrow.
        keys(p, "n", "y")
        p.render()
        #expect(backend.screen.text.contains("Lagerarbete i Västerås"), "copied from the completed one")
        keys(p, "<Tab>", "<Right>", "<Right>", "<C-n>", "<C-n>")  // tro: 2 → 4
        keys(p, "<Tab>", "<Right>", "<Right>", "<Right>", "<Right>", "<C-s>", "y")
        let both = try caseload.store.kartlaggningar(for: id)
        #expect(both.count == 2)
        #expect(both.allSatisfy { $0.status == .klar })
        keys(p, "c", "<Enter>")
        p.render()
        let text = backend.screen.text
        #expect(text.contains("Jag tror att jag får ett arbete  [2 → 4 ↑]"))
        #expect(text.contains("tilltro 3 → 4 ↑"))
    }

    @Test func theHistoryShowsDraftSavesOnceAndNeverTheAnswers() throws {
        let caseload = try ProgramTests.Caseload(participants: 3)
        try Self.template.write(to: caseload.directory.appendingPathComponent("kartlaggning.yaml"), atomically: true, encoding: .utf8)
        let p = program(caseload, TextBackend(size: Size(width: 100, height: 30)))
        p.start()
        keys(p, "<Enter>", "2", "n", "y")
        type(p, "Lagerarbete")
        keys(p, "<Tab>", "<Right>", "<Right>", "<Right>", "<C-n>", "<Right>", "<Esc>", "1")
        let history = try #require(p.state.openParticipant?.details?.history)
        let draftLines = history.filter { $0.summary.contains("ändrade kartläggningen") }
        #expect(draftLines.count == 1, "\(history.map(\.summary))")
        #expect(draftLines.first?.summary.contains("sparningar") == true)
        let all = history.flatMap { [$0.summary] + $0.changes.map { "\($0.field) \($0.old) \($0.new)" } }.joined(separator: "\n")
        #expect(!all.contains("Lagerarbete"), "answers stay in the kartläggning")
        #expect(all.contains("besvarade frågor"))
    }

    @Test func twoPeopleFillingOneDraftKeepBothTheirAnswers() throws {
        let caseload = try ProgramTests.Caseload(participants: 3)
        try Self.template.write(to: caseload.directory.appendingPathComponent("kartlaggning.yaml"), atomically: true, encoding: .utf8)
        let anna = program(caseload, TextBackend(size: Size(width: 100, height: 30)))
        anna.start()
        keys(anna, "<Enter>", "2")
        let id = try #require(anna.state.openParticipant?.id)
        keys(anna, "n", "y", "<Esc>")
        // Björn (another process: another program on the same database) opens the same draft.
        let bjorn = Program(
            backend: TextBackend(size: Size(width: 100, height: 30)),
            runner: EffectRunner(
                store: try CaseloadStore.open(at: caseload.databaseURL), timeZone: TimeZone(identifier: "Europe/Stockholm")!,
                fixedToday: ProgramTests.today, login: "bjorn.soc", dataDirectory: caseload.directory),
            user: "bjorn.soc")
        bjorn.start()
        keys(anna, "e")  // both have the draft open
        keys(bjorn, "<Enter>", "2", "e", "<C-n>", "<Right>")  // Vardag: körkort ja, saved at once
        guard case .kartlaggningForm(let bf) = bjorn.state.stack.last else {
            Issue.record("Björn has no form: \(bjorn.state.status ?? "") \(bjorn.state.stack.map { "\($0)".prefix(40) })")
            return
        }
        #expect(bf.content.session.kartlaggning.answers["korkort"] == .yesNoUnknown(.ja), "\(bjorn.state.status ?? "")")
        type(anna, "Kock")
        keys(anna, "<Tab>")  // Anna saves on the version she opened: Björn's answer must stay
        #expect(anna.state.status == "Sparat; en kollegas svar i samma utkast har kommit in")
        let stored = try #require(try caseload.store.kartlaggningar(for: id).first)
        #expect(stored.answers["mal"] == .text("Kock"))
        #expect(stored.answers["korkort"] == .yesNoUnknown(.ja))
    }

    @Test func aBrokenTemplateFileKeepsTheLastValidVersionAndSaysSo() throws {
        let caseload = try ProgramTests.Caseload(participants: 2)
        let file = caseload.directory.appendingPathComponent("kartlaggning.yaml")
        try Self.template.write(to: file, atomically: true, encoding: .utf8)
        let backend = TextBackend(size: Size(width: 100, height: 30))
        let p = program(caseload, backend)
        p.start()
        keys(p, "<Enter>", "2", "n", "y", "<Esc>", "<Esc>")
        // Someone breaks the file; the next participant's new kartläggning uses version 3 and says why.
        try (Self.template + "\n  - id: C\n\ttitel: tabb\n").write(to: file, atomically: true, encoding: .utf8)
        keys(p, "j", "<Enter>", "2")
        p.render()
        // The tab says so before anyone starts one.
        #expect(p.state.openParticipant?.details?.templateNotice?.contains("kartlaggning.yaml:") == true)
        #expect(backend.screen.text.contains("Mallen har fel"))
        keys(p, "n", "y")
        p.render()
        let status = p.state.status ?? ""
        #expect(status.contains("Mallen har fel"), "\(status)")
        #expect(status.contains("kartlaggning.yaml:"))
        #expect(status.contains("visar senaste giltiga version 3"))
        guard case .kartlaggningForm(let form) = p.state.stack.last else {
            Issue.record("no form")
            return
        }
        #expect(form.content.session.template.version == 3)
    }

    @Test func printWritesAPrivatePseudonymisedDocument() throws {
        let caseload = try ProgramTests.Caseload(participants: 2)
        try Self.template.write(to: caseload.directory.appendingPathComponent("kartlaggning.yaml"), atomically: true, encoding: .utf8)
        let p = program(caseload, TextBackend(size: Size(width: 100, height: 30)))
        p.start()
        keys(p, "<Enter>", "2")
        let person = try #require(p.state.openParticipant.flatMap { s in p.state.caseload.records.first { $0.id == s.id } })
        keys(p, "n", "y")
        type(p, "Kock")
        keys(p, "<Esc>", "p")
        let status = try #require(p.state.status)
        #expect(status.hasPrefix("Utskrift sparad: "), "\(status)")
        let path = String(status.dropFirst("Utskrift sparad: ".count))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("Kock"))
        #expect(!text.contains(person.participant.lastName), "pseudonymised: no surname")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
