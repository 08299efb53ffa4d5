import Foundation
import SamordnaCore

/// The team's template file, `kartlaggning.yaml` in the data directory: read it, and write the default on
/// first use (private, 0600, never over an existing file).
public enum TemplateFile {
    public static let name = "kartlaggning.yaml"
    /// A template is a few kilobytes; anything this large is a wrong file.
    public static let sizeLimit = 1_000_000

    public static func url(in directory: URL) -> URL { directory.appendingPathComponent(name) }

    /// Writes the default template to `url` unless a file is there already; returns whether it wrote.
    /// The file is created with O_EXCL and mode 0600 (0660 would be the team's own choice afterwards), so
    /// two processes starting together cannot both write, and an existing file is never touched.
    @discardableResult
    public static func writeDefaultIfMissing(at url: URL, mode: mode_t = 0o600) throws(TemplateFileError) -> Bool {
        let path = url.path
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if fd < 0 {
            let code = errno
            if code == EEXIST { return false }
            throw .unreadable(file: path, reason: "kan inte skapa mallen: \(OSReason.text(code))")
        }
        defer { close(fd) }
        // The process umask may have narrowed the mode; never widened it. Make it exactly what was asked.
        _ = fchmod(fd, mode)
        let bytes = Array((DefaultTemplate.yaml + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = OSReason.text(errno)
                unlink(path)
                throw .unreadable(file: path, reason: "kan inte skriva mallen: \(reason)")
            }
            written += n
        }
        if fsync(fd) != 0 {
            let reason = OSReason.text(errno)
            unlink(path)
            throw .unreadable(file: path, reason: "kan inte skriva mallen: \(reason)")
        }
        return true
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
