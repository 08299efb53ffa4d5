/// The team's veckolista for one ISO week: who meets whom, which insatser start and end, who is about to
/// fall into a gap, which follow-ups, consents and exits are due. The week view and `samordna export week`
/// both show this value; the rules for what is in it and who may see what are here and in docs/week-list.md.
///
/// Built from the participants' records as the store's `weekData` reads them (only what the week needs) or
/// as the UI holds them: records may carry more episodes and meetings than the week needs, never fewer.
public struct WeekList: Hashable, Sendable {
    public var week: IsoWeek
    public var today: LocalDate
    /// The day the state sections (glapp, utan pågående, utan jobbinriktad, längsta tid, samtycken) are
    /// judged on: today when today falls in the week, else the week's Monday.
    public var referenceDay: LocalDate
    public var reader: Reader

    /// Möten, one entry per day Monday to Sunday (days without meetings included).
    public var days: [Day]
    /// Last week's no-shows (uteblev): present for a socialsekreterare and in the team's week, nil otherwise.
    public var noShowsLastWeek: Section<MeetingItem>?
    public var starting: Section<InsatsItem>
    public var ending: Section<InsatsItem>
    /// An insats ends within four weeks with nothing after it.
    public var gaps: Section<InsatsItem>
    public var withoutOngoing: Section<Person>
    public var withoutJobFocused: Section<Person>
    /// An insats reaches its type's maximum length within 30 days.
    public var nearMaxLength: Section<InsatsItem>
    public var followUps: Section<FollowUpItem>
    public var consents: Section<ConsentItem>
    public var exits: Section<ExitItem>
    /// How many participants are due for gallring today (the store's `gallringDueCount`, set by the caller;
    /// 0 shows nothing).
    public var gallringDue = 0

    /// Whether one of `members` is responsible for the participant on `day`.
    static func responsible(_ members: Set<TeamMember.ID>, for record: ParticipantRecord, on day: LocalDate) -> Bool {
        record.assignments.contains { members.contains($0.memberID) && $0.isCurrent(on: day) }
    }

    /// Last week's no-shows are in Teamets vecka, and in Min vecka only for a socialsekreterare (no-shows
    /// matter for ekonomiskt bistånd; docs/week-list.md).
    public static func showsNoShows(onlyMine: Bool, profession: Profession?) -> Bool {
        !onlyMine || profession == .socialsekreterare
    }

    /// Who reads the list: their authority decides what another organisation's items show, `onlyMine`
    /// keeps what they take part in or are responsible for (Min vecka, `--mine`, `--responsible`). Teamets vecka
    /// of a member of an arbetslag (`TeamMember.unit`) keeps what the lag takes part in or is responsible for,
    /// unless `wholeTeam` (`--whole-team`).
    public struct Reader: Hashable, Sendable {
        public var member: TeamMember?
        public var onlyMine: Bool
        public var wholeTeam: Bool

        public init(member: TeamMember?, onlyMine: Bool, wholeTeam: Bool = false) {
            self.member = member
            self.onlyMine = onlyMine
            self.wholeTeam = wholeTeam
        }

        /// Teamets vecka, read by `member`: their lag's when they have one, unless `wholeTeam`.
        public static func team(_ member: TeamMember?, wholeTeam: Bool = false) -> Reader {
            Reader(member: member, onlyMine: false, wholeTeam: wholeTeam)
        }
        /// Min vecka of `member`.
        public static func mine(_ member: TeamMember) -> Reader { Reader(member: member, onlyMine: true) }

        /// The same reader with the member as `team` has them: the team read in the same transaction as the
        /// week, so a colleague's change of the member's organisation in between cannot judge the week's
        /// consents by one organisation and read them for another.
        public func current(in team: [TeamMember]) -> Reader {
            guard let member, let now = team.first(where: { $0.id == member.id }) else { return self }
            return Reader(member: now, onlyMine: onlyMine, wholeTeam: wholeTeam)
        }

        /// The lag whose week this is: the member's, in Teamets vecka without `wholeTeam`.
        public var unit: String? { onlyMine || wholeTeam ? nil : member?.unit }

        /// The members the list is read for, nil for everyone: the reader alone in Min vecka, the members of
        /// their lag in a lag's week (also those who have left the team and kept their lag: an exit's
        /// follow-ups reach the lag; a member moved to another lag takes theirs along). The
        /// list keeps the meetings they take part in and everything about the participants they are
        /// responsible for. `team` must be the one the week was read with.
        public func circle(in team: [TeamMember]) -> Set<TeamMember.ID>? {
            guard let member = current(in: team).member else { return nil }
            if onlyMine { return [member.id] }
            guard let unit = current(in: team).unit else { return nil }
            return Set(team.filter { $0.unit == unit }.map(\.id)).union([member.id])
        }
    }

    /// What happens to participants with skyddade personuppgifter.
    public enum ProtectedPolicy: Hashable, Sendable {
        /// Never in the list: every export.
        case leaveOut
        /// Only for the reader who is responsible for them (the terminal view).
        case onlyForResponsible
    }

    /// Items shown, and how many more the reader may not see (another organisation's, without consent).
    public struct Section<Item: Hashable & Sendable>: Hashable, Sendable {
        public var items: [Item]
        /// Shown only as a count: "1 möte (sekretess)".
        public var restricted: Int

        public init(items: [Item] = [], restricted: Int = 0) {
            self.items = items
            self.restricted = restricted
        }

        public var isEmpty: Bool { items.isEmpty && restricted == 0 }
    }

    public struct Day: Hashable, Sendable {
        public var date: LocalDate
        public var meetings: [MeetingItem]
        /// Meetings this day the reader may not see the details of.
        public var restricted: Int
    }

    /// A participant as the list names them: the UI and `--names` show `name`; exports pseudonymise.
    public struct Person: Hashable, Sendable {
        public var id: Participant.ID
        public var firstName: String
        public var lastName: String
        public var status: ParticipantStatus
        /// The Swedish collation key of `name` (å ä ö after z), computed once.
        public var sortKey: String

        public init(_ p: Participant) {
            self.init(id: p.id, firstName: p.firstName, lastName: p.lastName, status: p.status)
        }

        public init(id: Participant.ID, firstName: String, lastName: String, status: ParticipantStatus) {
            self.id = id
            self.firstName = firstName
            self.lastName = lastName
            self.status = status
            sortKey = SwedishCollation.key("\(lastName), \(firstName)")
        }

        /// "Efternamn, Förnamn"
        public var name: String { "\(lastName), \(firstName)" }
        /// "A.B."
        public var initials: String {
            [firstName, lastName].compactMap { $0.first.map { "\($0)." } }.joined()
        }
    }

    public struct MeetingItem: Hashable, Sendable {
        public var meeting: Meeting
        public var person: Person
        /// The team members taking part, by name, in the order given.
        public var memberNames: [String]
    }

    public struct InsatsItem: Hashable, Sendable {
        public var episode: InsatsEpisode
        public var person: Person
        public var typeName: String
        /// The day that puts it in the section: its start, its end, the gap's end or when it reaches its
        /// maximum length.
        public var date: LocalDate
    }

    public enum FollowUpKind: Hashable, Sendable {
        /// The insats's next follow-up date.
        case insats(code: String, episode: InsatsEpisode.ID)
        /// Four weeks after the exit.
        case exit4Weeks
        /// Six months after the exit.
        case exit6Months

        public var label: String {
            switch self {
            case .insats(let code, _): return "uppföljning \(code)"
            case .exit4Weeks: return "uppföljning 4 veckor efter avslut"
            case .exit6Months: return "uppföljning 6 månader efter avslut"
            }
        }
    }

    public struct FollowUpItem: Hashable, Sendable {
        public var person: Person
        public var kind: FollowUpKind
        public var due: LocalDate
        /// Due before the reference day.
        public var overdue: Bool
    }

    public enum ConsentProblem: Hashable, Sendable {
        case missing
        case ending(LocalDate)
    }

    public struct ConsentItem: Hashable, Sendable {
        public var person: Person
        /// The authority group (AF, Soc, FK, Reg) without a lasting consent.
        public var group: ConsentBadge.Group
        public var problem: ConsentProblem
    }

    public struct ExitItem: Hashable, Sendable {
        public var person: Person
        public var exit: ExitRecord
    }

    /// Every item the reader may see, and a count of those they may not.
    public var isEmpty: Bool {
        days.allSatisfy { $0.meetings.isEmpty && $0.restricted == 0 } && (noShowsLastWeek?.isEmpty ?? true)
            && starting.isEmpty && ending.isEmpty && gaps.isEmpty && withoutOngoing.isEmpty
            && withoutJobFocused.isEmpty && nearMaxLength.isEmpty && followUps.isEmpty && consents.isEmpty
            && exits.isEmpty
    }

    /// All meetings of the week shown in full, by day and time.
    public var meetings: [MeetingItem] { days.flatMap(\.meetings) }
}

extension WeekList {
    /// Consents ending within this many days of the reference day are listed.
    public static let consentWarningDays = CaseloadRules.consentWarningDays
    /// An insats ending within this many days with nothing after it is a gap.
    public static let gapHorizonDays = CaseloadRules.gapHorizonDays

    /// Builds the list. `records` are every participant the week touches (an open participant, or one with
    /// a meeting, an insats starting or ending, a follow-up or an exit in the week) with their assignments,
    /// consents, live episodes and the week's and last week's meetings.
    ///
    /// With `state` (what `CaseloadStore.weekData` reads), "utan pågående insats", "utan jobbinriktad insats"
    /// and the consent problems come from its rows, not from the records, and "glapp" and "nära längsta tid"
    /// are judged only for its `insatsCandidates`; `records` then need only the week's participants and those
    /// candidates (with all their live episodes), and only the consents that let the reader see.
    public init(
        week: IsoWeek, today: LocalDate, team: [TeamMember], catalogue: [InsatsType], reader: Reader,
        records: [ParticipantRecord], protectedPolicy: ProtectedPolicy, state: WeekCaseloadState? = nil
    ) {
        self.week = week
        self.today = today
        self.reader = reader
        let monday = week.monday
        let sunday = week.sunday
        let day = Self.referenceDay(week: week, today: today)
        referenceDay = day
        let members = Dictionary(team.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let types = Dictionary(catalogue.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let teamGroups = WeekAccess.groups(of: team)
        let registrars = Disclosure.registrars(team)
        let circle = reader.circle(in: team)

        var days = week.days.map { Day(date: $0, meetings: [], restricted: 0) }
        let showNoShows = Self.showsNoShows(onlyMine: reader.onlyMine, profession: reader.member?.profession)
        var noShows = Section<MeetingItem>()
        var starting = Section<InsatsItem>()
        var ending = Section<InsatsItem>()
        var gaps = Section<InsatsItem>()
        var withoutOngoing = Section<Person>()
        var withoutJobFocused = Section<Person>()
        var nearMax = Section<InsatsItem>()
        var followUps = Section<FollowUpItem>()
        var consents = Section<ConsentItem>()
        var exits = Section<ExitItem>()
        let previousMonday = monday.adding(days: -7)

        for record in records {
            let p = record.participant
            let access = WeekAccess(record: record, reader: reader.member, registrars: registrars, day: day)
            if p.protectedIdentity {
                guard protectedPolicy == .onlyForResponsible, access.readerResponsible(for: record, on: day)
                else { continue }
            }
            // Made only for a participant who is listed: the collation key is the costly part.
            lazy var person = Person(p)
            let mine = circle.map { Self.responsible($0, for: record, on: day) } ?? true
            let takesPart: (Meeting) -> Bool = { m in circle.map { c in m.members.contains(where: c.contains) } ?? true }

            for m in record.meetings {
                if m.date >= monday && m.date <= sunday {
                    guard mine || takesPart(m) else { continue }
                    let index = monday.days(until: m.date)
                    if access.maySee(meeting: m) {
                        days[index].meetings.append(
                            MeetingItem(meeting: m, person: person, memberNames: m.members.map { members[$0]?.name ?? $0.short }))
                    } else {
                        days[index].restricted += 1
                    }
                } else if showNoShows, m.outcome == .uteblev, m.date >= previousMonday, m.date < monday {
                    guard mine || takesPart(m) else { continue }
                    if access.maySee(meeting: m) {
                        noShows.items.append(
                            MeetingItem(meeting: m, person: person, memberNames: m.members.map { members[$0]?.name ?? $0.short }))
                    } else {
                        noShows.restricted += 1
                    }
                }
            }

            if mine {
                for e in record.episodes where !(e.status == .avbruten && e.start == nil) {
                    func item(_ date: LocalDate) -> InsatsItem {
                        InsatsItem(episode: e, person: person, typeName: types[e.typeCode]?.name ?? e.typeCode, date: date)
                    }
                    if let s = e.expectedStart, s >= monday, s <= sunday {
                        access.add(item(s), ownedBy: e.owner, to: &starting)
                    }
                    if let end = e.expectedEnd, end >= monday, end <= sunday {
                        access.add(item(end), ownedBy: e.owner, to: &ending)
                    }
                    if !e.status.isEnded, let due = e.nextFollowUp, due <= sunday, p.status.isOpen {
                        let f = FollowUpItem(person: person, kind: .insats(code: e.typeCode, episode: e.id), due: due, overdue: due < day)
                        if access.maySee(owner: e.owner) { followUps.items.append(f) } else { followUps.restricted += 1 }
                    }
                }

                if p.status.isOpen {
                    let judgeInsatser = state.map { $0.insatsCandidates.contains(p.id) } ?? true
                    let warnings = judgeInsatser ? InsatsPlanning.bipWarnings(record.episodes, catalogue: types, on: day) : []
                    for warning in warnings {
                        switch warning {
                        case .noOngoing: if state == nil { withoutOngoing.items.append(person) }
                        case .noJobFocused: if state == nil { withoutJobFocused.items.append(person) }
                        case .gapAhead(let code, let ends):
                            if let e = InsatsPlanning.gapAhead(record.episodes, ongoing: record.ongoingEpisodes(on: day), on: day) {
                                access.add(
                                    InsatsItem(episode: e, person: person, typeName: types[code]?.name ?? code, date: ends),
                                    ownedBy: e.owner, to: &gaps)
                            }
                        case .maxLengthNear(let code, let reaches):
                            for e in record.ongoingEpisodes(on: day) where e.typeCode == code {
                                access.add(
                                    InsatsItem(episode: e, person: person, typeName: types[code]?.name ?? code, date: reaches),
                                    ownedBy: e.owner, to: &nearMax)
                                break
                            }
                        case .followUpOverdue: break  // listed with the week's follow-ups above
                        }
                    }
                    if state == nil {
                        for group in teamGroups {
                            if let problem = Self.consentProblem(record.consents, group: group, on: day) {
                                consents.items.append(ConsentItem(person: person, group: group, problem: problem))
                            }
                        }
                    }
                }
            }

            // Exits and the follow-ups after them: responsibility is judged on the exit day, since the
            // responsible staff usually ended there.
            if let exit = record.exit, p.status == .avslutad {
                let mineAtExit = circle.map { Self.responsible($0, for: record, on: exit.date) } ?? true
                guard mineAtExit else { continue }
                if exit.date >= monday, exit.date <= sunday { exits.items.append(ExitItem(person: person, exit: exit)) }
                if week.contains(exit.followUp4Weeks) {
                    followUps.items.append(FollowUpItem(person: person, kind: .exit4Weeks, due: exit.followUp4Weeks, overdue: exit.followUp4Weeks < day))
                }
                if week.contains(exit.followUp6Months) {
                    followUps.items.append(FollowUpItem(person: person, kind: .exit6Months, due: exit.followUp6Months, overdue: exit.followUp6Months < day))
                }
            }
        }

        // The store's rows for the sections about every open participant, under the same rules as records.
        for row in state?.rows ?? [] where row.status.isOpen {
            let assignments = state?.circleAssignments[row.id] ?? []
            if row.protectedIdentity {
                let responsible = reader.member.map { member in
                    assignments.contains { $0.memberID == member.id && $0.isCurrent(on: day) }
                } ?? false
                guard protectedPolicy == .onlyForResponsible, responsible else { continue }
            }
            if let circle {
                guard assignments.contains(where: { circle.contains($0.memberID) && $0.isCurrent(on: day) }) else { continue }
            }
            lazy var person = Person(id: row.id, firstName: row.firstName, lastName: row.lastName, status: row.status)
            if !row.hasOngoing { withoutOngoing.items.append(person) }
            if !row.hasJobFocused { withoutJobFocused.items.append(person) }
            for group in teamGroups {
                if let problem = Self.consentProblem(lastValid: row.lastConsent(group), on: day) {
                    consents.items.append(ConsentItem(person: person, group: group, problem: problem))
                }
            }
        }

        let groupOrder = Dictionary(uniqueKeysWithValues: ConsentBadge.Group.allCases.enumerated().map { ($1, $0) })
        let byName: (Person, Person) -> Bool = { a, b in
            (a.sortKey, a.id.rawValue) < (b.sortKey, b.id.rawValue)
        }
        for i in days.indices {
            days[i].meetings.sort { a, b in
                (a.meeting.time, a.person.sortKey, a.meeting.id.rawValue) < (b.meeting.time, b.person.sortKey, b.meeting.id.rawValue)
            }
        }
        noShows.items.sort { ($0.meeting.date, $0.meeting.time, $0.meeting.id.rawValue) < ($1.meeting.date, $1.meeting.time, $1.meeting.id.rawValue) }
        func byDate(_ s: inout Section<InsatsItem>) {
            s.items.sort { a, b in
                a.date != b.date ? a.date < b.date : (a.person.id == b.person.id ? a.episode.id.rawValue < b.episode.id.rawValue : byName(a.person, b.person))
            }
        }
        byDate(&starting)
        byDate(&ending)
        byDate(&gaps)
        byDate(&nearMax)
        // The long sections (thousands of lines at city scale) are sorted through their indices, so the sort
        // moves integers instead of items; every order here is total (ties end on the participant's id).
        func sortedByName(_ people: [Person]) -> [Person] {
            people.indices.sorted { byName(people[$0], people[$1]) }.map { people[$0] }
        }
        withoutOngoing.items = sortedByName(withoutOngoing.items)
        withoutJobFocused.items = sortedByName(withoutJobFocused.items)
        followUps.items.sort { a, b in
            if a.due != b.due { return a.due < b.due }
            if a.person.id != b.person.id { return byName(a.person, b.person) }
            return String(describing: a.kind) < String(describing: b.kind)
        }
        let consentItems = consents.items
        let consentGroups = consentItems.map { groupOrder[$0.group]! }
        consents.items = consentItems.indices.sorted { a, b in
            consentGroups[a] != consentGroups[b] ? consentGroups[a] < consentGroups[b] : byName(consentItems[a].person, consentItems[b].person)
        }.map { consentItems[$0] }
        exits.items.sort { a, b in a.exit.date != b.exit.date ? a.exit.date < b.exit.date : byName(a.person, b.person) }

        self.days = days
        self.noShowsLastWeek = showNoShows ? noShows : nil
        self.starting = starting
        self.ending = ending
        self.gaps = gaps
        self.withoutOngoing = withoutOngoing
        self.withoutJobFocused = withoutJobFocused
        self.nearMaxLength = nearMax
        self.followUps = followUps
        self.consents = consents
        self.exits = exits
    }

    /// Today when today falls in the week, else the week's Monday: the day the state sections are judged on.
    public static func referenceDay(week: IsoWeek, today: LocalDate) -> LocalDate {
        week.contains(today) ? today : week.monday
    }

    /// Missing: no consent valid on `day` lets the group's authorities share. Ending: the valid ones that do
    /// all end within 30 days (the last of them is named).
    public static func consentProblem(_ consents: [Consent], group: ConsentBadge.Group, on day: LocalDate) -> ConsentProblem? {
        let valid = consents.filter { c in
            c.isValid(on: day) && c.discloser.union(c.recipient).contains { $0.badgeGroup == group }
        }
        return consentProblem(lastValid: valid.map(\.validTo).max(), on: day)
    }

    /// The same, given the last `validTo` of the group's consents valid on `day` (nil: none).
    public static func consentProblem(lastValid last: LocalDate?, on day: LocalDate) -> ConsentProblem? {
        guard let last else { return .missing }
        return day.days(until: last) <= consentWarningDays ? .ending(last) : nil
    }
}

/// Who may see what in the veckolista (docs/privacy.md, "Vem ser vad"): the participant's `Disclosure` for
/// the reader on the reference day. An insats or meeting the reader may not read is counted, not described.
public struct WeekAccess: Sendable {
    let disclosure: Disclosure
    let readerID: TeamMember.ID?

    public init(record: ParticipantRecord, reader: TeamMember?, registrars: [TeamMember.ID: Organisation], day: LocalDate) {
        disclosure = Disclosure(reader: reader, consents: record.consents, registrars: registrars, on: day)
        readerID = reader?.id
    }

    /// An insats owned by `owner`: the reader's own organisation's, or disclosed by consent for its category.
    public func maySee(owner: Organisation) -> Bool { disclosure.maySee(owner: owner, category: owner.primaryCategory) }

    /// A meeting: the reader takes part, or one of the organisations taking part is theirs or discloses to
    /// them by consent.
    public func maySee(meeting m: Meeting) -> Bool { disclosure.maySee(meeting: m) }

    func add(_ item: WeekList.InsatsItem, ownedBy owner: Organisation, to section: inout WeekList.Section<WeekList.InsatsItem>) {
        if maySee(owner: owner) { section.items.append(item) } else { section.restricted += 1 }
    }

    /// Whether the reader is responsible for the participant on `day`.
    func readerResponsible(for record: ParticipantRecord, on day: LocalDate) -> Bool {
        guard let readerID else { return false }
        return record.assignments.contains { $0.memberID == readerID && $0.isCurrent(on: day) }
    }

    /// The consent authorities an organisation acts as.
    public static func authorities(of organisation: Organisation) -> Set<Authority> { organisation.consentAuthorities }

    /// The consent groups of the team's active members' organisations, in badge order (AF, Soc, FK, Reg).
    static func groups(of team: [TeamMember]) -> [ConsentBadge.Group] {
        var found = Set<ConsentBadge.Group>()
        for m in team where m.active { for a in authorities(of: m.organisation) { found.insert(a.badgeGroup) } }
        return ConsentBadge.Group.allCases.filter(found.contains)
    }
}
