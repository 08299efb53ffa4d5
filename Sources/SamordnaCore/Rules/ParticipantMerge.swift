/// Two people edited the same participant: which fields each changed, and "keep mine" as a three-way
/// merge. Keeping mine applies only the fields I changed on top of what the colleague saved, so a field I
/// never touched is never reverted to the value I happened to see.
public enum ParticipantMerge {
    struct Field: Sendable {
        let label: String
        let differs: @Sendable (Participant, Participant) -> Bool
        let copy: @Sendable (inout Participant, Participant) -> Void

        init<T: Equatable & Sendable>(_ label: String, _ path: WritableKeyPath<Participant, T> & Sendable) {
            self.label = label
            differs = { $0[keyPath: path] != $1[keyPath: path] }
            copy = { $0[keyPath: path] = $1[keyPath: path] }
        }
    }

    static let fields: [Field] = [
        Field("identitet", \.identity), Field("skyddade personuppgifter", \.protectedIdentity),
        Field("förnamn", \.firstName), Field("efternamn", \.lastName), Field("tilltalsnamn", \.preferredName),
        Field("kön", \.gender), Field("telefon", \.phone), Field("e-post", \.email), Field("adress", \.address),
        Field("språk", \.language), Field("tolk", \.interpreterNeeded), Field("tolkspråk", \.interpreterLanguage),
        Field("inskriven på AF sedan", \.afRegisteredSince), Field("försörjningsstöd sedan", \.forsorjningsstodSince),
        Field("status", \.status), Field("aktualiserad", \.enrolledOn),
    ]

    /// The Swedish names of the fields that differ, in form order.
    public static func changedFields(from a: Participant, to b: Participant) -> [String] {
        fields.filter { $0.differs(a, b) }.map(\.label)
    }

    /// `theirs` with every field that `mine` changed from `base` taken from `mine`; id and version are
    /// `theirs`.
    public static func keepMine(base: Participant, mine: Participant, theirs: Participant) -> Participant {
        var merged = theirs
        for field in fields where field.differs(base, mine) { field.copy(&merged, mine) }
        return merged
    }
}
