import Testing

@testable import SamordnaCore

@Suite struct StepSuggestionTests {
    let today = LocalDate(year: 2026, month: 3, day: 2)!
    let catalogue = DefaultInsatsCatalogue.all

    func episode(_ id: String, _ code: String, _ status: InsatsStatus = .pagar, start: String = "2026-01-10", end: String? = nil)
        -> InsatsEpisode
    {
        InsatsEpisode(
            id: .init(id), participantID: .init("p"), typeCode: code, status: status, start: LocalDate(iso: start),
            end: end.flatMap { LocalDate(iso: $0) }, owner: .af)
    }

    @Test func noOngoingInsatsSuggestsStepZero() {
        let s = StepLadder.suggest(episodes: [episode("e1", "PRA", .avslutad)], catalogue: catalogue, on: today)
        #expect(s.step == .ingenAktivitet)
        #expect(s.explanation == "Steg 0 (Ingen aktivitet): ingen pågående insats")
    }

    @Test func theHighestOngoingInsatsDecides() {
        let s = StepLadder.suggest(
            episodes: [episode("e1", "SFI"), episode("e2", "PRA"), episode("e3", "VC"), episode("e4", "NSJ", start: "2026-05-01")],
            catalogue: catalogue, on: today)
        #expect(s.step == .arbetsplatsforlagd)
        #expect(s.basis.map(\.code) == ["PRA", "SFI", "VC"])
        #expect(s.explanation == "Steg 4 (Arbetsplatsförlagd insats): PRA Arbetspraktik pågår (och 2 till)")
    }

    @Test func everyDefaultCatalogueOfferHasAPlaceOnTheLadder() {
        for type in catalogue { #expect(StepLadder.catalogueSteps[type.code] != nil, "\(type.code)") }
        #expect(StepLadder.step(for: catalogue.first { $0.code == "NSJ" }!) == .subventioneradAnstallning)
        #expect(StepLadder.step(for: catalogue.first { $0.code == "SMF" }!) == .forberedande)
    }

    @Test func anOfferTheTeamAddedFallsBackOnItsCategory() {
        let own = InsatsType(code: "EGEN", name: "Egen praktik", organisation: "Kommun", categories: [.social, .jobb], jobFocused: true)
        #expect(StepLadder.step(for: own) == .arbetsplatsforlagd)
        let s = StepLadder.suggest(episodes: [episode("e1", "EGEN")], catalogue: catalogue + [own], on: today)
        #expect(s.step == .arbetsplatsforlagd)
        let unknown = StepLadder.suggest(episodes: [episode("e1", "OKÄND")], catalogue: catalogue, on: today)
        #expect(unknown.step == .kartlaggning)
    }

    @Test func overridingTheSuggestedStepNeedsAReason() {
        var a = ProfessionAssessment(
            kartlaggningID: .init("k"), profession: .jobbcoach, belief: 4, step: .forberedande, suggestedStep: .kartlaggning)
        #expect(AssessmentRules.validate(a)[.overrideReason]?.contains("ange varför steg 2") == true)
        a.overrideReason = "Har börjat på vårdcentralens rehabgrupp"
        #expect(AssessmentRules.validate(a).isEmpty)
        a.belief = 6
        #expect(AssessmentRules.validate(a)[.belief] == "välj 1–5 (fick 6)")
        let same = AssessmentRules.start(
            kartlaggning: .init("k"), profession: .arbetsformedlare,
            suggestion: StepLadder.suggest(episodes: [episode("e1", "PRA")], catalogue: catalogue, on: today))
        #expect(same.step == .arbetsplatsforlagd)
        #expect(AssessmentRules.validate(same).isEmpty)
    }

    @Test func theTeamStepIsTheLowerMiddleOfTheProfessionsSteps() {
        func a(_ p: Profession, _ s: Step) -> ProfessionAssessment {
            ProfessionAssessment(kartlaggningID: .init("k"), profession: p, belief: 3, step: s, suggestedStep: s)
        }
        #expect(AssessmentRules.teamStep([]) == nil)
        #expect(AssessmentRules.teamStep([a(.jobbcoach, .forberedande)]) == .forberedande)
        #expect(AssessmentRules.teamStep([a(.jobbcoach, .arbetsplatsforlagd), a(.arbetsformedlare, .forberedande)]) == .forberedande)
        #expect(
            AssessmentRules.teamStep([
                a(.jobbcoach, .arbetsplatsforlagd), a(.arbetsformedlare, .forberedande), a(.socialsekreterare, .kompetenshojande),
            ]) == .kompetenshojande)
    }
}
