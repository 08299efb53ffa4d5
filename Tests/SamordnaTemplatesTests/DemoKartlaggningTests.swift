import SamordnaCore
import SamordnaTemplates
import Testing

/// The demo's completed kartläggningar answer the default template the way the form would accept.
@Suite struct DemoKartlaggningTests {
    @Test func demoAnswersToTheDefaultTemplatePassCoreAndCanBeMarkedKlar() throws {
        let template = try DefaultTemplate.template()
        let day = LocalDate(year: 2026, month: 11, day: 2)!
        for seed in 1...20 {
            let answers = DemoKartlaggning.answers(for: template, seed: UInt64(seed), on: day)
            #expect(KartlaggningRules.problems(answers: answers, template: template).isEmpty)
            let required = template.questions.filter(\.required).map(\.id)
            #expect(required.allSatisfy { answers[$0] != nil }, "seed \(seed) leaves a required question open")
        }
    }
}
