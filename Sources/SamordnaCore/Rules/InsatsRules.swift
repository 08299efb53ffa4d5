/// An insats episode as a person filled it in (the form or the command line): text, checked by
/// `InsatsRules.validate`.
public struct InsatsDraft: Hashable, Sendable {
    public var typeCode: String
    public var status: InsatsStatus
    public var plannedStart: String
    public var start: String
    public var plannedEnd: String
    public var end: String
    public var endReason: InsatsEndReason?
    /// Omfattning, percent of full time: `1`–`100`, or empty.
    public var extentPercent: String
    public var provider: String
    public var contactPerson: String
    public var decidedBy: Organisation?
    public var decisionDate: String
    public var nextFollowUp: String
    public var note: String

    public init(
        typeCode: String = "", status: InsatsStatus = .planerad, plannedStart: String = "", start: String = "",
        plannedEnd: String = "", end: String = "", endReason: InsatsEndReason? = nil, extentPercent: String = "",
        provider: String = "", contactPerson: String = "", decidedBy: Organisation? = nil, decisionDate: String = "",
        nextFollowUp: String = "", note: String = ""
    ) {
        self.typeCode = typeCode
        self.status = status
        self.plannedStart = plannedStart
        self.start = start
        self.plannedEnd = plannedEnd
        self.end = end
        self.endReason = endReason
        self.extentPercent = extentPercent
        self.provider = provider
        self.contactPerson = contactPerson
        self.decidedBy = decidedBy
        self.decisionDate = decisionDate
        self.nextFollowUp = nextFollowUp
        self.note = note
    }

    /// The draft an existing episode is edited from.
    public init(_ e: InsatsEpisode) {
        self.init(
            typeCode: e.typeCode, status: e.status, plannedStart: e.plannedStart?.description ?? "",
            start: e.start?.description ?? "", plannedEnd: e.plannedEnd?.description ?? "",
            end: e.end?.description ?? "", endReason: e.endReason, extentPercent: e.extentPercent.map(String.init) ?? "",
            provider: e.provider ?? "", contactPerson: e.contactPerson ?? "", decidedBy: e.decidedBy,
            decisionDate: e.decisionDate?.description ?? "", nextFollowUp: e.nextFollowUp?.description ?? "",
            note: e.note ?? "")
    }
}

public enum InsatsField: String, ValidatedField, Codable {
    case typeCode, status, plannedStart, start, plannedEnd, end, endReason, extentPercent, provider, contactPerson
    case decidedBy, decisionDate, nextFollowUp, note

    public var label: String {
        switch self {
        case .typeCode: return "insats"
        case .status: return "status"
        case .plannedStart: return "planerad start"
        case .start: return "start"
        case .plannedEnd: return "planerat slut"
        case .end: return "slut"
        case .endReason: return "avslutsorsak"
        case .extentPercent: return "omfattning"
        case .provider: return "anordnare"
        case .contactPerson: return "kontaktperson"
        case .decidedBy: return "beslutad av"
        case .decisionDate: return "beslutsdatum"
        case .nextFollowUp: return "nästa uppföljning"
        case .note: return "anteckning"
        }
    }
}

/// The rules for an insats episode: a type from the catalogue that is offered (for a new one), real dates
/// in order, an omfattning of 1–100 %, and the dates and reason its status needs. Planning problems that
/// are not errors (over 100 % in a week, the same type twice, past the maximum length) are
/// `InsatsWarnings`, shown but not refused.
public enum InsatsRules {
    public static let textLimit = 200
    public static let noteLimit = 2000

    /// - Parameter existing: the episode being edited (nil for a new one). A type that is no longer offered
    ///   stays valid for an episode that already has it.
    public static func validate(
        _ d: InsatsDraft, catalogue: [String: InsatsType], existing: InsatsEpisode? = nil, today: LocalDate
    ) -> Result<ValidInsats, FieldErrors<InsatsField>> {
        var errors = FieldErrors<InsatsField>()
        func take<T>(_ field: InsatsField, _ result: Result<T, RuleViolation>) -> T? {
            switch result {
            case .success(let value): return value
            case .failure(let violation):
                errors.add(field, violation.reason)
                return nil
            }
        }
        let code = d.typeCode.trimmingWhitespace()
        var type: InsatsType?
        if code.isEmpty {
            errors.add(.typeCode, "välj en insats ur katalogen")
        } else if let found = catalogue[code] ?? catalogue.values.first(where: { $0.code.lowercased() == code.lowercased() }) {
            type = found
            let keeps = existing?.typeCode == found.code
            if !keeps, !found.isOffered(on: today) {
                errors.add(.typeCode, "\(found.code) \(found.name) erbjuds inte längre\(found.activeTo.map { " (till \($0))" } ?? ""); den finns kvar för historiken")
            }
        } else {
            errors.add(.typeCode, "okänd insatskod \(TextRules.quoted(code)); se katalogen (insatser.yaml)")
        }
        let plannedStart = take(.plannedStart, TextRules.date(d.plannedStart)) ?? nil
        let start = take(.start, TextRules.date(d.start)) ?? nil
        let plannedEnd = take(.plannedEnd, TextRules.date(d.plannedEnd)) ?? nil
        let end = take(.end, TextRules.date(d.end)) ?? nil
        let decisionDate = take(.decisionDate, TextRules.date(d.decisionDate)) ?? nil
        let nextFollowUp = take(.nextFollowUp, TextRules.date(d.nextFollowUp)) ?? nil
        let extent = take(.extentPercent, Self.extent(d.extentPercent)) ?? nil
        let provider = take(.provider, TextRules.optionalLine(d.provider, limit: textLimit)) ?? nil
        let contact = take(.contactPerson, TextRules.optionalLine(d.contactPerson, limit: textLimit)) ?? nil
        let note = take(.note, Self.optionalText(d.note, limit: noteLimit)) ?? nil

        if let plannedStart, let plannedEnd, plannedEnd < plannedStart {
            errors.add(.plannedEnd, "planerat slut \(plannedEnd) är före planerad start \(plannedStart)")
        }
        if let start, let end, end < start { errors.add(.end, "slutet \(end) är före starten \(start)") }
        if let start, let plannedEnd, end == nil, plannedEnd < start {
            errors.add(.plannedEnd, "planerat slut \(plannedEnd) är före starten \(start)")
        }
        switch d.status {
        case .planerad:
            if plannedStart == nil && start == nil { errors.add(.plannedStart, "ange när insatsen är tänkt att starta") }
            if end != nil { errors.add(.end, "en planerad insats har inget slutdatum än; välj status avslutad eller avbruten") }
        case .pagar:
            if start == nil { errors.add(.start, "ange när insatsen startade") }
            if let start, start > today { errors.add(.start, "en pågående insats kan inte starta efter idag (\(today)); välj planerad") }
            if end != nil { errors.add(.end, "en pågående insats har inget slutdatum än; välj avslutad eller avbruten") }
        case .avslutad, .avbruten:
            if end == nil { errors.add(.end, "ange när insatsen slutade") }
            if let end, end > today { errors.add(.end, "slutdatumet \(end) ligger i framtiden (idag är \(today))") }
            if d.status == .avslutad, start == nil { errors.add(.start, "en avslutad insats har startat; ange när") }
            if d.endReason == nil { errors.add(.endReason, "ange varför insatsen slutade") }
            if let reason = d.endReason, reason.endsAs != d.status {
                errors.add(.endReason, "\(reason.rawValue) gör insatsen \(reason.endsAs.rawValue), inte \(d.status.rawValue)")
            }
        }
        if !d.status.isEnded, d.endReason != nil { errors.add(.endReason, "bara en avslutad eller avbruten insats har en avslutsorsak") }
        guard errors.isEmpty, let type else { return .failure(errors) }
        return .success(
            ValidInsats(
                typeCode: type.code, status: d.status, plannedStart: plannedStart, start: start, plannedEnd: plannedEnd,
                end: end, endReason: d.status.isEnded ? d.endReason : nil, extentPercent: extent, provider: provider,
                contactPerson: contact, decidedBy: d.decidedBy, decisionDate: decisionDate, nextFollowUp: nextFollowUp,
                note: note))
    }

    /// Optional text of several lines: trimmed, nil when empty.
    static func optionalText(_ text: String, limit: Int) -> Result<String?, RuleViolation> {
        let t = text.trimmingWhitespace()
        if t.isEmpty { return .success(nil) }
        if let reason = TextRules.check(t, limit: limit, lines: .multiple) { return .failure(RuleViolation(reason)) }
        return .success(t)
    }

    /// `1`–`100`, or empty.
    static func extent(_ text: String) -> Result<Int?, RuleViolation> {
        let t = text.trimmingWhitespace().replacingOccurrences(of: "%", with: "").trimmingWhitespace()
        if t.isEmpty { return .success(nil) }
        guard t.count <= 3, let n = Int(t) else {
            return .failure(RuleViolation("omfattning skrivs som procent av heltid, 1–100 (fick \(TextRules.quoted(text)))"))
        }
        guard (1...100).contains(n) else {
            return .failure(RuleViolation("omfattning måste vara 1–100 % av heltid (fick \(n))"))
        }
        return .success(n)
    }

    // MARK: Moves

    /// Starts a planned episode on `day` (not in the future).
    public static func start(_ e: InsatsEpisode, on day: LocalDate, today: LocalDate) -> Result<InsatsEpisode, RuleViolation> {
        guard e.status == .planerad else {
            return .failure(RuleViolation("bara en planerad insats kan startas (den är \(e.status.rawValue))"))
        }
        guard day <= today else { return .failure(RuleViolation("startdagen \(day) ligger i framtiden (idag är \(today))")) }
        if let plannedEnd = e.plannedEnd, plannedEnd < day {
            return .failure(RuleViolation("planerat slut \(plannedEnd) är före startdagen \(day); ändra insatsen först (e)"))
        }
        var started = e
        started.status = .pagar
        started.start = day
        return .success(started)
    }

    /// Ends an episode on `day` for `reason`: avslutad or avbruten as the reason says. A planned episode can
    /// only be cancelled (it never ran).
    public static func end(
        _ e: InsatsEpisode, on day: LocalDate, reason: InsatsEndReason, today: LocalDate
    ) -> Result<InsatsEpisode, RuleViolation> {
        let next = reason.endsAs
        guard e.status.allowedNext.contains(next) else {
            if e.status.isEnded { return .failure(RuleViolation("insatsen är redan \(e.status.rawValue)")) }
            return .failure(
                RuleViolation("en planerad insats kan bara avbrytas; \(reason.rawValue) passar en insats som har pågått"))
        }
        guard day <= today else { return .failure(RuleViolation("slutdagen \(day) ligger i framtiden (idag är \(today))")) }
        if let start = e.start, day < start {
            return .failure(RuleViolation("slutdagen \(day) är före starten \(start)"))
        }
        var ended = e
        ended.status = next
        ended.end = day
        ended.endReason = reason
        return .success(ended)
    }
}

/// An insats episode's fields as Core accepted them.
public struct ValidInsats: Hashable, Sendable {
    public var typeCode: String
    public var status: InsatsStatus
    public var plannedStart: LocalDate?
    public var start: LocalDate?
    public var plannedEnd: LocalDate?
    public var end: LocalDate?
    public var endReason: InsatsEndReason?
    public var extentPercent: Int?
    public var provider: String?
    public var contactPerson: String?
    public var decidedBy: Organisation?
    public var decisionDate: LocalDate?
    public var nextFollowUp: LocalDate?
    public var note: String?

    /// A new episode with these fields.
    public func episode(id: InsatsEpisode.ID, participant: Participant.ID, owner: Organisation) -> InsatsEpisode {
        applied(
            to: InsatsEpisode(id: id, participantID: participant, typeCode: typeCode, status: status, owner: owner))
    }

    /// `e` with these fields (id, participant, owner and version kept).
    public func applied(to e: InsatsEpisode) -> InsatsEpisode {
        var e = e
        e.typeCode = typeCode
        e.status = status
        e.plannedStart = plannedStart
        e.start = start
        e.plannedEnd = plannedEnd
        e.end = end
        e.endReason = endReason
        e.extentPercent = extentPercent
        e.provider = provider
        e.contactPerson = contactPerson
        e.decidedBy = decidedBy
        e.decisionDate = decisionDate
        e.nextFollowUp = nextFollowUp
        e.note = note
        return e
    }
}
