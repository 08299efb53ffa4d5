/// A warning shown on a participant in the caseload. Each follows a finding the team works by (BIP, ESF+,
/// the consent rules). Colour is never the only signal: each has a letter and a text.
public enum ParticipantFlag: String, CaseIterable, Hashable, Sendable, Codable {
    case protectedIdentity
    case noOngoingInsats
    case noJobFocusedInsats
    case gapAhead
    case consentMissing
    case consentExpiring
    case followUpOverdue
    case noRecentContact

    /// One letter for the list's Flaggor column.
    public var letter: Character {
        switch self {
        case .protectedIdentity: return "P"
        case .noOngoingInsats: return "I"
        case .noJobFocusedInsats: return "J"
        case .gapAhead: return "G"
        case .consentMissing: return "S"
        case .consentExpiring: return "s"
        case .followUpOverdue: return "U"
        case .noRecentContact: return "K"
        }
    }

    public var label: String {
        switch self {
        case .protectedIdentity: return "skyddade personuppgifter"
        case .noOngoingInsats: return "ingen pågående insats"
        case .noJobFocusedInsats: return "ingen jobbinriktad insats"
        case .gapAhead: return "glapp: insats slutar inom 4 veckor utan fortsättning"
        case .consentMissing: return "samtycke saknas"
        case .consentExpiring: return "samtycke går ut inom 30 dagar"
        case .followUpOverdue: return "uppföljning försenad"
        case .noRecentContact: return "ingen kontakt på 6 veckor"
        }
    }
}

/// The caseload's warning rules in one place: the list, the overview, the veckolista and the exports all
/// ask here and never recompute them.
public enum CaseloadRules {
    /// BIP: gaps without an insats set people back; look this far ahead for an ending with nothing after.
    public static let gapHorizonDays = 28
    /// Consents ending within this many days are flagged (domain.md §6.7).
    public static let consentWarningDays = 30
    /// No held meeting for this long counts as lost contact.
    public static let contactWarningDays = 42

    public static func flags(
        for record: ParticipantRecord, catalogue: [String: InsatsType], on day: LocalDate
    ) -> [ParticipantFlag] {
        var flags: [ParticipantFlag] = []
        let p = record.participant
        if p.protectedIdentity { flags.append(.protectedIdentity) }
        guard p.status.isOpen else { return flags }

        let ongoing = record.ongoingEpisodes(on: day)
        if ongoing.isEmpty {
            flags.append(.noOngoingInsats)
        }
        // BIP: at least one insats should be job-focused.
        if !ongoing.contains(where: { catalogue[$0.typeCode]?.jobFocused ?? false }) {
            flags.append(.noJobFocusedInsats)
        }
        if hasGapAhead(record, ongoing: ongoing, on: day) { flags.append(.gapAhead) }

        if !record.consents.contains(where: { $0.isValid(on: day) }) { flags.append(.consentMissing) }
        if record.consents.contains(where: { $0.expires(within: consentWarningDays, from: day) }) {
            flags.append(.consentExpiring)
        }
        if record.episodes.contains(where: { e in
            (e.status == .pagar || e.status == .planerad) && (e.nextFollowUp.map { $0 < day } ?? false)
        }) {
            flags.append(.followUpOverdue)
        }
        if p.status == .aktiv {
            let last = record.lastContact(before: day) ?? p.enrolledOn
            if last.days(until: day) > contactWarningDays { flags.append(.noRecentContact) }
        }
        return flags
    }

    /// An ongoing insats ends within the horizon and no other insats covers the day after it.
    public static func hasGapAhead(_ record: ParticipantRecord, on day: LocalDate) -> Bool {
        hasGapAhead(record, ongoing: record.ongoingEpisodes(on: day), on: day)
    }

    static func hasGapAhead(_ record: ParticipantRecord, ongoing: [InsatsEpisode], on day: LocalDate) -> Bool {
        let live = record.episodes.filter { $0.status == .pagar || $0.status == .planerad }
        for e in ongoing {
            guard let end = e.expectedEnd, day.days(until: end) <= gapHorizonDays else { continue }
            let after = end.adding(days: 1)
            let covered = live.contains { other in
                other.id != e.id && (other.expectedStart.map { $0 <= after.adding(days: 14) } ?? false)
                    && (other.expectedEnd.map { $0 >= after } ?? true)
            }
            if !covered { return true }
        }
        return false
    }
}
