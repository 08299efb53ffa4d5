import Foundation
import SamordnaCore
import SamordnaTemplates
import TerminalUI

/// The parsers that read what a person or another program hands Samordna, each as a function of raw bytes
/// for libFuzzer (scripts/fuzz). Besides "no crash, no hang, no memory blow-up", each checks what must
/// always hold and stops the run (`preconditionFailure`) when it does not, so libFuzzer keeps the input.
enum FuzzTargets {
    static let all: [String: @Sendable ([UInt8]) -> Void] = [
        "personnummer": personnummer,
        "csv": csv,
        "template": template,
        "catalogue": catalogue,
        "sanitize": sanitize,
    ]

    static let today = LocalDate(year: 2026, month: 11, day: 23)!

    /// A parsed number reads back to itself in both stored and printed forms.
    static func personnummer(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let number = try? Personnummer(parsing: text, today: today) else { return }
        guard number.digits.count == 12, number.digits.allSatisfy(\.isASCII) else {
            preconditionFailure("stored form is not 12 ASCII digits: \(number.digits)")
        }
        guard (try? Personnummer(storedDigits: number.digits)) == number,
            (try? Personnummer(parsing: number.formatted, today: today)) == number
        else { preconditionFailure("does not read back: \(number.digits)") }
    }

    /// The import never crashes, and every message it prints is inert (no control or format characters).
    static func csv(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var ids = CountingIdentifiers()
        switch ParticipantCSVImport.parse(text, today: today, existing: [], ids: &ids) {
        case .success(let participants):
            guard participants.count <= ParticipantCSVImport.rowLimit else { preconditionFailure("row limit") }
        case .failure(let failure):
            let message = failure.description
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count <= ImportFailure.shownProblemLimit + 2 else { preconditionFailure("problem cap") }
            for line in lines where line.unicodeScalars.contains(where: isHidden) {
                preconditionFailure("a message holds a hidden character: \(line.debugDescription)")
            }
        }
    }

    /// The template loader never crashes, and its messages are inert.
    static func template(_ bytes: [UInt8]) {
        do {
            _ = try TemplateFile.parse(Data(bytes), file: "kartlaggning.yaml")
        } catch {
            for line in error.description.split(separator: "\n") where line.unicodeScalars.contains(where: isHidden) {
                preconditionFailure("a message holds a hidden character: \(line.debugDescription)")
            }
        }
    }

    /// The insats catalogue loader never crashes, and its messages are inert; a catalogue it accepts has
    /// unique codes and offers the rules can use.
    static func catalogue(_ bytes: [UInt8]) {
        do {
            let document = try CatalogueFile.parse(Data(bytes), file: "insatser.yaml")
            let codes = document.types.map { $0.code.lowercased() }
            guard Set(codes).count == codes.count else { preconditionFailure("duplicate codes accepted: \(codes)") }
        } catch {
            for line in error.description.split(separator: "\n") where line.unicodeScalars.contains(where: isHidden) {
                preconditionFailure("a message holds a hidden character: \(line.debugDescription)")
            }
        }
    }

    /// Whatever is stored, the screen never gets a control or format character.
    static func sanitize(_ bytes: [UInt8]) {
        let line = Sanitize.line(String(decoding: bytes, as: UTF8.self))
        for scalar in line.unicodeScalars where isHidden(scalar) {
            preconditionFailure("Sanitize.line let U+\(String(scalar.value, radix: 16)) through")
        }
    }

    static func isHidden(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control: return s != "\t" && s != "\n"
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}

/// `1`, `2`, `3`…: ids for imported rows without randomness, so a run is reproducible.
struct CountingIdentifiers: IdentifierSource {
    var n = 0
    mutating func next() -> String {
        n += 1
        return "fuzz-\(n)"
    }
}
