import SamordnaCore
import SamordnaUI
import TerminalUI
import Testing

/// Over every kind of screen: Ctrl-C and a closed terminal never drop typed work unasked. The switch below
/// has no default, so a new kind of screen does not compile here until it is given a case, and with it a
/// check.
@Suite struct EveryScreenTests {
    enum Expectation { case quits, asks, savesFirst }

    /// The kinds of screen, named by the switch in `kind(of:)`.
    enum Kind: CaseIterable, Sendable {
        case participant, participantForm, noteForm, consentForm, recordForm, kartlaggningForm, insatsForm, insatsAction,
            meetingForm, meetingOutcome, teamTimeline, weekView, document, whoAmI, picker, confirm
    }

    /// No default: a new `Screen` case stops this from compiling until it is named here and given an example.
    static func kind(of screen: Screen) -> Kind {
        switch screen {
        case .participant: return .participant
        case .participantForm: return .participantForm
        case .noteForm: return .noteForm
        case .consentForm: return .consentForm
        case .recordForm: return .recordForm
        case .kartlaggningForm: return .kartlaggningForm
        case .insatsForm: return .insatsForm
        case .insatsAction: return .insatsAction
        case .meetingForm: return .meetingForm
        case .meetingOutcome: return .meetingOutcome
        case .teamTimeline: return .teamTimeline
        case .weekView: return .weekView
        case .document: return .document
        case .whoAmI: return .whoAmI
        case .picker: return .picker
        case .confirm: return .confirm
        }
    }

    /// A state with a screen of `kind` on top, something typed into it where it takes text, and what Ctrl-C
    /// must do.
    static func example(_ kind: Kind) -> (AppState, Expectation) {
        var s = Fixture.state()
        switch kind {
        case .participant:
            s.press("G", "<Enter>")
            return (s, .quits)
        case .participantForm:
            s.press("n")
            s.type("1980")
            return (s, .asks)
        case .noteForm:
            s.press("G", "<Enter>")
            _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
            s.press("5", "n")
            s.type("Ringde")
            return (s, .asks)
        case .consentForm:
            s.press("G", "<Enter>", "6", "n", "<Space>")
            return (s, .asks)
        case .recordForm:
            s.press("G", "<Enter>", "x", "<Right>")
            return (s, .asks)
        case .kartlaggningForm:
            s.press("G", "<Enter>")
            _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
            s.press("2")
            _ = update(
                &s,
                .kartlaggning(
                    .opened(
                        KartlaggningSession(
                            kartlaggning: KartlaggningFormTests.draft(), template: KartlaggningFormTests.template))))
            s.type("Kock")
            return (s, .savesFirst)
        case .insatsForm:
            s.press("G", "<Enter>")
            _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
            s.press("3", "n")
            s.type("PRA")
            s.press("<Enter>", "<Right>")  // the picker chose Arbetspraktik; the status changes
            return (s, .asks)
        case .insatsAction:
            s.press("G", "<Enter>")
            _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
            s.press("3", "a", "<Down>", "<Enter>", "<Tab>", "<Right>")
            return (s, .asks)
        case .meetingForm:
            s.press("G", "<Enter>")
            _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
            s.press("4", "n", "<Tab>")
            s.type("1")
            return (s, .asks)
        case .meetingOutcome:
            s.press("G", "<Enter>")
            _ = update(&s, .participant(.detailsLoaded(ParticipantDetails(record: Fixture.records[0]))))
            s.press("4", "a", "<Right>")
            return (s, .asks)
        case .teamTimeline:
            s.press("t")
            return (s, .quits)
        case .weekView:
            s.press("v")
            return (s, .quits)
        case .document:
            var k = KartlaggningFormTests.draft()
            k.status = .klar
            s.press("G", "<Enter>")
            _ = update(&s, .kartlaggning(.opened(KartlaggningSession(kartlaggning: k, template: KartlaggningFormTests.template))))
            return (s, .quits)
        case .whoAmI:
            var stranger = AppState(size: Size(width: 80, height: 24), today: Fixture.today, user: "okand")
            _ = update(&stranger, .caseload(.loaded(Fixture.caseload)))
            stranger.press("G", "<Enter>", "5", "n")
            return (stranger, .quits)
        case .picker:
            s.press("f")
            return (s, .quits)
        case .confirm:
            s.press("<Space>", "a", "<Enter>")
            return (s, .quits)
        }
    }

    @Test(arguments: Kind.allCases) func ctrlCOnEveryScreenAsksOrSavesBeforeTypedWorkIsLost(kind: Kind) {
        var (s, expected) = Self.example(kind)
        #expect(s.stack.last.map(Self.kind(of:)) == kind, "the example opens the screen it is for")
        let effects = update(&s, .interrupt)
        switch expected {
        case .quits:
            #expect(s.shouldQuit)
            #expect(effects.isEmpty)
        case .asks:
            #expect(!s.shouldQuit, "typed work is not dropped unasked")
            #expect(s.screenText.contains("sparas inte"))
        case .savesFirst:
            #expect(s.shouldQuit)
            #expect(!effects.isEmpty, "the page is saved before quitting")
        }
    }

    @Test(arguments: Kind.allCases) func aClosedTerminalNeverWaitsForAnAnswer(kind: Kind) {
        var (s, _) = Self.example(kind)
        _ = update(&s, .hangup)
        #expect(s.shouldQuit)
    }
}
