import Testing

@testable import SamordnaCore

private let today = RulesFixture.today
private let participant: Participant = {
    var p = RulesFixture.participant("p1", "19800101-9804", "Åsa", "Öberg", enrolled: "2026-01-10")
    p.forsorjningsstodSince = LocalDate(iso: "2024-05-01")
    return p
}()

private func exit(_ change: (inout ExitDraft) -> Void = { _ in }) -> Result<ExitRecord, FieldErrors<ExitField>> {
    var draft = ExitDraft(outcome: "A1", date: "2026-06-01", stepAtStart: "1", stepAtExit: "6")
    change(&draft)
    return ExitValidation.validate(draft, for: participant, today: today)
}

private func exitErrors(_ change: (inout ExitDraft) -> Void) -> FieldErrors<ExitField> {
    if case .failure(let e) = exit(change) { return e }
    return FieldErrors()
}

@Suite struct StatusTransitionTests {
    private let closing = ExitRecord(participantID: Participant.ID("p1"), date: RulesFixture.date("2026-06-01"), outcome: .a1)

    @Test(arguments: [
        (ParticipantStatus.aktualiserad, ParticipantStatus.aktiv), (.aktiv, .vilande), (.vilande, .aktiv),
        (.avslutad, .aktiv), (.aktiv, .aktiv),
    ])
    func allowedMovesPass(from: ParticipantStatus, to: ParticipantStatus) throws {
        #expect(try StatusTransition.validate(from: from, to: to, exit: nil).get() == to)
    }

    @Test func aMoveOutsideTheLifecycleNamesTheAllowedOnes() {
        #expect(
            StatusTransition.validate(from: .aktualiserad, to: .vilande, exit: nil).failureReason
                == "från aktualiserad kan en deltagare bara bli aktiv eller avslutad, inte vilande")
        #expect(
            StatusTransition.validate(from: .avslutad, to: .vilande, exit: nil).failureReason
                == "från avslutad kan en deltagare bara bli aktiv, inte vilande")
    }

    @Test func closingWithoutAnExitRecordIsRefused() {
        #expect(
            StatusTransition.validate(from: .aktiv, to: .avslutad, exit: nil).failureReason
                == "ett avslut med avslutsorsak och datum krävs för att avsluta en deltagare (x)")
    }

    @Test func closingWithAnExitRecordPasses() throws {
        #expect(try StatusTransition.validate(from: .vilande, to: .avslutad, exit: closing).get() == .avslutad)
    }

    @Test func closingWithAnotherParticipantsExitRecordIsRefused() {
        var other = participant
        other.id = Participant.ID("p2")
        #expect(
            StatusTransition.validate(other, to: .avslutad, exit: closing).failureReason
                == "avslutet gäller en annan deltagare")
    }
}

@Suite struct ExitValidationTests {
    @Test func aValidExitBuildsTheRecordWithItsFollowUps() throws {
        let record = try exit().get()
        #expect(record.participantID == participant.id)
        #expect(record.outcome == .a1)
        #expect(record.stepAtStart == .kartlaggning && record.stepAtExit == .osubventioneratArbeteEllerStudier)
        #expect(record.followUp4Weeks == RulesFixture.date("2026-06-29"))
        #expect(record.followUp6Months == RulesFixture.date("2026-12-01"))
    }

    @Test func theOutcomeCodeIsRequired() {
        #expect(exitErrors { $0.outcome = "" }[.outcome]?.hasPrefix("välj en avslutsorsak (A1, A2") == true)
    }

    @Test func anUnknownOutcomeCodeIsRefused() {
        #expect(exitErrors { $0.outcome = "B7" }[.outcome]?.hasPrefix("okänd avslutsorsak \"B7\"") == true)
    }

    @Test func codesAreReadInAnyCaseAndOForÖ() throws {
        #expect(try exit { $0.outcome = "s1" }.get().outcome == .s1)
        #expect(try exit { $0.outcome = "o2" }.get().outcome == .o2)
        #expect(try exit { $0.outcome = "ö1" }.get().outcome == .o1)
    }

    @Test func annatRequiresAText() {
        #expect(
            exitErrors { $0.outcome = "Ä1" }[.outcomeText] == "beskriv vad som hände (krävs för Ä1 Annat)")
    }

    @Test func annatWithATextPasses() throws {
        let record = try exit {
            $0.outcome = "ä1"
            $0.outcomeText = "Flyttade utomlands"
        }.get()
        #expect(record.outcome == .a_annat && record.outcomeText == "Flyttade utomlands")
    }

    @Test func anOverLongTextIsRefused() {
        #expect(exitErrors { $0.outcomeText = String(repeating: "x", count: 501) }[.outcomeText] == "högst 500 tecken (nu 501)")
    }

    @Test func theDateIsRequired() {
        #expect(exitErrors { $0.date = "" }[.date] == "ange avslutsdatum (ÅÅÅÅ-MM-DD)")
    }

    @Test func aDateBeforeEnrolmentIsRefused() {
        #expect(exitErrors { $0.date = "2026-01-09" }[.date] == "kan inte vara före aktualiseringen 2026-01-10")
    }

    @Test func aDateAfterTodayIsRefused() {
        #expect(exitErrors { $0.date = "2026-06-16" }[.date] == "datumet 2026-06-16 ligger i framtiden (idag är 2026-06-15)")
    }

    @Test func theEnrolmentDayAndTodayAreBothAllowed() throws {
        #expect(try exit { $0.date = "2026-01-10" }.get().date == participant.enrolledOn)
        #expect(try exit { $0.date = "2026-06-15" }.get().date == today)
    }

    @Test(arguments: ["8", "-1", "två", "1.5"])
    func stepsOutsideZeroToSevenAreRefused(step: String) {
        #expect(exitErrors { $0.stepAtExit = step }[.stepAtExit]?.hasPrefix("ange ett steg 0–7") == true)
    }

    @Test func stepsMayBeLeftOut() throws {
        let record = try exit {
            $0.stepAtStart = ""
            $0.stepAtExit = ""
        }.get()
        #expect(record.stepAtStart == nil && record.stepAtExit == nil)
    }

    @Test func forsorjningsstodEndedNeedsItsDate() {
        #expect(
            exitErrors { $0.forsorjningsstodEnded = true }[.forsorjningsstodEndedOn]
                == "ange när försörjningsstödet upphörde")
    }

    @Test func forsorjningsstodEndedWithADateIsKept() throws {
        let record = try exit {
            $0.forsorjningsstodEnded = true
            $0.forsorjningsstodEndedOn = "2026-05-31"
        }.get()
        #expect(record.forsorjningsstodEnded && record.forsorjningsstodEndedOn == RulesFixture.date("2026-05-31"))
    }

    @Test func anEndDateWithoutTheFlagIsRefused() {
        #expect(
            exitErrors { $0.forsorjningsstodEndedOn = "2026-05-31" }[.forsorjningsstodEndedOn]
                == "ange datum bara om försörjningsstödet har upphört")
    }

    @Test func anEndBeforeItStartedIsRefused() {
        let e = exitErrors {
            $0.forsorjningsstodEnded = true
            $0.forsorjningsstodEndedOn = "2024-04-30"
        }
        #expect(e[.forsorjningsstodEndedOn] == "kan inte vara före försörjningsstöd sedan 2024-05-01")
    }
}
