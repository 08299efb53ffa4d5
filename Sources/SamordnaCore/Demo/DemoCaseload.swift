import Foundation

/// A realistic, entirely invented caseload for demos, screenshots and benchmarks: long-term unemployed
/// people on försörjningsstöd in Stockholm, followed by a multi-competent team.
///
/// Deterministic: the same (participants, seed, today) gives the same caseload, ids included. Identities
/// are only test numbers (födelsenummer 980–999, as in Skatteverket's test personnummer), about 8 %
/// samordningsnummer, and a few reservnummer; names are made up.
public struct DemoCaseload: Hashable, Sendable {
    public var team: [TeamMember]
    public var records: [ParticipantRecord]
    public var notes: [Note]

    public init(team: [TeamMember], records: [ParticipantRecord], notes: [Note]) {
        self.team = team
        self.records = records
        self.notes = notes
    }

    public static func generate(participants: Int, seed: UInt64, today: LocalDate) -> DemoCaseload {
        var builder = DemoBuilder(seed: seed, today: today)
        builder.makeTeam(participants: max(0, participants))
        for index in 0..<max(0, participants) { builder.addParticipant(index: index) }
        return DemoCaseload(team: builder.team, records: builder.records, notes: builder.notes)
    }
}

/// Builds one demo caseload; every random choice goes through `rng`, in a fixed order.
struct DemoBuilder {
    var rng: SeededGenerator
    let today: LocalDate
    var team: [TeamMember] = []
    var records: [ParticipantRecord] = []
    var notes: [Note] = []

    var activeStaff: [Profession: [TeamMember]] = [:]
    var memberByID: [TeamMember.ID: TeamMember] = [:]
    var formerStaff: [Profession: TeamMember] = [:]
    var usedIdentities: Set<String> = []
    let jobTypes: [(InsatsType, Int)]
    let otherTypes: [(InsatsType, Int)]

    init(seed: UInt64, today: LocalDate) {
        rng = SeededGenerator(seed: seed)
        self.today = today
        let weighted = DefaultInsatsCatalogue.all.map { ($0, DemoInsats.weight[$0.code] ?? 1) }
        jobTypes = weighted.filter { $0.0.jobFocused }
        otherTypes = weighted.filter { !$0.0.jobFocused }
    }

    // MARK: - Team

    /// One team of three (arbetsförmedlare, socialsekreterare, jobbcoach) shares about 100 participants; larger
    /// demos get one more member per profession for every further ~120 participants, and a former colleague each.
    /// A larger demo is a city's: one arbetslag of three per ~120 participants (`Lag 1`, `Lag 2`, …; the core
    /// three are `Lag 1`), and each participant's current responsible staff are one lag's.
    mutating func makeTeam(participants: Int) {
        let perProfession = max(1, (participants + 119) / 120)
        var logins: [String: Int] = [:]
        func login(_ base: String, _ p: Profession) -> String {
            let stem = "\(base).\(DemoStaffNames.loginSuffix(p))"
            let n = logins[stem, default: 0] + 1
            logins[stem] = n
            return n == 1 ? stem : "\(stem)\(n)"
        }
        func unit(_ n: Int) -> String? { perProfession > 1 ? "Lag \(n)" : nil }
        for (profession, name, base) in DemoStaffNames.core {
            let member = TeamMember(
                id: newID(), name: name, profession: profession, login: login(base, profession), unit: unit(1))
            team.append(member)
            activeStaff[profession, default: []].append(member)
        }
        for n in 1..<perProfession {
            for profession in Profession.core {
                let (first, base) = pick(DemoStaffNames.firstNames)
                let name = "\(first) \(pick(DemoStaffNames.lastNames))"
                let member = TeamMember(
                    id: newID(), name: name, profession: profession, login: login(base, profession), unit: unit(n + 1))
                team.append(member)
                activeStaff[profession, default: []].append(member)
            }
        }
        for (profession, name, base) in DemoStaffNames.former {
            let member = TeamMember(
                id: newID(), name: name, profession: profession, login: login(base, profession), active: false)
            team.append(member)
            formerStaff[profession] = member
        }
        for member in team { memberByID[member.id] = member }
    }

    // MARK: - Participants

    mutating func addParticipant(index: Int) {
        let (first, last, gender, background) = makeName(index: index)
        let status = weighted(
            [(.aktiv, 72), (.aktualiserad, 12), (.vilande, 6), (.avslutad, 10)] as [(ParticipantStatus, Int)])
        let daysEnrolled: Int
        switch status {
        case .aktualiserad: daysEnrolled = int(0...30)
        case .aktiv: daysEnrolled = int(45...900)
        case .vilande: daysEnrolled = int(120...900)
        case .avslutad: daysEnrolled = int(200...1000)
        }
        let enrolledOn = today.adding(days: -daysEnrolled)
        let exitDate = status == .avslutad ? enrolledOn.adding(days: int(150...(daysEnrolled - 1))) : nil
        // The period the team worked with the participant, up to today or the exit.
        let workEnd = exitDate ?? today

        // About 2 %, and always one early in the list so every demo shows how they are hidden.
        // The showcase names at the top of the list are never hidden by chance, so every demo starts alike.
        let protected = index == DemoShowcaseName.all.count + 2 || (index >= DemoShowcaseName.all.count && chance(2))
        let interpreter = chance(background.interpreterPercent)
        var participant = Participant(
            id: newID(), identity: makeIdentity(gender: gender), protectedIdentity: protected,
            firstName: first, lastName: last, gender: gender, language: background.language,
            interpreterNeeded: interpreter, interpreterLanguage: interpreter ? background.language : nil,
            afRegisteredSince: today.adding(days: -max(daysEnrolled + 730, int(730...2190))),
            forsorjningsstodSince: today.adding(days: -max(daysEnrolled + int(30...365), int(365...1825))),
            status: status, enrolledOn: enrolledOn)
        if first.contains(" ") && chance(50) { participant.preferredName = String(first.split(separator: " ").last!) }
        if !protected { addContactDetails(to: &participant) }

        var record = ParticipantRecord(participant: participant)
        record.assignments = makeAssignments(for: participant, until: exitDate)
        record.consents = makeConsents(for: participant, registeredBy: responsible(record, .socialsekreterare))
            .flatMap { perOrganisation($0, record) }
        record.episodes = makeEpisodes(for: participant, until: exitDate)
        record.meetings = makeMeetings(for: participant, assignments: record.assignments, until: workEnd)
        if let exitDate { record.exit = makeExit(for: participant.id, on: exitDate) }
        addNotes(for: record)
        records.append(record)
    }

    mutating func makeName(index: Int) -> (String, String, Gender, DemoBackground) {
        if index < DemoShowcaseName.all.count {
            let s = DemoShowcaseName.all[index]
            return (s.firstName, s.lastName, s.gender, DemoBackground.named(s.language))
        }
        let background = weighted(DemoBackground.all.map { ($0, $0.weight) })
        let gender = weighted([(.kvinna, 47), (.man, 47), (.ickeBinar, 3), (.villEjUppge, 3)] as [(Gender, Int)])
        let women: Bool
        switch gender {
        case .kvinna: women = true
        case .man: women = false
        case .ickeBinar, .villEjUppge: women = chance(50)
        }
        return (pick(women ? background.women : background.men), pick(background.lastNames), gender, background)
    }

    /// A unique test identity: födelsenummer 980–999 with a correct check digit, or a reservnummer.
    mutating func makeIdentity(gender: Gender) -> Identity {
        if chance(15, per: 1000) {
            while true {
                // Region Stockholm's reservnummer start with 99; the rest is not standardised.
                let value = "99" + (0..<10).map { _ in String(int(0...9)) }.joined()
                if usedIdentities.insert("R" + value).inserted { return .other(kind: "reservnummer", value: value) }
            }
        }
        let coordination = chance(8)
        let oldest = today.adding(months: -65 * 12).adding(days: 1)
        let youngest = today.adding(months: -20 * 12)
        while true {
            let birth = LocalDate(dayNumber: int(oldest.dayNumber...youngest.dayNumber))
            // Legal sex is in the third digit (odd for men); kept plausible, never used for gender.
            let parity: Int
            switch gender {
            case .kvinna: parity = 0
            case .man: parity = 1
            case .ickeBinar, .villEjUppge: parity = int(0...1)
            }
            let birthNumber = 980 + int(0...9) * 2 + parity
            let day = birth.day + (coordination ? 60 : 0)
            let nine = pad(birth.year % 100) + pad(birth.month) + pad(day) + String(birthNumber)
            let digits = pad(birth.year / 100) + nine + String(Personnummer.luhnCheckDigit(nine))
            guard usedIdentities.insert(digits).inserted, let number = try? Personnummer(storedDigits: digits)
            else { continue }
            return .personnummer(number)
        }
    }

    mutating func addContactDetails(to p: inout Participant) {
        // PTS reserves 070-174 06 05 … 070-174 06 99 for fiction.
        if chance(92) { p.phone = "070-174 06 \(pad(int(5...99)))" }
        if chance(30) { p.email = "\(DemoText.asciiLogin(p.firstName)).\(DemoText.asciiLogin(p.lastName))@example.com" }
        if chance(50) { p.address = "\(pick(DemoText.streets)) \(int(1...120)), \(pick(DemoText.postalAreas))" }
    }

    // MARK: - Responsibility and consent

    mutating func makeAssignments(for p: Participant, until exit: LocalDate?) -> [ResponsibleAssignment] {
        var result: [ResponsibleAssignment] = []
        let span = p.enrolledOn.days(until: exit ?? today)
        // In a city's demo the participant's staff are one lag's (the n-th member of each profession).
        let lags = activeStaff[.arbetsformedlare]?.count ?? 1
        let lag = lags > 1 ? int(0...(lags - 1)) : nil
        for profession in Profession.core {
            let staff = activeStaff[profession] ?? []
            let index = lag ?? int(0...(staff.count - 1))
            let current = staff[index]
            var from = p.enrolledOn
            // BIP: a change of caseworker sets people back, so the demo shows some to warn about.
            if span > 60, chance(15) {
                // Someone else in the same profession: a colleague, or the one who left the team.
                let earlier =
                    staff.count == 1
                    ? formerStaff[profession] ?? current
                    : staff[(index + int(1...(staff.count - 1))) % staff.count]
                let change = p.enrolledOn.adding(days: int(30...(span - 14)))
                result.append(
                    ResponsibleAssignment(
                        id: newID(), participantID: p.id, profession: profession, memberID: earlier.id,
                        from: from, to: change.adding(days: -1)))
                from = change
            }
            result.append(
                ResponsibleAssignment(
                    id: newID(), participantID: p.id, profession: profession, memberID: current.id, from: from,
                    to: exit))
        }
        return result
    }

    func responsible(_ record: ParticipantRecord, _ profession: Profession) -> TeamMember.ID {
        record.assignments.last { $0.profession == profession }?.memberID ?? team[0].id
    }

    mutating func makeConsents(for p: Participant, registeredBy: TeamMember.ID) -> [Consent] {
        var authorities: Set<Authority> = [.af, .socialtjanst, .jobbtorg]
        var categories: Set<InformationCategory> = [
            .identitetKontakt, .afPlanering, .ekonomisktBistand, .utbildningArbete,
        ]
        var purposes: Set<ConsentPurpose> = [.gemensamKartlaggning, .samordnadPlanering]
        if chance(20) {
            authorities.insert(.fk)
            categories.insert(.sjukskrivning)
        }
        if chance(15) {
            authorities.insert(chance(70) ? .primarvard : .psykiatri)
            categories.insert(.halsa)
            purposes.insert(.sip)
        }
        if chance(50) { categories.insert(.socialSituation) }
        if chance(50) { purposes.insert(.esfRapportering) }
        if chance(40) { purposes.insert(.arbetsgivarkontakt) }

        func consent(from: LocalDate, to: LocalDate? = nil) -> Consent {
            Consent(
                id: newID(), participantID: p.id, discloser: authorities, recipient: authorities,
                categories: categories, purposes: purposes, form: chance(90) ? .skriftligt : .muntligtDokumenterat,
                validFrom: from, validTo: to ?? from.adding(months: 12).adding(days: -1),
                documentReference: chance(60) ? "Samtyckesblankett, skannad i akten" : nil, registeredBy: registeredBy)
        }

        let daysEnrolled = p.enrolledOn.days(until: today)
        if p.status == .avslutad { return [consent(from: p.enrolledOn)] }
        if p.status == .aktualiserad && chance(30) { return [] }
        switch int(0...99) {
        case 0..<5:
            return []
        case 5..<9:
            // Expired and not renewed.
            return [consent(from: today.adding(days: -int(380...700)))]
        case 9..<12:
            var c = consent(from: today.adding(days: -int(30...300)))
            c.withdrawnOn = today.adding(days: -int(1...25))
            c.withdrawnHow = pick(["muntligt vid möte", "per telefon", "skriftligt"])
            c.withdrawalRegisteredBy = registeredBy
            return [c]
        case 12..<20:
            // Expires within 30 days: the veckolista and the badge should show it.
            let end = today.adding(days: int(1...30))
            return [consent(from: end.adding(months: -12).adding(days: 1), to: end)]
        default:
            let from = today.adding(days: -int(0...min(330, daysEnrolled)))
            var result = [consent(from: from)]
            if daysEnrolled > 400 && chance(40) {
                // The earlier one ran out and was renewed: history stays.
                result.insert(consent(from: from.adding(months: -12)), at: 0)
            }
            return result
        }
    }

    /// One signed form, registered by each organisation it lets disclose (each authority registers its own
    /// consent: docs/privacy.md), by the participant's responsible member of that organisation. Authorities
    /// without a member in the team stay with the first registrar. Ids are derived from the form's, so the
    /// demo's randomness (and so the rest of the demo) is the same as with one consent.
    func perOrganisation(_ form: Consent, _ record: ParticipantRecord) -> [Consent] {
        var byRegistrar: [(TeamMember.ID, Set<Authority>)] = []
        for a in Authority.allCases where form.discloser.contains(a) {
            let organisation = Organisation.allCases.first { $0.consentAuthorities.contains(a) }
            let registrar = organisation.flatMap { o in
                record.assignments.last { a in team.first { $0.id == a.memberID }?.organisation == o }?.memberID
                    ?? team.first { $0.organisation == o }?.id
            } ?? form.registeredBy
            if let i = byRegistrar.firstIndex(where: { $0.0 == registrar }) {
                byRegistrar[i].1.insert(a)
            } else {
                byRegistrar.append((registrar, [a]))
            }
        }
        return byRegistrar.enumerated().map { index, entry in
            var c = form
            // The first two digits say which organisation's copy; the other 34 are the form's.
            if byRegistrar.count > 1 {
                c.id = Consent.ID((index < 16 ? "0" : "") + String(index, radix: 16) + String(form.id.rawValue.dropFirst(2)))
            }
            c.discloser = entry.1
            c.registeredBy = entry.0
            if c.withdrawalRegisteredBy != nil { c.withdrawalRegisteredBy = entry.0 }
            return c
        }
    }

    // MARK: - Randomness and small helpers

    /// The same UUID-shaped text as `SeededGenerator.next() -> String`, without `String(format:)`, which
    /// costs more than everything else in a 10 000-participant demo.
    mutating func newID<E>() -> EntityID<E> {
        let a: UInt64 = rng.next()
        let b: UInt64 = rng.next()
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 36)
        var position = 0
        for nibble in 0..<32 {
            if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
            let word = nibble < 16 ? a : b
            bytes[position] = DemoBuilder.hexDigits[Int((word >> UInt64(60 - 4 * (nibble % 16))) & 0xF)]
            position += 1
        }
        return EntityID(String(decoding: bytes, as: UTF8.self))
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

    mutating func chance(_ percent: Int, per total: Int = 100) -> Bool { int(0...(total - 1)) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        var r = int(0...(items.reduce(0) { $0 + $1.1 } - 1))
        for (item, weight) in items {
            if r < weight { return item }
            r -= weight
        }
        return items[items.count - 1].0
    }

    func weekday(onOrBefore day: LocalDate) -> LocalDate {
        day.isoWeekday > 5 ? day.adding(days: 5 - day.isoWeekday) : day
    }

    func weekday(onOrAfter day: LocalDate) -> LocalDate {
        day.isoWeekday > 5 ? day.adding(days: 8 - day.isoWeekday) : day
    }

    /// A wall-clock time on `day` as an instant. Core knows no time zone, so this is UTC; 07:30–15:00 UTC
    /// is office hours in Stockholm all year.
    func instant(_ day: LocalDate, minutes: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + minutes * 60))
    }

    func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
