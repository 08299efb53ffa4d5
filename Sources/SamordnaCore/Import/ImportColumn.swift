/// A column of the participant import file (docs/import-csv.md). Header names are matched without regard
/// to case, with or without å ä ö (`förnamn` or `fornamn`), and with `-` or a space for `_`.
public enum ImportColumn: String, CaseIterable, Sendable {
    case personnummer
    case idtyp
    case fornamn
    case efternamn
    case tilltalsnamn
    case kon
    case telefon
    case epost
    case adress
    case sprak
    case tolk
    case tolksprak
    case afInskriven = "af_inskriven"
    case forsorjningsstodSedan = "forsorjningsstod_sedan"
    case status
    case skyddad

    public static let required: [ImportColumn] = [.personnummer, .fornamn, .efternamn]

    /// The name in Swedish spelling, as the documentation shows it.
    public var swedishName: String {
        switch self {
        case .fornamn: return "förnamn"
        case .kon: return "kön"
        case .sprak: return "språk"
        case .tolksprak: return "tolkspråk"
        case .forsorjningsstodSedan: return "försörjningsstöd_sedan"
        default: return rawValue
        }
    }

    /// The column a header cell names, or nil.
    init?(header: String) {
        let folded = String(
            header.trimmingWhitespace().lowercased().map { ch -> Character in
                switch ch {
                case "å", "ä": return "a"
                case "ö": return "o"
                case " ", "-": return "_"
                default: return ch
                }
            })
        if folded == "e_post" {
            self = .epost
            return
        }
        self.init(rawValue: folded)
    }

    /// The form field a column fills in.
    var field: ParticipantField? {
        switch self {
        case .personnummer: return .identity
        case .idtyp: return .identityKind
        case .fornamn: return .firstName
        case .efternamn: return .lastName
        case .tilltalsnamn: return .preferredName
        case .kon: return .gender
        case .telefon: return .phone
        case .epost: return .email
        case .adress: return .address
        case .sprak: return .language
        case .tolksprak: return .interpreterLanguage
        case .afInskriven: return .afRegisteredSince
        case .forsorjningsstodSedan: return .forsorjningsstodSince
        case .status: return .status
        case .tolk, .skyddad: return nil
        }
    }
}
