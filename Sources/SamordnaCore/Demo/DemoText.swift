/// How often each catalogue offer shows up in the demo, who runs it and who owns the episode.
enum DemoInsats {
    /// Relative frequency per code; offers missing here get 1.
    static let weight: [String: Int] = [
        "RoM": 20, "APR": 12, "KJC": 14, "KAP": 12, "PRA": 10, "STA": 10, "ATR": 6, "NSJ": 6, "INJ": 4, "LB": 2,
        "OSA": 2, "SIUS": 2, "IPS": 6, "LJS": 6, "KVA": 4, "ETB": 1, "EXT": 1,
        "SFI": 16, "KVX-G": 8, "KVX-Y": 6, "SMF": 4, "AUB": 6, "INAB": 2, "KVR": 4, "VC": 10, "PSY": 4,
        "BER": 2, "KOO": 2, "FKAF": 2, "SIP": 4, "FINS": 2, "BUS": 6, "BOS": 4, "VNR": 1, "VAL": 2, "SSS": 2,
        "SYV": 6, "ETK": 1,
    ]

    /// Used only if every offer of a kind is already running for someone: the team's own matching.
    static let fallback: InsatsType = DefaultInsatsCatalogue.byCode["KJC"] ?? DefaultInsatsCatalogue.all[0]

    /// Subsidised employments: a person holds at most one at a time.
    static let employments: Set<String> = ["NSJ", "INJ", "LB", "OSA", "ETB", "EXT", "KVA"]

    /// Offers that are a plan or a contact rather than time in an activity: no omfattning.
    static func hasExtent(_ type: InsatsType) -> Bool {
        type.categories.contains { $0 == .jobb || $0 == .kompetens || $0 == .halsa } && !["SIP", "FINS", "SYV", "KOO", "VC"].contains(type.code)
    }

    /// The organisation that owns the episode (and so its notes and visibility).
    static func owner(for code: String) -> Organisation {
        switch code {
        case "SFI", "KVX-G", "KVX-Y", "SSS", "SYV", "KAP", "APR", "KJC", "KVA": return .kommunJobbtorg
        case "BUS", "BOS", "VNR", "BER", "SIP": return .kommunSoc
        case "IPS", "KOO", "VC", "PSY": return .region
        case "FKAF": return .fk
        case "FINS": return .samordningsforbund
        default: return .af
        }
    }

    /// An invented provider, or nil where the owner runs it itself.
    static func provider(for code: String, pick rng: inout SeededGenerator) -> String? {
        let names: [String]
        switch code {
        case "RoM", "STA", "INAB", "AUB", "LJS":
            names = ["Stegvis Arbetsliv AB (demo)", "Nordljus Kompetens AB (demo)", "Vägvisaren Rusta AB (demo)"]
        case "SFI", "KVX-G", "KVX-Y", "VAL", "SYV":
            names = ["Vuxenutbildningen, demoskolan Norr", "Vuxenutbildningen, demoskolan Söder"]
        case "SMF", "ETK":
            names = ["Demo folkhögskola"]
        case "PRA", "ATR", "NSJ", "INJ", "LB", "OSA", "KVA":
            names = ["Exempelbolaget Lager AB", "Demo Omsorg AB", "Kafé Exempel", "Stadsdelsförvaltningen (demo)"]
        case "VC", "KOO", "PSY", "IPS":
            names = ["Vårdcentralen Demo", "Psykiatrimottagning Demo"]
        default:
            return nil
        }
        return names[Int.random(in: 0...(names.count - 1), using: &rng)]
    }
}

/// Invented places and note texts for the demo. No text names a participant.
enum DemoText {
    static let streets = ["Exempelvägen", "Demogatan", "Provstigen", "Testgränd", "Påhittade allén"]
    static let postalAreas = [
        "163 00 Spånga", "127 00 Skärholmen", "163 00 Tensta", "124 00 Bandhagen", "123 00 Farsta",
    ]
    static let meetingPlaces = ["Teamets kontor", "Teamets kontor", "Jobbtorg", "Telefon", "Videomöte", "Hembesök"]

    static func notes(for profession: Profession) -> [String] {
        switch profession {
        case .arbetsformedlare:
            return [
                "Gick igenom aktivitetsrapporten. Söker 6–8 jobb i månaden, främst inom lager och städ.",
                "Anvisning till Rusta och matcha klar; första mötet hos leverantören är bokat.",
                "Diskuterade yrkesmål inom vård och omsorg. Vill undersöka undersköterskeutbildning.",
                "Pratade om nystartsjobb som möjlighet; kontrollerat att villkoren är uppfyllda.",
            ]
        case .socialsekreterare:
            return [
                "Ekonomiskt bistånd beviljat för månaden. Planeringen följs.",
                "Oro kring boendet; kontakt tagen med bostadssocialt stöd.",
                "Gick igenom budget och skulder. Tid bokad hos budget- och skuldrådgivningen.",
                "Läkarintyg inlämnat; planeringen anpassas till halvtid under två månader.",
            ]
        default:
            return [
                "Cv uppdaterat. Två arbetsgivarkontakter inom äldreomsorgen tagna.",
                "Förberedde intervju; deltagaren är motiverad och vill ha stöd med resan dit.",
                "Arbetsgivarbesök genomfört. Möjlig praktikplats från nästa månad.",
                "Följde upp praktiken: trivs och får gott betyg av handledaren.",
            ]
        }
    }

    /// Lower-case ASCII for logins and demo e-mail addresses ("Jörgen" → "jorgen", "Al-Khalili" → "al-khalili").
    static func asciiLogin(_ s: String) -> String {
        let key = SwedishCollation.key(s)
        var out = ""
        for scalar in key.unicodeScalars {
            if scalar.value == 0x01 { break }
            switch scalar {
            case "{", "|": out.append("a")
            case "}": out.append("o")
            case "a"..."z", "0"..."9", "-", ".": out.unicodeScalars.append(scalar)
            default: break
            }
        }
        return out
    }
}
