import Testing

@testable import SamordnaCore

private let pid = Participant.ID("p1")
private let registrar = TeamMember.ID("anna")
private let today = RulesFixture.today

private func draft(_ change: (inout ConsentDraft) -> Void = { _ in }) -> ConsentDraft {
    var d = ConsentDraft(
        discloser: [.af, .socialtjanst], recipient: [.af, .socialtjanst, .jobbtorg],
        categories: [.identitetKontakt, .afPlanering], purposes: [.samordnadPlanering], validFrom: "2026-02-01",
        validTo: "2027-02-01", documentReference: "Dnr SOC 2026/123")
    change(&d)
    return d
}

private func validate(_ d: ConsentDraft) -> Result<Consent, FieldErrors<ConsentField>> {
    ConsentValidation.validate(d, participant: pid, registeredBy: registrar, id: Consent.ID("c1"))
}

private func consentErrors(_ change: (inout ConsentDraft) -> Void) -> FieldErrors<ConsentField> {
    if case .failure(let e) = validate(draft(change)) { return e }
    return FieldErrors()
}

private func consent() throws -> Consent { try validate(draft()).get() }

@Suite struct ConsentValidationTests {
    @Test func aCompleteDraftBecomesAConsent() throws {
        let c = try consent()
        #expect(c.participantID == pid && c.registeredBy == registrar)
        #expect(c.validFrom == RulesFixture.date("2026-02-01") && c.validTo == RulesFixture.date("2027-02-01"))
        #expect(c.documentReference == "Dnr SOC 2026/123")
        #expect(c.withdrawnOn == nil)
    }

    @Test func atLeastOneDiscloserAndOneRecipientAreNeeded() {
        let e = consentErrors {
            $0.discloser = []
            $0.recipient = []
        }
        #expect(e[.discloser] == "välj minst en myndighet som får lämna uppgifter")
        #expect(e[.recipient] == "välj minst en myndighet som får ta emot uppgifter")
    }

    @Test func anAuthorityCannotOnlyShareWithItself() {
        let e = consentErrors {
            $0.discloser = [.af]
            $0.recipient = [.af]
        }
        #expect(e[.recipient] == "välj en annan myndighet än den som lämnar uppgifterna")
    }

    @Test func atLeastOneCategoryIsNeeded() {
        #expect(consentErrors { $0.categories = [] }[.categories] == "välj vilka uppgifter samtycket gäller")
    }

    @Test func everyCategoryAtOnceCountsAsAllInformationAndIsRefused() {
        let e = consentErrors { $0.categories = Set(InformationCategory.allCases) }
        #expect(e[.categories] == "ett samtycke får inte gälla all information; välj bara de uppgifter som behövs")
    }

    @Test func atLeastOnePurposeIsNeeded() {
        #expect(consentErrors { $0.purposes = [] }[.purposes] == "välj minst ett syfte")
    }

    @Test func anEndDateIsRequiredAndTheSuggestionIsTwelveMonths() {
        #expect(
            consentErrors { $0.validTo = "" }[.validTo]
                == "ett samtycke måste ha ett slutdatum (förslag: 2027-02-01)")
    }

    @Test func aStartDateIsRequired() {
        #expect(consentErrors { $0.validFrom = "" }[.validFrom] == "ange från vilket datum samtycket gäller")
    }

    @Test func theEndCannotComeBeforeTheStart() {
        #expect(consentErrors { $0.validTo = "2026-01-31" }[.validTo] == "kan inte vara före giltigt från (2026-02-01)")
    }

    @Test func aOneDayConsentIsAllowed() throws {
        #expect(try validate(draft { $0.validTo = "2026-02-01" }).get().validTo == RulesFixture.date("2026-02-01"))
    }

    @Test func datesMustBeIso() {
        #expect(consentErrors { $0.validFrom = "1/2 2026" }[.validFrom]?.hasPrefix("ogiltigt datum") == true)
    }

    @Test func anOverLongDocumentReferenceIsRefused() {
        #expect(
            consentErrors { $0.documentReference = String(repeating: "d", count: 201) }[.documentReference]
                == "högst 200 tecken (nu 201)")
    }

    @Test func aNewDraftSuggestsTwelveMonths() {
        let d = ConsentDraft(startingOn: RulesFixture.date("2026-01-31"))
        #expect(d.validFrom == "2026-01-31" && d.validTo == "2027-01-31")
        #expect(ConsentValidation.suggestedValidTo(from: RulesFixture.date("2028-02-29")) == RulesFixture.date("2029-02-28"))
    }
}

@Suite struct ConsentWithdrawalTests {
    @Test func aWithdrawalIsRecordedWithDateHowAndWho() throws {
        let w = try ConsentValidation.withdraw(
            try consent(), on: "2026-06-01", how: "per telefon", registeredBy: TeamMember.ID("bo"), today: today
        ).get()
        #expect(w.withdrawnOn == RulesFixture.date("2026-06-01"))
        #expect(w.withdrawnHow == "per telefon" && w.withdrawalRegisteredBy == TeamMember.ID("bo"))
        #expect(!w.isValid(on: RulesFixture.date("2026-06-01")))
    }

    @Test func aWithdrawalNeedsADateNotBeforeTheStart() throws {
        let c = try consent()
        let missing = ConsentValidation.withdraw(c, on: "", how: "", registeredBy: registrar, today: today)
        #expect(missing.fieldError(.withdrawnOn) == "ange när samtycket återkallades")
        let early = ConsentValidation.withdraw(c, on: "2026-01-31", how: "", registeredBy: registrar, today: today)
        #expect(early.fieldError(.withdrawnOn) == "kan inte vara före giltigt från (2026-02-01)")
        let future = ConsentValidation.withdraw(c, on: "2026-06-16", how: "", registeredBy: registrar, today: today)
        #expect(future.fieldError(.withdrawnOn)?.contains("ligger i framtiden") == true)
    }

    @Test func aWithdrawalNeedsWhoRegisteredIt() throws {
        let result = ConsentValidation.withdraw(try consent(), on: "2026-06-01", how: "", registeredBy: nil, today: today)
        #expect(result.fieldError(.withdrawalRegisteredBy) == "ange vem som registrerar återkallelsen")
    }

    @Test func aConsentIsWithdrawnOnlyOnce() throws {
        let once = try ConsentValidation.withdraw(
            try consent(), on: "2026-06-01", how: "", registeredBy: registrar, today: today
        ).get()
        let twice = ConsentValidation.withdraw(once, on: "2026-06-02", how: "", registeredBy: registrar, today: today)
        #expect(twice.fieldError(.withdrawnOn) == "samtycket är redan återkallat (2026-06-01)")
    }
}

@Suite struct ConsentsExpiringTests {
    private func record(_ id: String, status: ParticipantStatus = .aktiv, validTo: String...) -> ParticipantRecord {
        var p = RulesFixture.participant(id, "19800101-9804", "Åsa", "Öberg")
        p.status = status
        let consents = validTo.enumerated().map { i, to in
            Consent(
                id: Consent.ID("\(id)-c\(i)"), participantID: p.id, discloser: [.af], recipient: [.socialtjanst],
                categories: [.afPlanering], purposes: [.sip], validFrom: RulesFixture.date("2026-01-01"),
                validTo: RulesFixture.date(to), registeredBy: registrar)
        }
        return ParticipantRecord(participant: p, consents: consents)
    }

    @Test func consentsEndingWithinTheWindowAreListedSoonestFirst() {
        let records = [
            record("b", validTo: "2026-07-10", "2026-12-31"), record("a", validTo: "2026-06-20"),
            record("c", status: .avslutad, validTo: "2026-06-16"), record("d", validTo: "2026-06-14"),
        ]
        let expiring = records.consentsExpiring(within: 30, on: today)
        #expect(expiring.map(\.consent.id) == [Consent.ID("a-c0"), Consent.ID("b-c0")])
        #expect(expiring.map(\.daysLeft) == [5, 25])
    }

    @Test func oneParticipantsExpiringConsents() {
        #expect(record("a", validTo: "2026-06-15", "2026-08-01").consentsExpiring(within: 30, on: today).count == 1)
    }
}

extension Result where Failure == FieldErrors<ConsentField> {
    func fieldError(_ field: ConsentField) -> String? {
        if case .failure(let e) = self { return e[field] }
        return nil
    }
}
