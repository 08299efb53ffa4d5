import Foundation

/// An anteckning: stamped with author, profession and time, owned by the author's organisation, and never
/// edited in place. A correction is a new note that points at the one it corrects; both stay visible.
public struct Note: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = EntityID<Note>
    public var id: ID
    public var participantID: Participant.ID
    public var authorID: TeamMember.ID
    public var profession: Profession
    public var owner: Organisation
    /// What the note is about, for consent (docs/privacy.md): by default the owner's own kind of work.
    public var category: InformationCategory
    public var writtenAt: Date
    public var text: String
    public var corrects: ID?

    public init(
        id: ID, participantID: Participant.ID, authorID: TeamMember.ID, profession: Profession,
        owner: Organisation, category: InformationCategory? = nil, writtenAt: Date, text: String, corrects: ID? = nil
    ) {
        self.id = id
        self.participantID = participantID
        self.authorID = authorID
        self.profession = profession
        self.owner = owner
        self.category = category ?? owner.primaryCategory
        self.writtenAt = writtenAt
        self.text = text
        self.corrects = corrects
    }
}
