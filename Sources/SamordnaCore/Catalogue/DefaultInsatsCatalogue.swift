/// The insats catalogue a new caseload starts with (docs/domain-rules.md, The insats catalogue): the ordinary offers of
/// Arbetsförmedlingen, the city, Försäkringskassan, the region and schools that the team draws on.
/// It is written out as the team's editable catalogue file on first use; after that the file rules.
///
/// Job focus follows the BIP categories: only clearly job-focused offers count; "depends" and job-near
/// training ("no*" in §5) do not. Typical and maximum lengths are filled in only where a duration is stated.
public enum DefaultInsatsCatalogue {
    public static let all: [InsatsType] = [
        row(
            "RoM", "Rusta och matcha", "AF (LOV-leverantör)", [.jobb], true, typical: 365, max: 365,
            notes: "Långtidsinskrivna. Möte var 14:e dag. Kan kombineras med SFI."),
        row(
            "STA", "Steg till arbete", "AF (upphandlad leverantör)", [.jobb, .halsa], true,
            notes: "Vid funktionsnedsättning eller ohälsa. Deltid möjlig. Många avtal förlängs inte efter 2026-01-14."),
        row(
            "INAB", "Introduktion till arbete", "AF (upphandlad leverantör)", [.kompetens, .halsa], false,
            max: 365, notes: "Förberedande; del 1 högst 6 månader. Ersätts av Steg till arbete."),
        row(
            "KVR", "Kartläggning, vägledning, rehabilitering", "AF", [.kartlaggning, .halsa], false,
            notes: "AF:s arbetslivsinriktade rehabilitering: psykolog, arbetsterapeut, SIUS-konsulent."),
        row(
            "PRA", "Arbetspraktik", "AF (arbetsgivare)", [.jobb], true, typical: 90,
            notes: "På en riktig arbetsplats."),
        row("ATR", "Arbetsträning", "AF (arbetsgivare)", [.jobb], true),
        row(
            "AUB", "Arbetsmarknadsutbildning", "AF (upphandlad)", [.kompetens], false,
            notes: "Yrkesinriktad; med arbetsplatskoppling jobbnära."),
        row(
            "SMF", "Studiemotiverande folkhögskolekurs", "Folkhögskola på uppdrag av AF", [.kompetens], false,
            typical: 90, max: 150, notes: "3 månader (5 vid funktionsnedsättning). Utan gymnasieexamen."),
        row(
            "ETK", "Etableringskurs på folkhögskola", "Folkhögskola / AF", [.kompetens], false, typical: 180,
            notes: "För etableringsmålgruppen."),
        row(
            "SFI", "Svenska för invandrare", "Kommun (Komvux)", [.kompetens], false,
            notes: "Individuell takt. Kan löpa parallellt med RoM och STA."),
        row(
            "KVX-G", "Komvux grundläggande nivå", "Kommun", [.kompetens], false,
            notes: "Rätt från 1 juli det år man fyller 20."),
        row(
            "KVX-Y", "Komvux gymnasial nivå / yrkesvux", "Kommun", [.kompetens], false, max: 730,
            notes: "Yrkesvux med APL är jobbnära."),
        row(
            "SSS", "Studiestartsstöd", "CSN (ansökan via kommunen)", [.kompetens], false, max: 350,
            notes: "Finansiering. 25–56 år, kort utbildning, arbetslös minst 6 av 12 månader."),
        row(
            "SYV", "Studie- och yrkesvägledning", "Kommun (vuxenutbildning)", [.kompetens, .kartlaggning], false,
            notes: "Några samtal. Kompletterande resurs i teamet."),
        row(
            "NSJ", "Nystartsjobb", "AF (stöd till arbetsgivare)", [.jobb], true, typical: 365, max: 730,
            notes: "Beslut ett år i taget. 26+: arbetslös minst 12 av 15 månader; försörjningsstöd räknas."),
        row(
            "INJ", "Introduktionsjobb", "AF (stöd till arbetsgivare)", [.jobb], true, typical: 365, max: 730,
            activeFrom: date(2018, 5, 1), notes: "Stöd upp till 80 %. Kan förlängas till 24 månader."),
        row(
            "LB", "Lönebidrag", "AF", [.jobb], true,
            notes: "Utveckling, anställning eller trygghet. Nedsatt arbetsförmåga."),
        row(
            "OSA", "Offentligt skyddat arbete", "AF (offentlig arbetsgivare)", [.jobb], true,
            notes: "Nedsatt arbetsförmåga."),
        row(
            "SIUS", "Särskilt introduktions- och uppföljningsstöd", "AF (SIUS-konsulent)", [.jobb], true,
            notes: "Vid anställning och efteråt."),
        row("ETB", "Etableringsjobb", "AF", [.jobb], true, notes: "Används knappt (cirka 84 personer 2025)."),
        row(
            "EXT", "Extratjänst", "AF / kommun", [.jobb], true, activeTo: date(2021, 12, 31),
            notes: "Inga nya beslut sedan 2022-01-01. Kvar för historiken."),
        row(
            "LJS", "Lokalt jobbspår", "AF + kommun + arbetsgivare", [.jobb, .kompetens], true, max: 189,
            notes: "7–27 veckor, utbildning mot arbetsgivare som rekryterar."),
        row(
            "KAP", "Kommunal praktik / arbetsträning", "Kommun (Jobbtorg)", [.jobb], true, typical: 90, max: 180,
            notes: "Vanligen 3–6 månader."),
        row(
            "APR", "Arbetsprövning / arbetsförberedelse", "Kommun (arbetsmarknadsförvaltningen)", [.jobb], true,
            typical: 90, max: 180,
            notes: "Projektets kärnerbjudande: prövning och förberedelse på en arbetsplats med handledare."),
        // The team's own coaching counts as job-focused only together with an insats on a workplace; the
        // team can change that in insatser.yaml.
        row(
            "KJC", "Jobbcoachning / matchning", "Kommun (Jobbtorg)", [.jobb], false,
            notes: "Teamets eget matchnings- och arbetsgivararbete."),
        row(
            "KVA", "Kommunal visstidsanställning", "Kommun", [.jobb], true, typical: 180, max: 365,
            notes: "Ofta med anställningsstöd. Lokala varianter."),
        row(
            "IPS", "Individanpassat stöd till arbete (IPS)", "Region psykiatri / kommun socialpsykiatri",
            [.jobb], true, notes: "Vid psykisk ohälsa. Ingen tidsgräns."),
        row(
            "KOO", "Koordineringsinsats (rehabiliteringskoordinator)", "Region (vårdcentral / psykiatri)",
            [.halsa, .kartlaggning], false, notes: "Under sjukskrivning, med patientens samtycke."),
        row("VC", "Vårdkontakt: bedömning, behandling, läkarintyg", "Region (vårdcentral)", [.halsa], false),
        row("PSY", "Specialistpsykiatri / psykologisk behandling", "Region", [.halsa], false),
        row(
            "BER", "Missbruks- och beroendevård", "Kommun (vuxenenhet) + Region", [.halsa, .social], false,
            notes: "Känsliga personuppgifter."),
        row(
            "FKAF", "Gemensam kartläggning FK–AF", "FK + AF", [.kartlaggning, .halsa], false,
            notes: "Arbetslivsinriktad rehabilitering vid sjukpenning eller aktivitetsersättning."),
        row(
            "SIP", "Samordnad individuell plan", "Kommun + Region", [.kartlaggning], false,
            notes: "Möte och plan. Kräver samtycke."),
        row(
            "FINS", "FINSAM-finansierad insats", "Samordningsförbund", [.kartlaggning], false,
            notes: "Jobbfokus beror på insatsen. Registreras i SUS (med samtycke)."),
        row("BUS", "Budget- och skuldrådgivning", "Kommun", [.social], false),
        row("BOS", "Bostadssocialt stöd / boendestöd", "Kommun", [.social], false),
        row(
            "VNR", "Stöd vid våld i nära relation", "Kommun (socialtjänst)", [.social], false,
            notes: "Mycket känsligt."),
        row(
            "VAL", "Validering av yrkeskompetens", "Kommun / bransch / AF", [.kompetens], false,
            notes: "Jobbnära."),
    ]

    /// The same entries by code, as `CaseloadRules.flags(for:catalogue:on:)` takes them.
    public static let byCode: [String: InsatsType] = Dictionary(
        all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    private static func row(
        _ code: String, _ name: String, _ organisation: String, _ categories: [InsatsCategory],
        _ jobFocused: Bool, typical: Int? = nil, max: Int? = nil, activeFrom: LocalDate? = nil,
        activeTo: LocalDate? = nil, notes: String? = nil
    ) -> InsatsType {
        InsatsType(
            code: code, name: name, organisation: organisation, categories: categories, jobFocused: jobFocused,
            typicalLengthDays: typical, maxLengthDays: max, activeFrom: activeFrom, activeTo: activeTo,
            notes: notes)
    }

    private static func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate? { LocalDate(year: y, month: m, day: d) }
}
