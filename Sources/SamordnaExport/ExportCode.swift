import SamordnaCore

/// A participant's code in one export: letters made from the participant's id and a salt chosen anew for
/// each export (FNV-1a), from an alphabet without look-alikes. The same participant gets another code in
/// the next file, so codes cannot be matched across exports or back to the database's ids.
public struct ExportCode: Sendable {
    public var salt: UInt64
    public var length: Int

    public init(salt: UInt64, length: Int = 6) {
        self.salt = salt
        self.length = length
    }

    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    public func code(_ id: Participant.ID, attempt: UInt64 = 0) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt ^ (attempt &* 0x9e37_79b9_7f4a_7c15)
        for b in id.rawValue.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        var out = ""
        for _ in 0..<length {
            out.append(Self.alphabet[Int(h % UInt64(Self.alphabet.count))])
            h /= UInt64(Self.alphabet.count)
        }
        return out
    }

    /// Codes for `ids`, different from each other: a code already taken is made again with the next attempt.
    public func codes(_ ids: [Participant.ID]) -> [Participant.ID: String] {
        var taken: Set<String> = []
        var result: [Participant.ID: String] = [:]
        for id in ids {
            var attempt: UInt64 = 0
            var c = code(id)
            while !taken.insert(c).inserted {
                attempt += 1
                c = code(id, attempt: attempt)
            }
            result[id] = c
        }
        return result
    }

    /// "Å.Ö. k3m9qx": initials and the code, never a birth date or the stored id.
    public static func label(firstName: String, lastName: String, code: String) -> String {
        let i = [firstName, lastName].compactMap { $0.first.map { "\($0)." } }.joined()
        return "\(i) \(code)"
    }
}
