import Foundation
import SamordnaCore

#if canImport(Glibc)
    import Glibc
#endif

/// Writes documents about participants the way the data directory is kept: the file 0600 and its folder
/// 0700, so an export never lands readable by others.
public enum PrivateFile {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "kan inte skriva \(path): \(reason)" }
    }

    /// Creates (or replaces) `path` with `text`, mode 0600.
    public static func write(_ text: String, to path: String) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if fd < 0 { throw Failure(path: path, reason: OSReason.text(errno)) }
        defer { close(fd) }
        // An existing file keeps its mode on O_TRUNC: make it private too.
        _ = fchmod(fd, 0o600)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: OSReason.text(errno))
            }
            written += n
        }
    }

    /// Makes `path` a private directory (0700) if it is not there.
    public static func makeDirectory(_ path: String) throws(Failure) {
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw Failure(path: path, reason: OSReason.text(errno))
        }
    }
}
