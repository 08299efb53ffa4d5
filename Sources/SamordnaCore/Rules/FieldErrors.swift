/// A field of a form the team fills in (participant, avslut, samtycke): what a reason is attached to.
public protocol ValidatedField: Hashable, Sendable, CaseIterable {
    /// The field's Swedish label, as the form shows it.
    var label: String { get }
}

/// Why a filled-in form was refused: one Swedish reason per field, so the form can show each next to its
/// field and the person at the keyboard knows what to change.
public struct FieldErrors<Field: ValidatedField>: Error, Hashable, Sendable, CustomStringConvertible {
    public private(set) var reasons: [Field: String]

    public init(_ reasons: [Field: String] = [:]) { self.reasons = reasons }

    public subscript(field: Field) -> String? { reasons[field] }
    public var isEmpty: Bool { reasons.isEmpty }
    public var count: Int { reasons.count }

    /// The refused fields in the form's order.
    public var fields: [Field] { Field.allCases.filter { reasons[$0] != nil } }

    /// `förnamn: får inte vara tomt; e-post: …` in the form's order.
    public var description: String {
        fields.map { "\($0.label): \(reasons[$0]!)" }.joined(separator: "; ")
    }

    /// Keeps the first reason given for a field: it is the one the field's own rule found.
    mutating func add(_ field: Field, _ reason: String) {
        if reasons[field] == nil { reasons[field] = reason }
    }
}

/// A rule that refused a change (a status move, a note, a change of responsible staff), with the reason in
/// Swedish.
public struct RuleViolation: Error, Hashable, Sendable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
