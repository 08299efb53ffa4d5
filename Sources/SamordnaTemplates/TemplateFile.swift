import Foundation
import SamordnaCore
import SamordnaFiles

/// The team's template file, `kartlaggning.yaml` in the data directory: read it, and write the default on
/// first use (private, 0600, never over an existing file).
public enum TemplateFile {
    public static let name = "kartlaggning.yaml"
    /// A template is a few kilobytes; anything this large is a wrong file.
    public static let sizeLimit = 1_000_000

    public static func url(in directory: URL) -> URL { directory.appendingPathComponent(name) }

    /// Writes the default template to `url` unless something is there already; returns whether it wrote.
    /// Through the one file writer: complete or not at all, never over an existing file (so two processes
    /// starting together cannot both write, and the team's own file is never touched), 0600, or 0660 in a
    /// group-shared data directory.
    @discardableResult
    public static func writeDefaultIfMissing(at url: URL) throws(TemplateFileError) -> Bool {
        do {
            return try FileWriter.write(
                DefaultTemplate.yaml + "\n", to: url.path, options: WriteOptions(existing: .keep, allowDataFile: true))
        } catch {
            throw .unreadable(file: url.path, reason: "kan inte skapa mallen: \(error.reason)")
        }
    }

    /// Reads and checks the file. Messages name it as given in `url`.
    public static func read(_ url: URL) throws(TemplateFileError) -> TemplateDocument {
        let path = url.path
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if (attributes[.type] as? FileAttributeType) == .typeDirectory {
                throw TemplateFileError.unreadable(file: path, reason: "är en katalog, inte en fil")
            }
            if let size = attributes[.size] as? NSNumber, size.intValue > sizeLimit {
                throw TemplateFileError.unreadable(
                    file: path, reason: "filen är för stor för en mall (\(size.intValue) byte; högst \(sizeLimit))")
            }
            data = try Data(contentsOf: url)
        } catch let error as TemplateFileError {
            throw error
        } catch {
            let reason: String
            if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
                reason = OSReason.text(Int32(posix.code))
            } else if !FileManager.default.fileExists(atPath: path) {
                reason = "filen finns inte"
            } else {
                reason = "kan inte läsa filen"
            }
            throw .unreadable(file: path, reason: reason)
        }
        return try parse(data, file: path)
    }

    /// Decodes the bytes (UTF-8, a leading byte-order mark allowed) and parses them.
    public static func parse(_ data: Data, file: String) throws(TemplateFileError) -> TemplateDocument {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let (line, column) = firstInvalidUTF8(bytes) {
            throw .invalid(
                file: file,
                problems: [TemplateFileProblem(line: line, column: column, reason: "filen är inte UTF-8 (spara den som UTF-8)")])
        }
        return try TemplateYAML.parse(String(decoding: bytes, as: UTF8.self), file: file)
    }

    /// Line and column of the first byte that is not UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int)? {
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if Unicode.UTF8.decode(encoded) == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                return (line, column)
            }
        }
    }
}
