#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import SamordnaCore

/// Thin wrappers over the few system calls the store needs for private files. Foundation's FileManager
/// cannot create a file exclusively with a given mode, and its error texts hide the OS reason.
enum POSIX {
    /// The OS's reason for the last failed call ("Permission denied").
    static func reason(_ code: Int32 = errno) -> String { OSReason.text(code) }

    /// Permission bits of `path`, nil when it does not exist.
    static func mode(of path: String) -> mode_t? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return s.st_mode & 0o7777
    }

    static func isDirectory(_ path: String) -> Bool? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return (s.st_mode & S_IFMT) == S_IFDIR
    }

    static func size(of path: String) -> Int64? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return Int64(s.st_size)
    }

    static func owner(of path: String) -> uid_t? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return s.st_uid
    }

    static var currentUser: uid_t { getuid() }

    static func makeDirectory(_ path: String, mode: mode_t) throws(POSIXFailure) {
        if mkdir(path, mode) != 0, errno != EEXIST { throw POSIXFailure(code: errno) }
    }

    static func changeMode(_ path: String, to mode: mode_t) throws(POSIXFailure) {
        if chmod(path, mode) != 0 { throw POSIXFailure(code: errno) }
    }

    /// Whether this process may create files in directory `path` (write and search permission).
    static func canWrite(directory path: String) -> Int32? {
        access(path, W_OK | X_OK) == 0 ? nil : errno
    }

    /// The errno when this process may not both read and write the existing file `path`.
    static func cannotReadWrite(_ path: String) -> Int32? {
        access(path, R_OK | W_OK) == 0 ? nil : errno
    }

    /// Reads at most `count` bytes from the start of `path` without changing it.
    static func readPrefix(_ path: String, count: Int) throws(POSIXFailure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw POSIXFailure(code: errno) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = buffer.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress! + filled, count - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXFailure(code: errno)
            }
            if n == 0 { break }
            filled += n
        }
        return Array(buffer[0..<filled])
    }

    static func remove(_ path: String) { unlink(path) }
}

struct POSIXFailure: Error {
    var code: Int32
    var reason: String { POSIX.reason(code) }
}
