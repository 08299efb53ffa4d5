import SamordnaCore
import Testing

/// Team members, who may be made responsible, and how stored text is shown in messages.
@Suite struct TeamMemberValidationTests {
    let id = TeamMember.ID("m-1")

    @Test func aMemberWithLoginNameAndProfessionIsValid() throws {
        let member = try TeamMemberValidation.validate(
            TeamMemberDraft(login: " anna ", name: "Anna Åberg", profession: "arbetsförmedlare"), id: id
        ).get()
        #expect(member == TeamMember(id: id, name: "Anna Åberg", profession: .arbetsformedlare, login: "anna"))
        #expect(member.organisation == .af)
    }

    @Test(arguments: [
        ("arbetsformedlare", Profession.arbetsformedlare), ("Arbetsförmedlare", .arbetsformedlare), ("AF", .arbetsformedlare),
        ("soc", .socialsekreterare), ("JC", .jobbcoach), ("syv", .studieOchYrkesvagledare),
        ("studie- och yrkesvägledare", .studieOchYrkesvagledare), ("försäkringsrådgivare", .forsakringsradgivare),
    ])
    func aProfessionIsReadByCodeLabelOrShortForm(typed: String, profession: Profession) throws {
        #expect(try TeamMemberValidation.profession(typed).get() == profession)
    }

    @Test func everyBadFieldHasAReason() {
        let result = TeamMemberValidation.validate(
            TeamMemberDraft(login: "två ord", name: "", profession: "kock", organisation: "Banken"), id: id)
        guard case .failure(let errors) = result else {
            Issue.record("expected errors")
            return
        }
        #expect(errors.fields == [.login, .name, .profession, .organisation])
        #expect(errors[.login] == "ett användarnamn innehåller inga mellanslag")
        #expect(errors[.name] == "får inte vara tomt")
        #expect(errors[.profession]?.hasPrefix("okänt yrke \"kock\"") == true)
    }

    @Test func anEmptyLoginOrOneWithControlCharactersIsRefused() {
        let empty = TeamMemberValidation.validate(TeamMemberDraft(login: " ", name: "A", profession: "jc"), id: id)
        #expect(throws: FieldErrors<TeamMemberField>.self) { try empty.get() }
        let escape = TeamMemberValidation.validate(TeamMemberDraft(login: "a\u{1B}b", name: "A", profession: "jc"), id: id)
        guard case .failure(let errors) = escape else {
            Issue.record("expected errors")
            return
        }
        #expect(errors[.login]?.contains("U+001B") == true)
    }

    @Test func theOrganisationDefaultsToTheProfessionsOwnAndCanBeGiven() throws {
        let member = try TeamMemberValidation.validate(
            TeamMemberDraft(login: "k", name: "Kim", profession: "jobbcoach", organisation: "Samordningsförbund"), id: id
        ).get()
        #expect(member.organisation == .samordningsforbund)
    }

    @Test func onlyAnActiveMemberOfTheProfessionMayBeResponsible() {
        var anna = TeamMember(id: id, name: "Anna Åberg", profession: .arbetsformedlare, login: "anna")
        #expect(ResponsibleEligibility.check(anna, for: .arbetsformedlare) == nil)
        #expect(
            ResponsibleEligibility.check(anna, for: .jobbcoach)?.reason
                == "Anna Åberg (anna) är arbetsförmedlare, inte jobbcoach")
        anna.active = false
        #expect(
            ResponsibleEligibility.check(anna, for: .arbetsformedlare)?.reason
                == "Anna Åberg (anna) är inte längre aktiv i teamet")
    }

    @Test func storedTextIsShownWithControlCharactersSpelledOut() {
        #expect(VisibleText.escaped("Gatan 1\nlgh\t2\u{1B}[31m") == "Gatan 1\\nlgh\\t2\\u{1B}[31m")
        #expect(VisibleText.escaped("Åsa Öberg") == "Åsa Öberg")
        #expect(VisibleText.quoted("Ann\u{1B}") == "\"Ann\\u{1B}\"")
    }
}
