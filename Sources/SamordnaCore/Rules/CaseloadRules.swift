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
    /// Consents ending within this many days are flagged (docs/domain-rules.md, Consent).
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

        for warning in InsatsPlanning.bipWarnings(record.episodes, catalogue: catalogue, on: day) {
            let flag: ParticipantFlag?
            switch warning {
            case .noOngoing: flag = .noOngoingInsats
            case .noJobFocused: flag = .noJobFocusedInsats
            case .gapAhead: flag = .gapAhead
            case .followUpOverdue: flag = .followUpOverdue
            case .maxLengthNear: flag = nil
            }
            if let flag, !flags.contains(flag) { flags.append(flag) }
        }
        if !record.consents.contains(where: { $0.isValid(on: day) }) { flags.append(.consentMissing) }
        if record.consents.contains(where: { $0.expires(within: consentWarningDays, from: day) }) {
            flags.append(.consentExpiring)
        }
        if p.status == .aktiv {
            let last = record.lastContact(before: day) ?? p.enrolledOn
            if last.days(until: day) > contactWarningDays { flags.append(.noRecentContact) }
        }
        // Always in the order of the help's list, whatever found them first.
        return ParticipantFlag.allCases.filter(flags.contains)
    }

    /// An ongoing insats ends within the horizon and no other insats covers the day after it.
    public static func hasGapAhead(_ record: ParticipantRecord, on day: LocalDate) -> Bool {
        InsatsPlanning.gapAhead(record.episodes, ongoing: record.ongoingEpisodes(on: day), on: day) != nil
    }
}
