import Testing

@testable import SamordnaCore

private let pid = Participant.ID("p1")
private let anna = TeamMember.ID("anna")
private let bo = TeamMember.ID("bo")
private let cecilia = TeamMember.ID("cecilia")

private func d(_ iso: String) -> LocalDate { RulesFixture.date(iso) }

private func assignment(
    _ id: String, _ member: TeamMember.ID, _ from: String, to: String? = nil,
    profession: Profession = .arbetsformedlare
) -> ResponsibleAssignment {
    ResponsibleAssignment(
        id: ResponsibleAssignment.ID(id), participantID: pid, profession: profession, memberID: member,
        from: d(from), to: to.map(d))
}

private func assign(_ member: TeamMember.ID, on day: String, current: [ResponsibleAssignment])
    -> Result<ResponsibleChange, RuleViolation>
{
    ResponsibleChange.assign(
        member, as: .arbetsformedlare, to: pid, on: d(day), current: current, newID: ResponsibleAssignment.ID("new"))
}

@Suite struct ResponsibleChangeTests {
    @Test func aFirstAssignmentStartsOnTheDayAndIsNoChangeOfCaseworker() throws {
        let change = try assign(anna, on: "2026-03-01", current: []).get()
        #expect(change.writes == [assignment("new", anna, "2026-03-01")])
        #expect(!change.isContinuityChange)
    }

    @Test func aNewMemberEndsTheCurrentAssignmentTheDayBefore() throws {
        let current = assignment("a1", anna, "2025-01-01")
        let change = try assign(bo, on: "2026-03-01", current: [current]).get()
        #expect(change.writes == [assignment("a1", anna, "2025-01-01", to: "2026-02-28"), assignment("new", bo, "2026-03-01")])
        #expect(change.isContinuityChange)
    }

    @Test func theSameMemberAgainChangesNothing() throws {
        let change = try assign(anna, on: "2026-03-01", current: [assignment("a1", anna, "2025-01-01")]).get()
        #expect(change.isNoOp)
        #expect(!change.isContinuityChange)
    }

    @Test func otherProfessionsAreLeftAlone() throws {
        let soc = assignment("s1", cecilia, "2025-01-01", profession: .socialsekreterare)
        let change = try assign(bo, on: "2026-03-01", current: [soc]).get()
        #expect(change.writes == [assignment("new", bo, "2026-03-01")])
    }

    @Test func aChangeOnTheDayTheCurrentStartedCorrectsItInPlace() throws {
        let history = [assignment("a1", anna, "2025-01-01", to: "2026-02-28"), assignment("a2", bo, "2026-03-01")]
        let change = try assign(cecilia, on: "2026-03-01", current: history).get()
        #expect(change.writes == [assignment("a2", cecilia, "2026-03-01")])
        #expect(change.isContinuityChange)
    }

    @Test func aNewMemberAfterAGapIsStillAChangeOfCaseworker() throws {
        let change = try assign(bo, on: "2026-03-01", current: [assignment("a1", anna, "2025-01-01", to: "2025-12-31")]).get()
        #expect(change.writes == [assignment("new", bo, "2026-03-01")])
        #expect(change.isContinuityChange)
    }

    @Test func theSameMemberBackAfterAGapIsNoChangeOfCaseworker() throws {
        let change = try assign(anna, on: "2026-03-01", current: [assignment("a1", anna, "2025-01-01", to: "2025-12-31")]).get()
        #expect(!change.isContinuityChange)
    }

    @Test func aChangeBeforeALaterAssignmentIsRefused() {
        let result = assign(bo, on: "2026-03-01", current: [assignment("a1", anna, "2026-04-01")])
        #expect(
            result.failureReason
                == "det finns redan en ansvarig arbetsförmedlare från 2026-04-01; en ändring kan inte börja före den")
    }
}

@Suite struct ContinuityWarningTests {
    private let history = [
        assignment("a1", anna, "2025-01-01", to: "2026-02-28"), assignment("a2", bo, "2026-03-01"),
        assignment("s1", cecilia, "2025-01-01", profession: .socialsekreterare),
    ]

    @Test func aChangeWithinNinetyDaysIsWarnedAbout() {
        let handovers = ContinuityWarning.handovers(in: history, on: d("2026-05-29"))
        #expect(
            handovers == [
                ResponsibleHandover(profession: .arbetsformedlare, previous: anna, next: bo, date: d("2026-03-01"))
            ])
    }

    @Test func theWarningEndsAfterNinetyDays() {
        #expect(!ContinuityWarning.handovers(in: history, on: d("2026-05-30")).isEmpty)
        #expect(ContinuityWarning.handovers(in: history, on: d("2026-05-31")).isEmpty)
    }

    @Test func aFirstAssignmentIsNoHandover() {
        #expect(ContinuityWarning.handovers(in: [assignment("a1", anna, "2026-05-01")], on: d("2026-05-02")).isEmpty)
    }

    @Test func aChangeNotYetInEffectIsNotWarnedAbout() {
        #expect(ContinuityWarning.handovers(in: history, on: d("2026-02-28")).isEmpty)
    }

    @Test func aRecordWithARecentChangeGetsTheWarning() {
        let record = ParticipantRecord(
            participant: RulesFixture.participant("p1", "19800101-9804", "Åsa", "Öberg"), assignments: history)
        #expect(ContinuityWarning.applies(to: record, on: d("2026-03-15")))
        #expect(!ContinuityWarning.applies(to: record, on: d("2026-09-15")))
    }
}
