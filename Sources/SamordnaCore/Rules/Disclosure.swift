import Foundation

/// Who may read what (docs/privacy.md, "Vem ser vad"). Every entry about a participant has an owning
/// organisation and an information category. A team member reads an entry in full when:
/// - the entry is the team's together (`owner == nil`: the kartläggning questions marked `gemensam`, which
///   the participant answers to the whole team at once), or
/// - the entry is owned by the member's own organisation, or
/// - a consent of the participant, valid on the day and not withdrawn, that the **owning** organisation
///   registered (consent lifts the discloser's secrecy, so each authority registers its own), names the
///   owner's authority among those that disclose, the member's authority among those that receive, and the
///   entry's category among the information it covers.
/// Otherwise the member learns only that such an entry exists ("2 anteckningar från socialtjänsten –
/// samtycke saknas"). A reader who is not a team member (an unclaimed login) sees only the team's entries.
public struct Disclosure: Sendable, Equatable {
    public let readerOrganisation: Organisation?
    public let readerID: TeamMember.ID?
    /// For each owning organisation other than the reader's, the categories it has consent to disclose to
    /// the reader on the day.
    let open: [Organisation: Set<InformationCategory>]

    /// - Parameter registrars: the organisation of each team member who registered a consent (a consent
    ///   whose registrar is unknown opens nothing).
    public init(
        reader member: TeamMember?, consents: [Consent], registrars: [TeamMember.ID: Organisation], on day: LocalDate
    ) {
        readerOrganisation = member?.organisation
        readerID = member?.id
        var open: [Organisation: Set<InformationCategory>] = [:]
        if let reader = member?.organisation {
            let receiving = reader.consentAuthorities
            for c in consents where c.isValid(on: day) && !c.recipient.isDisjoint(with: receiving) {
                guard let owner = registrars[c.registeredBy], owner != reader,
                    !c.discloser.isDisjoint(with: owner.consentAuthorities)
                else { continue }
                // Most participants have one consent per owner: its set is taken as it is, not rebuilt.
                if let known = open[owner] {
                    if !c.categories.isSubset(of: known) { open[owner] = known.union(c.categories) }
                } else {
                    open[owner] = c.categories
                }
            }
        }
        self.open = open
    }

    /// Everything, whoever owns it: for what is not one organisation's reading (the participant's own copy
    /// of what is stored, a document's layout in tests).
    public static let everything = Disclosure(
        readerOrganisation: nil, readerID: nil,
        open: Dictionary(uniqueKeysWithValues: Organisation.allCases.map { ($0, Set(InformationCategory.allCases)) }))

    private init(readerOrganisation: Organisation?, readerID: TeamMember.ID?, open: [Organisation: Set<InformationCategory>]) {
        self.readerOrganisation = readerOrganisation
        self.readerID = readerID
        self.open = open
    }

    /// Whether `reader` may see who the participant is: everyone, except for someone with skyddade
    /// personuppgifter, whom only their responsible staff of the day identify.
    public static func mayIdentify(_ record: ParticipantRecord, reader: TeamMember.ID?, on day: LocalDate) -> Bool {
        guard record.participant.protectedIdentity else { return true }
        guard let reader else { return false }
        return record.responsible(on: day).values.contains(reader)
    }

    /// Built for one participant's record with the team's members as registrars.
    public init(reader: TeamMember?, record: ParticipantRecord, team: some Sequence<TeamMember>, on day: LocalDate) {
        self.init(reader: reader, consents: record.consents, registrars: Self.registrars(team), on: day)
    }

    public static func registrars(_ team: some Sequence<TeamMember>) -> [TeamMember.ID: Organisation] {
        var map: [TeamMember.ID: Organisation] = [:]
        for m in team { map[m.id] = m.organisation }
        return map
    }

    /// Whether an entry owned by `owner` (nil: the team's together) in `category` may be read.
    public func maySee(owner: Organisation?, category: InformationCategory) -> Bool {
        guard let owner else { return true }
        if owner == readerOrganisation { return true }
        return open[owner]?.contains(category) ?? false
    }

    /// A meeting is owned by the organisations of the professions taking part, each in its own category:
    /// the reader sees it when they take part, when one of those is theirs, or when one is opened to them
    /// by consent.
    public func maySee(meeting m: Meeting) -> Bool {
        if let readerID, m.members.contains(readerID) { return true }
        // A meeting no profession is named for is the team's (booked before anyone was chosen).
        if m.owners.isEmpty { return true }
        return m.owners.contains { maySee(owner: $0, category: $0.primaryCategory) }
    }

    /// Whether the reader has consent to read any category from some other organisation (what the week
    /// list asks for items it only counts).
    public var anyConsent: Bool { open.values.contains { !$0.isEmpty } }

    /// Splits `items` into those shown and a count of those withheld per owner, in the order of owners.
    public func split<T>(
        _ items: [T], owner: (T) -> Organisation?, category: (T) -> InformationCategory
    ) -> (shown: [T], withheld: [Organisation: Int]) {
        var shown: [T] = []
        var withheld: [Organisation: Int] = [:]
        for item in items {
            let o = owner(item)
            if maySee(owner: o, category: category(item)) { shown.append(item) } else if let o { withheld[o, default: 0] += 1 }
        }
        return (shown, withheld)
    }

    /// "2 anteckningar från socialtjänsten – samtycke saknas", one line per owner, in a fixed order.
    public static func withheldLines(_ withheld: [Organisation: Int], one: String, many: String) -> [String] {
        Organisation.allCases.compactMap { o in
            guard let n = withheld[o], n > 0 else { return nil }
            return "\(n) \(n == 1 ? one : many) från \(o.fromLabel) – samtycke saknas"
        }
    }
}

extension Organisation {
    /// The consent parties an organisation acts as.
    public var consentAuthorities: Set<Authority> {
        // Made once: the week list asks for every consent of every participant it shows.
        switch self {
        case .af: return Self.afAuthorities
        case .kommunSoc: return Self.socAuthorities
        case .kommunJobbtorg: return Self.jobbtorgAuthorities
        case .fk: return Self.fkAuthorities
        case .region: return Self.regionAuthorities
        case .samordningsforbund: return Self.forbundAuthorities
        }
    }

    private static let afAuthorities: Set<Authority> = [.af]
    private static let socAuthorities: Set<Authority> = [.socialtjanst]
    private static let jobbtorgAuthorities: Set<Authority> = [.jobbtorg]
    private static let fkAuthorities: Set<Authority> = [.fk]
    private static let regionAuthorities: Set<Authority> = [.primarvard, .psykiatri]
    private static let forbundAuthorities: Set<Authority> = [.samordningsforbund]

    /// The category of the organisation's entries that do not name their own: what a meeting with, or an
    /// insats from, this organisation says about the participant.
    public var primaryCategory: InformationCategory {
        switch self {
        case .af: return .afPlanering
        case .kommunSoc: return .socialSituation
        case .kommunJobbtorg: return .utbildningArbete
        case .fk: return .sjukskrivning
        case .region: return .halsa
        case .samordningsforbund: return .utbildningArbete
        }
    }

    /// "från socialtjänsten", as the withheld lines say it.
    public var fromLabel: String {
        switch self {
        case .af: return "Arbetsförmedlingen"
        case .kommunSoc: return "socialtjänsten"
        case .kommunJobbtorg: return "Jobbtorget"
        case .fk: return "Försäkringskassan"
        case .region: return "regionen"
        case .samordningsforbund: return "samordningsförbundet"
        }
    }
}

extension Meeting {
    /// The organisations of the professions taking part: each owns what the meeting says.
    public var owners: Set<Organisation> { Set(professions.map(\.organisation)) }
}

extension InsatsEpisode {
    /// An insats says what its owning organisation's kind of work is about.
    public var category: InformationCategory { owner.primaryCategory }
}

/// What a reader is not shown of one participant, counted per owning organisation and kind of entry, so
/// every screen, command and export can say that something exists without saying what.
public struct Withheld: Equatable, Sendable {
    public var notes: [Organisation: Int] = [:]
    public var insatser: [Organisation: Int] = [:]
    public var meetings: [Organisation: Int] = [:]
    /// Kartläggning answers, by the organisation of the question's owner.
    public var answers: [Organisation: Int] = [:]
    /// The ids of the notes, insatser and meetings left out: their change-history lines say that they
    /// changed, never what they hold.
    public var records: Set<String> = []

    public init() {}

    public var isEmpty: Bool { notes.isEmpty && insatser.isEmpty && meetings.isEmpty && answers.isEmpty }

    public var noteLines: [String] { Self.lines(notes: notes) }
    public static func lines(notes: [Organisation: Int]) -> [String] {
        Disclosure.withheldLines(notes, one: "anteckning", many: "anteckningar")
    }
    public var insatsLines: [String] { Disclosure.withheldLines(insatser, one: "insats", many: "insatser") }
    public var meetingLines: [String] { Disclosure.withheldLines(meetings, one: "möte", many: "möten") }
    public var answerLines: [String] { Disclosure.withheldLines(answers, one: "svar i kartläggningen", many: "svar i kartläggningen") }
    public var allLines: [String] { noteLines + insatsLines + meetingLines + answerLines }
}

extension Disclosure {
    /// The record with only what the reader may see: insatser and meetings filtered (consents, the
    /// participant and the responsible staff are the team's shared frame and stay), and the count of the rest.
    public func visible(_ record: ParticipantRecord) -> (record: ParticipantRecord, withheld: Withheld) {
        var shown = record
        var withheld = Withheld()
        (shown.episodes, withheld.insatser) = split(record.episodes, owner: { $0.owner }, category: { $0.category })
        shown.meetings = []
        for m in record.meetings {
            if maySee(meeting: m) {
                shown.meetings.append(m)
            } else if let owner = Organisation.allCases.first(where: m.owners.contains) {
                withheld.meetings[owner, default: 0] += 1
            }
        }
        return (shown, withheld)
    }

    /// The record and its notes with only what the reader may see; `withheld` counts the rest and names
    /// their ids (what the participant screen and `participant show` both show).
    public func visible(_ record: ParticipantRecord, notes: [Note]) -> (record: ParticipantRecord, notes: [Note], withheld: Withheld) {
        var (shown, withheld) = visible(record)
        let shownNotes: [Note]
        (shownNotes, withheld.notes) = visible(notes)
        func left<T: Identifiable>(_ all: [T], _ kept: [T]) -> Set<String> where T.ID: CustomStringConvertible {
            Set(all.map(\.id.description)).subtracting(kept.map(\.id.description))
        }
        withheld.records = left(notes, shownNotes).union(left(record.episodes, shown.episodes))
            .union(left(record.meetings, shown.meetings))
        return (shown, shownNotes, withheld)
    }

    /// The notes the reader may see, and the count of the rest by owner.
    public func visible(_ notes: [Note]) -> (notes: [Note], withheld: [Organisation: Int]) {
        let (shown, withheld) = split(notes, owner: { $0.owner }, category: { $0.category })
        return (shown, withheld)
    }

    /// A kartläggning with only the answers the reader may see; the others are removed and counted by the
    /// organisation of their question's owner. Answers to questions the template no longer has are the
    /// team's (their owner cannot be known; the template file keeps every version's questions).
    public func visible(_ k: Kartlaggning, template: KartlaggningTemplate?) -> (kartlaggning: Kartlaggning, withheld: [Organisation: Int]) {
        guard let template else { return (k, [:]) }
        var shown = k
        var withheld: [Organisation: Int] = [:]
        for (id, _) in k.answers {
            guard let q = template.question(id), let owner = q.owner?.organisation else { continue }
            if !maySee(owner: owner, category: q.informationCategory) {
                shown.answers[id] = nil
                withheld[owner, default: 0] += 1
            }
        }
        return (shown, withheld)
    }

    /// A profession's own assessment in a kartläggning (tilltro and step) belongs to its organisation and is
    /// about work and studies.
    public func maySee(_ a: ProfessionAssessment) -> Bool {
        maySee(owner: a.profession.organisation, category: .utbildningArbete)
    }

    /// Whether the reader may see the answer to `q` (the kartläggning form asks it question by question).
    public func maySee(_ q: TemplateQuestion) -> Bool {
        maySee(owner: q.owner?.organisation, category: q.informationCategory)
    }
}

extension Disclosure {
    /// What stands after a withheld record's line or a count of them.
    public static let withheldMark = "sekretess – samtycke saknas"
}

extension TemplateQuestion {
    /// What stands in place of a withheld answer: whose it is and of what kind.
    /// `sekretess: Kommunen, socialtjänst, ekonomiskt bistånd – samtycke saknas`.
    public var withheldText: String {
        "sekretess: \(owner?.organisation.label ?? "teamet"), \(informationCategory.label) – samtycke saknas"
    }

    /// The question's information category: its own, or its owner's organisation's own kind of work
    /// (the team's questions: identitet/kontakt).
    public var informationCategory: InformationCategory {
        category ?? owner?.organisation.primaryCategory ?? .identitetKontakt
    }
}
