import Foundation
import SamordnaCore

/// One field of a stored record, ready to show.
struct DescribedField {
    let key: String
    let label: String
    let value: String
    var sensitivity: HistoryEntry.FieldChange.Sensitivity = .ordinary
}

/// Turns a record's change-log JSON back into its fields in the team's words, so the history never shows
/// raw JSON. Each kind is decoded into its model type and described field by field; a kind this version
/// does not know (or cannot decode) falls back to its top-level keys.
struct RecordDescription {
    /// Members by id, for "ansvarig: Anna Åberg (anna)".
    let team: [TeamMember.ID: TeamMember]

    static let none = "–"

    /// The record in words and its fields, from the old or new JSON of a change-log row.
    func describe(kind: String, id: String, json: String) -> (record: String, fields: [DescribedField]) {
        let data = Data(json.utf8)
        let decoder = ChangeJSON.decoder()
        switch RecordKind(rawValue: kind) {
        case .participant:
            if let p = try? decoder.decode(Participant.self, from: data) { return ("deltagaren", participant(p)) }
        case .assignment:
            if let a = try? decoder.decode(ResponsibleAssignment.self, from: data) {
                return ("ansvar som \(a.profession.label)", assignment(a))
            }
        case .consent:
            if let c = try? decoder.decode(Consent.self, from: data) { return ("samtycke \(c.id.short)", consent(c)) }
        case .exit:
            if let e = try? decoder.decode(ExitRecord.self, from: data) { return ("avslutet", exit(e)) }
        case .note:
            if let n = try? decoder.decode(Note.self, from: data) { return ("anteckning \(n.id.short)", note(n)) }
        case .insats:
            if let e = try? decoder.decode(InsatsEpisode.self, from: data) {
                return ("insats \(Self.text(e.typeCode))", insats(e))
            }
        case .meeting:
            if let m = try? decoder.decode(Meeting.self, from: data) {
                return ("möte \(m.date) \(m.time) (\(m.kind.rawValue))", meeting(m))
            }
        case .teamMember:
            if let m = try? decoder.decode(TeamMember.self, from: data) {
                return ("medarbetare \(Self.text(m.login))", teamMember(m))
            }
        case .kartlaggning:
            if let k = try? decoder.decode(Kartlaggning.self, from: data) {
                return ("kartläggningen \(k.date)", kartlaggning(k))
            }
        case .assessment:
            if let a = try? decoder.decode(ProfessionAssessment.self, from: data) {
                return ("bedömningen (\(a.profession.label))", assessment(a))
            }
        default:
            break
        }
        let label = RecordKind(rawValue: kind)?.label ?? Self.text(kind)
        return ("\(label) \(Self.text(String(id.prefix(6))))", Self.generic(data))
    }

    // MARK: Per kind, in the order the forms show the fields

    private func participant(_ p: Participant) -> [DescribedField] {
        typealias F = ParticipantField
        return [
            field("identity", F.identity.label, "\(p.identity.kindLabel) \(p.identity.full)", .identity),
            field("protectedIdentity", "skyddade personuppgifter", Self.yesNo(p.protectedIdentity)),
            field("firstName", F.firstName.label, p.firstName),
            field("lastName", F.lastName.label, p.lastName),
            field("preferredName", F.preferredName.label, p.preferredName),
            field("gender", F.gender.label, p.gender.label),
            field("phone", F.phone.label, p.phone, .contact),
            field("email", F.email.label, p.email, .contact),
            field("address", F.address.label, p.address, .contact),
            field("language", F.language.label, p.language),
            field("interpreterNeeded", "tolk", Self.yesNo(p.interpreterNeeded)),
            field("interpreterLanguage", F.interpreterLanguage.label, p.interpreterLanguage),
            field("afRegisteredSince", F.afRegisteredSince.label, p.afRegisteredSince?.description),
            field("forsorjningsstodSince", F.forsorjningsstodSince.label, p.forsorjningsstodSince?.description),
            field("status", F.status.label, p.status.label),
            field("enrolledOn", F.enrolledOn.label, p.enrolledOn.description),
        ]
    }

    private func assignment(_ a: ResponsibleAssignment) -> [DescribedField] {
        [
            field("member", "ansvarig", member(a.memberID)),
            field("from", "från", a.from.description),
            field("to", "till", a.to?.description),
        ]
    }

    private func consent(_ c: Consent) -> [DescribedField] {
        typealias F = ConsentField
        return [
            field("discloser", F.discloser.label, Self.list(c.discloser.map(\.rawValue))),
            field("recipient", F.recipient.label, Self.list(c.recipient.map(\.rawValue))),
            field("categories", F.categories.label, Self.list(c.categories.map(\.label))),
            field("purposes", F.purposes.label, Self.list(c.purposes.map(\.rawValue))),
            field("purposeText", F.purposeText.label, c.purposeText),
            field("form", "form", c.form.rawValue),
            field("validFrom", F.validFrom.label, c.validFrom.description),
            field("validTo", F.validTo.label, c.validTo.description),
            field("documentReference", F.documentReference.label, c.documentReference),
            field("registeredBy", "registrerat av", member(c.registeredBy)),
            field("withdrawnOn", F.withdrawnOn.label, c.withdrawnOn?.description),
            field("withdrawnHow", F.withdrawnHow.label, c.withdrawnHow),
            field("withdrawalRegisteredBy", "återkallelse registrerad av", c.withdrawalRegisteredBy.map(member)),
        ]
    }

    private func exit(_ e: ExitRecord) -> [DescribedField] {
        typealias F = ExitField
        return [
            field("date", F.date.label, e.date.description),
            field("outcome", F.outcome.label, "\(e.outcome.rawValue) \(e.outcome.label)"),
            field("outcomeText", F.outcomeText.label, e.outcomeText),
            field("forsorjningsstodEnded", "försörjningsstöd upphört", Self.yesNo(e.forsorjningsstodEnded)),
            field("forsorjningsstodEndedOn", F.forsorjningsstodEndedOn.label, e.forsorjningsstodEndedOn?.description),
            field("stepAtStart", F.stepAtStart.label, e.stepAtStart.map { "\($0.rawValue) \($0.label)" }),
            field("stepAtExit", F.stepAtExit.label, e.stepAtExit.map { "\($0.rawValue) \($0.label)" }),
            field("closerToWorkOrStudies", "närmare arbete eller studier", Self.yesNo(e.closerToWorkOrStudies)),
            field("followUp4Weeks", "uppföljning 4 veckor", e.followUp4Weeks.description),
            field("followUp6Months", "uppföljning 6 månader", e.followUp6Months.description),
        ]
    }

    private func note(_ n: Note) -> [DescribedField] {
        [
            field("author", "skriven av", "\(member(n.authorID)), \(n.profession.label)"),
            field("text", "text", n.text),
            field("corrects", "rättar anteckning", n.corrects.map(\.short)),
        ]
    }

    private func insats(_ e: InsatsEpisode) -> [DescribedField] {
        [
            field("typeCode", "insats", e.typeCode),
            field("status", "status", e.status.rawValue),
            field("plannedStart", "planerad start", e.plannedStart?.description),
            field("start", "start", e.start?.description),
            field("plannedEnd", "planerat slut", e.plannedEnd?.description),
            field("end", "slut", e.end?.description),
            field("extentPercent", "omfattning", e.extentPercent.map { "\($0) %" }),
            field("provider", "anordnare", e.provider),
            field("contactPerson", "kontaktperson", e.contactPerson),
            field("nextFollowUp", "nästa uppföljning", e.nextFollowUp?.description),
            field("owner", "ägare", e.owner.rawValue),
            field("decidedBy", "beslutad av", e.decidedBy?.rawValue),
            field("decisionDate", "beslutsdatum", e.decisionDate?.description),
            field("endReason", "avslutsorsak", e.endReason?.rawValue),
            field("note", "anteckning", e.note),
        ]
    }

    private func meeting(_ m: Meeting) -> [DescribedField] {
        [
            field("date", "datum", m.date.description),
            field("time", "tid", m.time.description),
            field("durationMinutes", "längd", "\(m.durationMinutes) min"),
            field("kind", "typ", m.kind.rawValue),
            field("professions", "yrken", Self.list(m.professions.map(\.short))),
            field("members", "medarbetare", Self.list(m.members.map(member))),
            field("interpreter", "tolk", Self.yesNo(m.interpreter)),
            field("interpreterLanguage", "tolkspråk", m.interpreterLanguage),
            field("location", "plats", m.location),
            field("outcome", "utfall", m.outcome.rawValue),
            field("outcomeNote", "anteckning om utfallet", m.outcomeNote),
        ]
    }

    /// The answers themselves are not in the history: they may be P2/P3 (health, social situation) and
    /// belong in the kartläggning; the history says how many there are.
    private func kartlaggning(_ k: Kartlaggning) -> [DescribedField] {
        let answered = k.answers.values.filter { AnswerRules.isAnswered($0) }.count
        return [
            field("status", "status", k.status.rawValue),
            field("answers", "besvarade frågor", String(answered)),
            field("professionsPresent", "närvarande", k.professionsPresent.isEmpty ? nil : Self.list(k.professionsPresent.map(\.label))),
            field("templateVersion", "mallversion", String(k.templateVersion)),
        ]
    }

    /// The reason for another step is the profession's own text: the history says that it changed.
    private func assessment(_ a: ProfessionAssessment) -> [DescribedField] {
        [
            field("belief", "tilltro", "\(a.belief) av 5"),
            field("step", "steg", "\(a.step.rawValue) \(a.step.label)"),
            field("suggestedStep", "föreslaget steg", "\(a.suggestedStep.rawValue)"),
            field("overrideReason", "skäl för annat steg", a.overrideReason == nil ? nil : "ifyllt"),
        ]
    }

    private func teamMember(_ m: TeamMember) -> [DescribedField] {
        [
            field("name", "namn", m.name),
            field("login", "inloggning", m.login),
            field("profession", "yrke", m.profession.label),
            field("organisation", "organisation", m.organisation.label),
            field("active", "aktiv", Self.yesNo(m.active)),
            field("unit", "arbetslag", m.unit),
        ]
    }

    // MARK: Values

    private func field(
        _ key: String, _ label: String, _ value: String?,
        _ sensitivity: HistoryEntry.FieldChange.Sensitivity = .ordinary
    ) -> DescribedField {
        DescribedField(key: key, label: label, value: value.map(Self.text) ?? Self.none, sensitivity: sensitivity)
    }

    private func member(_ id: TeamMember.ID) -> String {
        guard let m = team[id] else { return id.rawValue }
        return "\(m.name) (\(m.login))"
    }

    /// Stored text as it is, control characters spelled out; empty text as `–`.
    static func text(_ value: String) -> String { value.isEmpty ? none : VisibleText.escaped(value) }

    static func yesNo(_ value: Bool) -> String { value ? "ja" : "nej" }

    static func list(_ values: [String]) -> String {
        values.isEmpty ? none : values.sorted().joined(separator: ", ")
    }

    /// The top-level keys of a JSON object, each value in words (nested objects as `nyckel: värde` pairs).
    static func generic(_ data: Data) -> [DescribedField] {
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            return [DescribedField(key: "", label: "värde", value: "(kan inte visas)")]
        }
        return object.keys.sorted().filter { $0 != "version" }.map { key in
            DescribedField(key: key, label: key, value: object[key]!.plain)
        }
    }
}

/// Any JSON value, for describing a record kind this version has no model for.
private enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    var plain: String {
        switch self {
        case .null: return RecordDescription.none
        case .bool(let b): return RecordDescription.yesNo(b)
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s): return RecordDescription.text(s)
        case .array(let a): return a.isEmpty ? RecordDescription.none : a.map(\.plain).joined(separator: ", ")
        case .object(let o):
            return o.isEmpty
                ? RecordDescription.none : o.keys.sorted().map { "\($0): \(o[$0]!.plain)" }.joined(separator: ", ")
        }
    }
}
