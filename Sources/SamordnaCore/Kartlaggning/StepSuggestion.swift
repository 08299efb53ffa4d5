/// The step on the ladder (docs/domain-rules.md, The stegförflyttning ladder) that the participant's ongoing insatser point to, and why. A
/// suggestion only: each profession may choose another step, with a reason (`AssessmentRules`).
public struct StepSuggestion: Hashable, Sendable {
    /// One ongoing insats and the step it stands for.
    public struct Basis: Hashable, Sendable {
        public var episodeID: InsatsEpisode.ID
        public var code: String
        public var name: String
        public var step: Step
    }

    public var step: Step
    /// The ongoing insatser, highest step first; empty when none runs (step 0).
    public var basis: [Basis]

    /// `Steg 4 (Arbetsplatsförlagd insats): PRA Arbetspraktik pågår` or `Steg 0 …: ingen pågående insats`.
    public var explanation: String {
        let head = "Steg \(step.rawValue) (\(step.label))"
        guard let top = basis.first else { return head + ": ingen pågående insats" }
        let others = basis.count > 1 ? " (och \(basis.count - 1) till)" : ""
        return head + ": \(top.code) \(top.name) pågår" + others
    }
}

/// Which step each insats stands for. The ladder measures position only; it never prescribes an order of
/// insatser (BIP warns against the linear trappmodell, docs/domain-rules.md, BIP).
public enum StepLadder {
    /// The default catalogue's offers placed on the ladder. Offers the team adds
    /// later fall back on their category (`step(for:)`).
    public static let catalogueSteps: [String: Step] = [
        // 1 Kartläggning / stabilisering: mapping, care contact, social stabilisation.
        "KVR": .kartlaggning, "FKAF": .kartlaggning, "SIP": .kartlaggning, "FINS": .kartlaggning,
        "SYV": .kartlaggning, "VC": .kartlaggning, "BUS": .kartlaggning, "BOS": .kartlaggning,
        "VNR": .kartlaggning,
        // 2 Förberedande: health or rehabilitation, motivation courses, preparatory AF programmes.
        "KOO": .forberedande, "PSY": .forberedande, "BER": .forberedande, "SMF": .forberedande,
        "INAB": .forberedande, "STA": .forberedande,
        // 3 Kompetenshöjande / arbetsförberedande: language, adult education, training, matching.
        "SFI": .kompetenshojande, "KVX-G": .kompetenshojande, "KVX-Y": .kompetenshojande,
        "AUB": .kompetenshojande, "ETK": .kompetenshojande, "SSS": .kompetenshojande, "VAL": .kompetenshojande,
        "RoM": .kompetenshojande, "KJC": .kompetenshojande,
        // 4 Arbetsplatsförlagd: at a real workplace, and IPS job search.
        "PRA": .arbetsplatsforlagd, "ATR": .arbetsplatsforlagd, "LJS": .arbetsplatsforlagd,
        "KAP": .arbetsplatsforlagd, "APR": .arbetsplatsforlagd, "IPS": .arbetsplatsforlagd, "SIUS": .arbetsplatsforlagd,
        // 5 Subventionerad anställning.
        "NSJ": .subventioneradAnstallning, "INJ": .subventioneradAnstallning, "LB": .subventioneradAnstallning,
        "OSA": .subventioneradAnstallning, "KVA": .subventioneradAnstallning, "ETB": .subventioneradAnstallning,
        "EXT": .subventioneradAnstallning,
    ]

    /// The step an offer stands for: from the table above, else from its categories (jobbinriktad 4,
    /// kompetens 3, hälsa 2, social and kartläggning 1; the highest of its categories).
    public static func step(for type: InsatsType) -> Step {
        if let known = catalogueSteps[type.code] { return known }
        return type.categories.map(step(for:)).max() ?? .kartlaggning
    }

    public static func step(for category: InsatsCategory) -> Step {
        switch category {
        case .jobb: return .arbetsplatsforlagd
        case .kompetens: return .kompetenshojande
        case .halsa: return .forberedande
        case .social, .kartlaggning: return .kartlaggning
        }
    }

    /// An episode whose code is in neither the catalogue nor the table counts as step 1: it is an insats,
    /// but nothing says what kind.
    static func step(forCode code: String, catalogue: [String: InsatsType]) -> (Step, String) {
        if let type = catalogue[code] { return (step(for: type), type.name) }
        return (catalogueSteps[code] ?? .kartlaggning, code)
    }

    /// The highest step among the insatser ongoing on `day`; step 0 when none runs.
    public static func suggest(
        episodes: [InsatsEpisode], catalogue: [String: InsatsType], on day: LocalDate
    ) -> StepSuggestion {
        let basis = episodes.filter { $0.isOngoing(on: day) }.map { e -> StepSuggestion.Basis in
            let (step, name) = step(forCode: e.typeCode, catalogue: catalogue)
            return StepSuggestion.Basis(episodeID: e.id, code: e.typeCode, name: name, step: step)
        }.sorted { ($0.step, $1.code) > ($1.step, $0.code) }
        return StepSuggestion(step: basis.first?.step ?? .ingenAktivitet, basis: basis)
    }

    /// The same for a list of catalogue entries rather than a dictionary.
    public static func suggest(
        episodes: [InsatsEpisode], catalogue: [InsatsType], on day: LocalDate
    ) -> StepSuggestion {
        suggest(
            episodes: episodes, catalogue: Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a }),
            on: day)
    }
}
