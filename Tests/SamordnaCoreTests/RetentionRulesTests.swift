import Testing

@testable import SamordnaCore

private func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

/// Closed 2026-03-01, 6-month follow-up 2026-09-01, last entry 2026-09-10, with entries by AF and socialtjänsten.
private let closed = RetentionFacts(
    participantID: Participant.ID("p1"), closed: true, exitDate: day("2026-03-01"), lastFollowUp: day("2026-09-01"),
    lastEntry: day("2026-09-10"), organisations: [.af, .kommunSoc])

@Suite struct RetentionRulesTests {
    @Test func anOpenParticipantIsNeverDueHoweverOld() {
        var open = closed
        open.closed = false
        let d = RetentionRules.decide(open, policies: RetentionPolicies(), today: day("2099-01-01"))
        #expect(!d.due)
        #expect(d.from == nil)
        #expect(d.reason == "Inte avslutad: en pågående deltagare gallras inte.")
    }

    @Test func theDefaultIs24MonthsAfterTheLaterOfTheFollowUpAndTheLastEntry() {
        #expect(RetentionRule.default == .afterFollowUp(months: 24))
        let before = RetentionRules.decide(closed, policies: RetentionPolicies(), today: day("2028-09-09"))
        #expect(!before.due)
        #expect(before.from == day("2028-09-10"))
        #expect(before.deadline == nil)
        let on = RetentionRules.decide(closed, policies: RetentionPolicies(), today: day("2028-09-10"))
        #expect(on.due)
        #expect(
            on.reason
                == "Gallras från 2028-09-10: avslutad 2026-03-01, sista uppföljning 2026-09-01, sista post 2026-09-10; "
                + "AF, Kommun-soc: 24 mån efter sista uppföljningen (2028-09-10).")
    }

    @Test func theFollowUpCountsWhenItIsLaterThanTheLastEntry() {
        var f = closed
        f.lastEntry = day("2026-03-01")
        let d = RetentionRules.decide(f, policies: RetentionPolicies([.af: .afterFollowUp(months: 6)]), today: day("2026-01-01"))
        // AF: 6 months after 2026-09-01; Kommun-soc keeps the default and decides.
        #expect(d.from == day("2028-09-01"))
    }

    @Test func personaktIsFiveYearsAfterTheLastEntryAndDoneByTheEndOfTheFollowingYear() {
        let policies = RetentionPolicies([.kommunSoc: .personakt])
        let d = RetentionRules.decide(closed, policies: policies, today: day("2031-09-09"))
        #expect(!d.due)
        #expect(d.from == day("2031-09-10"))
        #expect(d.deadline == day("2032-12-31"))
        #expect(d.reason.contains("Kommun-soc: personakt 5 år efter sista anteckningen (2031-09-10, senast 2032-12-31)"))
        #expect(d.reason.contains("AF: 24 mån efter sista uppföljningen (2028-09-10)"))
        #expect(RetentionRules.decide(closed, policies: policies, today: day("2031-09-10")).due)
    }

    @Test func everyOrganisationWithEntriesMustBeDueTheLatestDecides() {
        let policies = RetentionPolicies([.af: .afterFollowUp(months: 1), .kommunSoc: .afterFollowUp(months: 36)])
        let d = RetentionRules.decide(closed, policies: policies, today: day("2029-01-01"))
        #expect(!d.due)
        #expect(d.from == day("2029-09-10"))
        var onlyAF = closed
        onlyAF.organisations = [.af]
        #expect(RetentionRules.decide(onlyAF, policies: policies, today: day("2026-10-10")).due)
    }

    @Test func noOrganisationsMeansTheDefaultRule() {
        var f = closed
        f.organisations = []
        let d = RetentionRules.decide(f, policies: RetentionPolicies([.af: .afterFollowUp(months: 1)]), today: day("2028-09-10"))
        #expect(d.due)
        #expect(d.reason.contains("inga organisationers poster: standardregeln 24 mån efter sista uppföljningen"))
    }

    @Test func aClosedParticipantWithoutAnyDateIsNotDue() {
        let f = RetentionFacts(participantID: Participant.ID("p2"), closed: true, organisations: [.af])
        #expect(!RetentionRules.decide(f, policies: RetentionPolicies(), today: day("9000-01-01")).due)
        let p = RetentionRules.decide(f, policies: RetentionPolicies([.af: .personakt]), today: day("9000-01-01"))
        #expect(!p.due)
    }

    @Test func storedRulesAreReadBackAndNonsenseIsRefused() {
        #expect(RetentionRule(code: "efter-uppfoljning", months: 18) == .afterFollowUp(months: 18))
        #expect(RetentionRule(code: "personakt", months: nil) == .personakt)
        #expect(RetentionRule(code: "efter-uppfoljning", months: 0) == nil)
        #expect(RetentionRule(code: "efter-uppfoljning", months: 121) == nil)
        #expect(RetentionRule(code: "personakt", months: 60) == nil)
        #expect(RetentionRule(code: "för-alltid", months: nil) == nil)
        for rule in [RetentionRule.afterFollowUp(months: 7), .personakt] {
            let months: Int? = if case .afterFollowUp(let m) = rule { m } else { nil }
            #expect(RetentionRule(code: rule.code, months: months) == rule)
        }
    }

    /// The bound the week list's gallring count reads by: whoever is due on a day left no later than
    /// `latestExitPossiblyDue`. Checked on the first due day (the tightest) for every exit day of five years,
    /// month ends included, with no follow-up and no entry after the exit, for the default, one organisation
    /// with each kind of rule, and rules for some organisations only.
    @Test func nobodyDueLeftAfterTheLatestExitPossiblyDue() {
        let settings: [[Organisation: RetentionRule]] = [
            [:], [.af: .afterFollowUp(months: 1)], [.af: .afterFollowUp(months: 6)], [.kommunSoc: .personakt],
            [.af: .afterFollowUp(months: 1), .kommunSoc: .personakt],
            Dictionary(uniqueKeysWithValues: Organisation.allCases.map { ($0, RetentionRule.afterFollowUp(months: 1)) }),
        ]
        let owners: [Set<Organisation>] = [[], [.af], [.kommunSoc], [.af, .kommunSoc], [.region]]
        var checked = 0
        for rules in settings {
            let policies = RetentionPolicies(rules)
            for owner in owners {
                var exit = day("2023-01-01")
                while exit <= day("2027-12-31") {
                    let facts = RetentionFacts(
                        participantID: Participant.ID("p"), closed: true, exitDate: exit, lastEntry: exit, organisations: owner)
                    let first = RetentionRules.decide(facts, policies: policies, today: exit).from!
                    #expect(RetentionRules.decide(facts, policies: policies, today: first).due)
                    #expect(exit <= policies.latestExitPossiblyDue(on: first), "\(rules) \(owner) \(exit)")
                    exit = exit.adding(days: 1)
                    checked += 1
                }
            }
        }
        #expect(checked > 50_000)
    }
}
