import Testing

@testable import SamordnaCore

private let today = LocalDate(year: 2026, month: 6, day: 15)!

private func demo(_ n: Int, seed: UInt64 = 42) -> DemoCaseload {
    DemoCaseload.generate(participants: n, seed: seed, today: today)
}

private func personnummer(_ record: ParticipantRecord) -> Personnummer? {
    if case .personnummer(let p) = record.participant.identity { return p }
    return nil
}

@Suite struct DemoCaseloadTests {
    @Test func sameSeedAndDayGiveTheSameCaseload() {
        #expect(demo(150) == demo(150))
    }

    @Test func anotherSeedGivesAnotherCaseload() {
        #expect(demo(50, seed: 1).records != demo(50, seed: 2).records)
    }

    @Test func hasTheRequestedNumberOfParticipants() {
        #expect(demo(0).records.isEmpty)
        #expect(demo(37).records.count == 37)
    }

    @Test func aHundredParticipantsShareTheCoreTeamOfThree() {
        let team = demo(100).team.filter(\.active)
        #expect(team.map(\.profession) == Profession.core)
        #expect(team.map(\.login) == ["anna.af", "bjorn.soc", "carin.jc"])
    }

    @Test func largerCaseloadsGetOneMemberPerProfessionPerHundredTwentyParticipants() {
        let team = demo(360).team
        for profession in Profession.core {
            #expect(team.filter { $0.active && $0.profession == profession }.count == 3)
        }
        #expect(Set(team.map(\.login)).count == team.count)
    }

    @Test func everyPersonnummerIsAValidTestNumber() throws {
        for record in demo(1_000).records {
            guard let p = personnummer(record) else { continue }
            #expect(try Personnummer(storedDigits: p.digits) == p)
            let birthNumber = Int(p.digits.dropFirst(8).prefix(3))!
            #expect((980...999).contains(birthNumber), "\(p)")
        }
    }

    @Test func participantsAreAged20To64() {
        for record in demo(1_000).records {
            guard let birth = record.participant.identity.birthDate else { continue }
            #expect(birth <= today.adding(months: -20 * 12) && birth > today.adding(months: -65 * 12))
        }
    }

    @Test func identitiesAreUniqueEvenForTenThousandParticipants() {
        let records = demo(10_000).records
        #expect(Set(records.map(\.participant.identity.storedValue)).count == 10_000)
        #expect(Set(records.map(\.id)).count == 10_000)
    }

    @Test func aboutEightPercentAreSamordningsnummer() {
        let records = demo(2_000).records
        let share = Double(records.compactMap(personnummer).filter(\.isSamordningsnummer).count) / 2_000
        #expect((0.05...0.11).contains(share))
    }

    @Test func aFewHaveAReservnummer() {
        let others = demo(2_000).records.filter { personnummer($0) == nil }
        #expect(!others.isEmpty && others.count < 60)
        #expect(others.allSatisfy { $0.participant.identity.kindLabel == "reservnummer" })
    }

    @Test func protectedParticipantsHaveNoContactDetails() {
        let protected = demo(1_000).records.map(\.participant).filter(\.protectedIdentity)
        #expect(!protected.isEmpty)
        #expect(protected.allSatisfy { $0.phone == nil && $0.email == nil && $0.address == nil })
    }

    @Test func closedParticipantsAndOnlyThoseHaveAnExitRecord() {
        let records = demo(1_000).records
        let closed = records.filter { $0.participant.status == .avslutad }
        #expect((50...150).contains(closed.count))
        #expect(records.allSatisfy { ($0.participant.status == .avslutad) == ($0.exit != nil) })
        #expect(closed.allSatisfy { r in r.exit!.date < today && r.exit!.date > r.participant.enrolledOn })
    }

    @Test func showcaseNamesComeFirst() {
        let names = demo(10).records.map(\.participant.fullName)
        #expect(names.prefix(4) == ["Åsa Öberg", "Mohammed Al-Khalili", "Amina Hassan", "Jörgen Ängström"])
        #expect(names.contains("Zeynep Yılmaz") && names.contains("Jelena Petrović"))
    }

    @Test func genderMixIncludesNonBinaryAndUndisclosed() {
        let genders = demo(1_000).records.map(\.participant.gender)
        #expect(Set(genders) == Set(Gender.allCases))
    }

    @Test func episodesUseOffersOpenOnTheirStartDate() {
        for record in demo(500).records {
            for e in record.episodes {
                let type = DefaultInsatsCatalogue.byCode[e.typeCode]
                #expect(type != nil)
                #expect(type!.isOffered(on: e.expectedStart!), "\(e.typeCode) \(e.expectedStart!)")
                if let end = e.expectedEnd { #expect(e.expectedStart! <= end) }
            }
        }
    }

    @Test func meetingsAreOnWeekdaysInOfficeHours() {
        let earliest = TimeOfDay(hour: 8, minute: 30)!
        let latest = TimeOfDay(hour: 16, minute: 0)!
        for meeting in demo(500).records.flatMap(\.meetings) {
            #expect(meeting.date.isoWeekday <= 5)
            #expect(earliest <= meeting.time && meeting.time <= latest)
            if meeting.outcome == .planerat {
                #expect(meeting.date > today && meeting.date <= today.adding(days: 31))
            } else {
                #expect(meeting.date < today)
            }
        }
    }

    @Test func someParticipantsChangedResponsibleCaseworker() {
        #expect(demo(300).records.contains { $0.assignments.count > Profession.core.count })
    }

    @Test func everyWarningTheTeamWorksByAppears() {
        let caseload = demo(400)
        var seen: Set<ParticipantFlag> = []
        for record in caseload.records {
            seen.formUnion(CaseloadRules.flags(for: record, catalogue: DefaultInsatsCatalogue.byCode, on: today))
        }
        #expect(seen == Set(ParticipantFlag.allCases))
    }

    @Test func mostOpenParticipantsHaveAJobFocusedInsatsButNotAll() {
        let open = demo(1_000).records.filter { $0.participant.status == .aktiv }
        let lacking = open.filter {
            CaseloadRules.flags(for: $0, catalogue: DefaultInsatsCatalogue.byCode, on: today)
                .contains(.noJobFocusedInsats)
        }
        #expect(!lacking.isEmpty && lacking.count < open.count / 4)
    }

    @Test func notesBelongToKnownParticipantsAndAuthors() {
        let caseload = demo(200)
        let participants = Set(caseload.records.map(\.id))
        let members = Set(caseload.team.map(\.id))
        #expect(caseload.notes.count >= 200)
        #expect(caseload.notes.allSatisfy { participants.contains($0.participantID) && members.contains($0.authorID) })
    }
}

/// The demo tells the truth: it raises only the warnings a real caseload would.
@Suite struct DemoTruthTests {
    let today = LocalDate(year: 2026, month: 11, day: 23)!
    var demo: DemoCaseload { DemoCaseload.generate(participants: 1_000, seed: 3, today: today) }

    @Test func everyEpisodePassesTheFormsRulesAndNoneRunsPastItsMaximum() {
        let catalogue = DefaultInsatsCatalogue.byCode
        var planning: [InsatsWarning] = []
        for record in demo.records {
            for e in record.episodes {
                var draft = InsatsDraft(e)
                if e.status.isEnded, draft.endReason == nil { draft.endReason = .genomford }
                #expect((try? InsatsRules.validate(draft, catalogue: catalogue, existing: e, today: today).get()) != nil, "\(e)")
            }
            planning += InsatsPlanning.warnings(record.episodes, catalogue: catalogue, today: today)
        }
        #expect(planning.isEmpty, "\(planning.prefix(5))")
    }

    @Test func oneSubsidisedEmploymentAtATimeAndOmfattningOnlyOnActivities() {
        let employments: Set<String> = ["NSJ", "INJ", "LB", "OSA", "ETB", "EXT", "KVA"]
        for record in demo.records {
            let running = record.episodes.filter { $0.isOngoing(on: today) }
            #expect(running.filter { employments.contains($0.typeCode) }.count <= 1)
            for e in record.episodes where ["SIP", "FINS", "SYV", "BUS", "BOS", "VNR"].contains(e.typeCode) {
                #expect(e.extentPercent == nil, "\(e.typeCode) has an omfattning")
            }
        }
    }

    @Test func meetingsAreSpreadOverTheWorkingWeek() {
        let meetings = demo.records.flatMap(\.meetings)
        let fridays = meetings.filter { $0.date.isoWeekday == 5 }.count
        #expect(meetings.allSatisfy { $0.date.isoWeekday <= 5 })
        #expect(Double(fridays) / Double(meetings.count) < 0.3, "\(fridays) of \(meetings.count) on Fridays")
    }

    @Test func mostActiveParticipantsHaveAJobFocusedInsatsAndSomeDoNot() {
        let catalogue = DefaultInsatsCatalogue.byCode
        let active = demo.records.filter { $0.participant.status == .aktiv }
        let lacking = active.filter {
            InsatsPlanning.bipWarnings($0.episodes, catalogue: catalogue, on: today).contains(.noJobFocused)
        }
        #expect(lacking.count > 0 && lacking.count < active.count / 3)
    }
}
