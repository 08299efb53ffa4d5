import GRDB
import SamordnaCore

/// `consent`: one samtycke. The sets of authorities, categories and purposes are stored as sorted code lists.
enum ConsentTable: StoredTable {
    static let kind = RecordKind.consent
    static let table = "consent"
    static let columns = [
        "id", "participant_id", "discloser", "recipient", "categories", "purposes", "purpose_text", "form",
        "valid_from", "valid_to", "document_reference", "registered_by", "withdrawn_on", "withdrawn_how",
        "withdrawal_registered_by",
    ]

    static func values(_ c: Consent) throws -> [(any DatabaseValueConvertible)?] {
        [
            c.id.rawValue, c.participantID.rawValue, CodeList.joinSorted(c.discloser),
            CodeList.joinSorted(c.recipient), CodeList.joinSorted(c.categories), CodeList.joinSorted(c.purposes),
            c.purposeText, c.form.rawValue, c.validFrom.storedText, c.validTo.storedText, c.documentReference,
            c.registeredBy.rawValue, c.withdrawnOn?.storedText, c.withdrawnHow, c.withdrawalRegisteredBy?.rawValue,
        ]
    }

    static func decode(_ r: inout ColumnReader) throws(StoredValueError) -> Consent {
        let id = try r.key()
        return Consent(
            id: EntityID(id), participantID: try r.participantID(), discloser: try r.codeSet(StoredCodes.authority),
            recipient: try r.codeSet(StoredCodes.authority), categories: try r.codeSet(StoredCodes.informationCategory),
            purposes: try r.codeSet(StoredCodes.consentPurpose), purposeText: r.optionalText(),
            form: try r.code(StoredCodes.consentForm), validFrom: try r.date(), validTo: try r.date(),
            documentReference: r.optionalSharedText(), registeredBy: try r.sharedID(), withdrawnOn: try r.optionalDate(),
            withdrawnHow: r.optionalSharedText(), withdrawalRegisteredBy: r.optionalSharedID())
    }

    static func key(of c: Consent) -> [String] { [c.id.rawValue] }
    static func participantID(of c: Consent) -> Participant.ID? { c.participantID }
}
