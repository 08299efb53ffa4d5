import SamordnaCore
import TerminalUI

/// The form for a new participant (`n` on the caseload) or for editing one (`E` on the overview). Values
/// are validated by Core as they are typed; the reasons show next to the fields. Nothing is saved until
/// `save`, and typed work is never thrown away without asking.
public struct ParticipantFormContent: FormContent {
    public enum Mode: Equatable, Sendable {
        case new
        case edit(Participant.ID, version: Int)
    }

    /// A question of the participant form's own.
    public enum Question: Equatable, Sendable {
        /// Someone similar already exists; save anyway?
        case similar(ConfirmDialog)
        /// A colleague saved this participant while you edited.
        case conflict(ChoiceDialog<ConflictChoice>, current: Participant)
    }

    public enum ConflictChoice: Hashable, Sendable { case reload, keepMine, cancel }

    public var mode: Mode
    /// Fields the user has left or edited: only these show "required" reasons before a save attempt.
    public var touched: Set<String>
    /// The similar-name match the user already accepted for this save.
    public var acceptedSimilar: Bool
    /// The participant as the edit form was opened (nil for a new one): what "my changes" are measured
    /// against, so a save applies only the fields I changed.
    public var base: Participant?
    /// The responsible staff when the form was opened; only professions changed in the form are saved.
    public var baseResponsible: [Profession: TeamMember.ID] = [:]

    public init(mode: Mode) {
        self.mode = mode
        self.touched = []
        self.acceptedSimilar = false
    }

    public var title: String {
        switch mode {
        case .new: return "Ny deltagare"
        case .edit: return "Ändra deltagare"
        }
    }

    public static func screen(_ form: FormScreen<Self>) -> Screen { .participantForm(form) }
    public var leaveTitle: String { "Lämna formuläret?" }
}

/// The fields of the participant form, in order. Field ids are `ParticipantField` raw values plus the
/// toggles and the responsible staff.
enum ParticipantFormFields {
    static let identityKinds = IdentityKind.allCases
    static let genders = Gender.allCases
    static let responsibleProfessions = Profession.core

    static func responsibleID(_ p: Profession) -> String { "responsible-\(p.rawValue)" }

    static func statuses(for mode: ParticipantFormContent.Mode, current: ParticipantStatus) -> [ParticipantStatus] {
        switch mode {
        case .new: return [.aktualiserad, .aktiv]
        case .edit:
            // Closing goes through the exit form (x), which records the outcome.
            return ([current] + current.allowedNext).filter { $0 != .avslutad }
        }
    }

    /// Team members of a profession, the current one first if it is no longer active.
    static func members(_ profession: Profession, team: [TeamMember]) -> [TeamMember] {
        team.filter { $0.profession == profession && $0.active }.sorted {
            SwedishCollation.key($0.name) < SwedishCollation.key($1.name)
        }
    }

    static func make(
        draft: ParticipantDraft, mode: ParticipantFormContent.Mode, team: [TeamMember],
        responsible: [Profession: TeamMember.ID]
    ) -> FormState {
        func text(_ id: ParticipantField, _ label: String, _ value: String, required: Bool = false, help: String? = nil)
            -> FormField
        {
            FormField(id: id.rawValue, label: label, kind: .text(TextFieldState(text: value)), required: required, help: help)
        }
        func date(_ id: ParticipantField, _ label: String, _ value: String, help: String? = nil) -> FormField {
            FormField(id: id.rawValue, label: label, kind: .date(TextFieldState(text: value)), help: help)
        }
        let status = ParticipantStatus(rawValue: draft.status) ?? .aktualiserad
        let statuses = statuses(for: mode, current: status)
        var fields: [FormField] = [
            FormField(
                id: ParticipantField.identityKind.rawValue, label: "Identitetstyp",
                kind: .choice(
                    options: identityKinds.map(\.label),
                    selected: identityKinds.firstIndex { $0.rawValue == draft.identityKind } ?? 0),
                required: true, help: "←/→ byter typ. Reservnummer och annan identitet kontrolleras inte."),
            text(
                .identity, "Identitet (nummer)", draft.identity, required: true,
                help: "ÅÅMMDD-NNNN, ÅÅÅÅMMDDNNNN eller med + för 100 år och äldre"),
            text(.firstName, "Förnamn", draft.firstName, required: true),
            text(.lastName, "Efternamn", draft.lastName, required: true),
            text(.preferredName, "Tilltalsnamn", draft.preferredName),
            FormField(
                id: ParticipantField.gender.rawValue, label: "Kön (självuppgivet)",
                kind: .choice(
                    options: genders.map(\.label), selected: genders.firstIndex { $0.rawValue == draft.gender }),
                required: true, help: "Fråga deltagaren; härled aldrig från personnumret."),
            FormField(
                id: "protectedIdentity", label: "Skyddade personuppgifter", kind: .toggle(draft.protectedIdentity),
                help: "Döljer kontaktuppgifter överallt och utesluter deltagaren ur alla exporter."),
            text(.phone, "Telefon", draft.phone),
            text(.email, "E-post", draft.email),
            text(.address, "Adress", draft.address),
            text(.language, "Språk", draft.language),
            FormField(id: "interpreterNeeded", label: "Behöver tolk", kind: .toggle(draft.interpreterNeeded)),
            text(.interpreterLanguage, "Tolkspråk", draft.interpreterLanguage),
            date(.afRegisteredSince, "Inskriven AF sedan", draft.afRegisteredSince, help: "ÅÅÅÅ-MM-DD"),
            date(.forsorjningsstodSince, "Försörjningsstöd sedan", draft.forsorjningsstodSince, help: "ÅÅÅÅ-MM-DD"),
            FormField(
                id: ParticipantField.status.rawValue, label: "Status",
                kind: .choice(options: statuses.map(\.label), selected: statuses.firstIndex(of: status) ?? 0),
                required: true),
            date(.enrolledOn, "Aktualiserad", draft.enrolledOn, help: "ÅÅÅÅ-MM-DD"),
        ]
        for profession in responsibleProfessions {
            let members = members(profession, team: team)
            let current = responsible[profession].flatMap { id in members.firstIndex { $0.id == id } }
            fields.append(
                FormField(
                    id: responsibleID(profession), label: "Ansvarig \(profession.label)",
                    kind: .choice(options: ["ingen"] + members.map(\.name), selected: current.map { $0 + 1 } ?? 0),
                    help: "Ett byte av ansvarig sparas i historiken och visas som kontinuitetsvarning."))
        }
        return FormState(fields: fields, focus: ParticipantField.identity.rawValue)
    }

    /// Reads the form back into a draft for Core to validate.
    static func draft(from form: FormState, mode: ParticipantFormContent.Mode, current: ParticipantStatus)
        -> ParticipantDraft
    {
        func s(_ id: ParticipantField) -> String { form.value(of: id.rawValue)?.string ?? "" }
        let kind = form.value(of: ParticipantField.identityKind.rawValue)?.selectedIndex.map { identityKinds[$0] }
        let gender = form.value(of: ParticipantField.gender.rawValue)?.selectedIndex.map { genders[$0] }
        let statuses = statuses(for: mode, current: current)
        let status = form.value(of: ParticipantField.status.rawValue)?.selectedIndex.map { statuses[$0] }
        return ParticipantDraft(
            identityKind: (kind ?? .personnummer).rawValue, identity: s(.identity),
            protectedIdentity: form.value(of: "protectedIdentity")?.bool ?? false,
            firstName: s(.firstName), lastName: s(.lastName), preferredName: s(.preferredName),
            gender: gender?.rawValue ?? "", phone: s(.phone), email: s(.email), address: s(.address),
            language: s(.language), interpreterNeeded: form.value(of: "interpreterNeeded")?.bool ?? false,
            interpreterLanguage: s(.interpreterLanguage), afRegisteredSince: s(.afRegisteredSince),
            forsorjningsstodSince: s(.forsorjningsstodSince), status: (status ?? current).rawValue,
            enrolledOn: s(.enrolledOn))
    }

    /// The chosen responsible member per profession (nil = nobody).
    static func responsible(from form: FormState, team: [TeamMember]) -> [Profession: TeamMember.ID?] {
        var result: [Profession: TeamMember.ID?] = [:]
        for profession in responsibleProfessions {
            let members = members(profession, team: team)
            let index = form.value(of: responsibleID(profession))?.selectedIndex ?? 0
            result[profession] = index == 0 ? .some(nil) : members[index - 1].id
        }
        return result
    }
}
