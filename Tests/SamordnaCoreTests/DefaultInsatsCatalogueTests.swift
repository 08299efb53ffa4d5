import Testing

@testable import SamordnaCore

@Suite struct DefaultInsatsCatalogueTests {
    private let catalogue = DefaultInsatsCatalogue.all

    @Test func hasTheThirtySevenOffersAndArbetsprovning() {
        #expect(catalogue.count == 38)
        #expect(DefaultInsatsCatalogue.byCode["APR"]?.name == "Arbetsprövning / arbetsförberedelse")
    }

    @Test func codesAreUnique() {
        #expect(Set(catalogue.map(\.code)).count == catalogue.count)
        #expect(DefaultInsatsCatalogue.byCode.count == catalogue.count)
    }

    @Test func extratjanstIsNotOfferedAfter2021() {
        let ext = DefaultInsatsCatalogue.byCode["EXT"]!
        #expect(ext.isOffered(on: LocalDate(year: 2021, month: 12, day: 31)!))
        #expect(!ext.isOffered(on: LocalDate(year: 2022, month: 1, day: 1)!))
    }

    @Test func jobFocusFollowsTheBipCategories() {
        let focused = Set(catalogue.filter(\.jobFocused).map(\.code))
        #expect(
            focused == [
                "RoM", "STA", "PRA", "ATR", "NSJ", "INJ", "LB", "OSA", "SIUS", "ETB", "EXT", "LJS", "KAP", "APR",
                "KVA", "IPS",
            ])
        #expect(catalogue.filter(\.jobFocused).allSatisfy { $0.categories.contains(.jobb) })
        // The team's own coaching is J but does not satisfy the job-focus check on its own.
        #expect(DefaultInsatsCatalogue.byCode["KJC"]?.jobFocused == false)
    }

    @Test func statedDurationsAreFilledIn() {
        #expect(DefaultInsatsCatalogue.byCode["RoM"]?.typicalLengthDays == 365)
        #expect(DefaultInsatsCatalogue.byCode["SMF"]?.typicalLengthDays == 90)
        #expect(DefaultInsatsCatalogue.byCode["SFI"]?.typicalLengthDays == nil)
    }

    @Test func everyOfferHasACategoryAndAnOrganisation() {
        #expect(catalogue.allSatisfy { !$0.categories.isEmpty && !$0.organisation.isEmpty && !$0.name.isEmpty })
    }
}
