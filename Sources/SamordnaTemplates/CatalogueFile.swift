import Foundation
import SamordnaCore
import SamordnaFiles

/// The team's insats catalogue, `insatser.yaml` in the data directory: read it, and write the default on
/// first use (private, 0600 or 0660 in a group-shared directory, never over an existing file).
public enum CatalogueFile {
    public static let name = "insatser.yaml"
    /// A catalogue is a few kilobytes; anything this large is a wrong file.
    public static let sizeLimit = 1_000_000

    public static func url(in directory: URL) -> URL { directory.appendingPathComponent(name) }

    /// The default catalogue's file text (Core's `DefaultInsatsCatalogue.all`, with a header explaining the keys).
    public static let defaultYAML = CatalogueYAML.render(DefaultInsatsCatalogue.all)

    /// Writes the default catalogue to `url` unless something is there already; returns whether it wrote.
    /// Through the one file writer: complete or not at all, never over an existing file, 0600, or 0660 in a
    /// group-shared data directory.
    @discardableResult
    public static func writeDefaultIfMissing(at url: URL) throws(CatalogueFileError) -> Bool {
        // The usual case, at every start: the team's file is there. Checked before the default is rendered (the
        // writer checks again, and never replaces what appears in between); a symbolic link counts as there
        // only for the writer, which refuses it.
        var info = stat()
        if lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { return false }
        do {
            return try FileWriter.write(defaultYAML, to: url.path, options: WriteOptions(existing: .keep, allowDataFile: true))
        } catch {
            throw .unreadable(file: url.path, reason: "kan inte skapa insatskatalogen: \(error.reason)")
        }
    }

    /// Reads and checks the file. Messages name it as given in `url`.
    public static func read(_ url: URL) throws(CatalogueFileError) -> CatalogueDocument {
        let path = url.path
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if (attributes[.type] as? FileAttributeType) == .typeDirectory {
                throw CatalogueFileError.unreadable(file: path, reason: "är en katalog, inte en fil")
            }
            if let size = attributes[.size] as? NSNumber, size.intValue > sizeLimit {
                throw CatalogueFileError.unreadable(
                    file: path, reason: "filen är för stor för en insatskatalog (\(size.intValue) byte; högst \(sizeLimit))")
            }
            data = try Data(contentsOf: url)
        } catch let error as CatalogueFileError {
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
        // Read again after the size check: a file that grew in between is still refused.
        if data.count > sizeLimit {
            throw .unreadable(file: path, reason: "filen är för stor för en insatskatalog (\(data.count) byte; högst \(sizeLimit))")
        }
        return try parse(data, file: path)
    }

    /// Decodes the bytes (UTF-8, a leading byte-order mark allowed) and parses them.
    public static func parse(_ data: Data, file: String) throws(CatalogueFileError) -> CatalogueDocument {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let (line, column) = TemplateFile.firstInvalidUTF8(bytes) {
            throw .invalid(
                file: file,
                problems: [TemplateFileProblem(line: line, column: column, reason: "filen är inte UTF-8 (spara den som UTF-8)")])
        }
        return try CatalogueYAML.parse(String(decoding: bytes, as: UTF8.self), file: file)
    }
}
