/// Answers a demo kartläggning gives, for any template: plausible for each answer type and checked by
/// `KartlaggningRules`, so a demo kartläggning is one a team could have completed.
public enum DemoKartlaggning {
    static let texts = [
        "Lager och logistik", "Kök eller restaurang", "Städ och fastighetsservice", "Vård och omsorg",
        "Butik och kassa", "Bygg, gärna med handledare",
    ]
    static let longer = [
        "Vill börja med några timmar i veckan och öka när det fungerar.",
        "Har arbetat tidigare i hemlandet och vill gärna tillbaka till samma yrke.",
        "Behöver stöd med struktur i vardagen; mår bättre sedan boendet ordnades.",
    ]

    /// Answers to every question of `template`, made from `seed`; any Core refuses are left out.
    public static func answers(for template: KartlaggningTemplate, seed: UInt64, on day: LocalDate) -> [String: Answer] {
        var rng = SeededGenerator(seed: seed)
        func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
        var answers: [String: Answer] = [:]
        for q in template.questions {
            let answer: Answer?
            switch q.type {
            case .text: answer = .text(texts[int(0...(texts.count - 1))])
            case .multilineText: answer = .text(longer[int(0...(longer.count - 1))])
            case .scale: answer = .scale(int(2...4))
            case .yesNoUnknown: answer = .yesNoUnknown(YesNoUnknown.allCases[int(0...(YesNoUnknown.allCases.count - 1))])
            case .singleChoice(let options): answer = options.isEmpty ? nil : .choice(options[int(0...(options.count - 1))])
            case .multipleChoice(let options):
                answer = options.isEmpty ? nil : .choices(Array(options.prefix(int(1...min(2, options.count)))))
            case .date: answer = .date(day.adding(days: -int(30...900)))
            case .number: answer = .number(Double(int(0...20)))
            }
            if let answer { answers[q.id] = answer }
        }
        for id in KartlaggningRules.problems(answers: answers, template: template).keys { answers[id] = nil }
        return answers
    }
}
