import Foundation
import SamordnaCore

/// The stored spellings of one enumeration, matched against a column's bytes without making a String:
/// the loader reads ~400 000 codes for 10 000 participants. A spelling not in the table (a case added to
/// Core later) still goes through `init(rawValue:)`, so the table can only make reading faster, never wrong.
struct Codes<C: RawRepresentable & Sendable>: Sendable where C.RawValue == String {
    private let entries: [(bytes: [UInt8], code: C)]

    init(_ all: some Sequence<C>) { entries = all.map { (Array($0.rawValue.utf8), $0) } }

    func code(_ bytes: UnsafeBufferPointer<UInt8>) -> C? {
        for e in entries where ReadCache.equal(e.bytes, bytes) { return e.code }
        return C(rawValue: String(decoding: bytes, as: UTF8.self))
    }

    /// `a,b,c` → [a, b, c]; nil when one of them is unknown.
    func list(_ bytes: UnsafeBufferPointer<UInt8>) -> [C]? {
        var result: [C] = []
        if bytes.isEmpty { return result }
        for part in bytes.split(separator: 0x2C, omittingEmptySubsequences: false) {
            guard let c = code(UnsafeBufferPointer(rebasing: part)) else { return nil }
            result.append(c)
        }
        return result
    }
}

extension Codes where C: Hashable {
    func set(_ bytes: UnsafeBufferPointer<UInt8>) -> Set<C>? { list(bytes).map { Set($0) } }
}

/// One table per stored enumeration.
enum StoredCodes {
    static let profession = Codes(Profession.allCases)
    static let organisation = Codes(Organisation.allCases)
    static let gender = Codes(Gender.allCases)
    static let participantStatus = Codes(ParticipantStatus.allCases)
    static let authority = Codes(Authority.allCases)
    static let informationCategory = Codes(InformationCategory.allCases)
    static let consentPurpose = Codes(ConsentPurpose.allCases)
    static let consentForm = Codes(ConsentForm.allCases)
    static let insatsStatus = Codes(InsatsStatus.allCases)
    static let insatsEndReason = Codes(InsatsEndReason.allCases)
    static let meetingKind = Codes(MeetingKind.allCases)
    static let meetingOutcome = Codes(MeetingOutcome.allCases)
    static let outcome = Codes(OutcomeCode.allCases)
    static let kartlaggningStatus = Codes([KartlaggningStatus.utkast, .klar])
}
