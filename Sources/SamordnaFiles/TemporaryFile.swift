#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary file `FileWriter` fills before it takes the target's name: in the same folder (so the
/// rename is atomic), named `.NAME.samordna-XXXXXXXX.tmp`, created with `O_EXCL | O_NOFOLLOW`.
public final class TemporaryFile {
    /// The full path, for a writer that opens the file itself (SQLite's backup).
    public let path: String
    let name: String
    let target: String
    private(set) var fd: Int32

    private init(path: String, name: String, target: String, fd: Int32) {
        self.path = path
        self.name = name
        self.target = target
        self.fd = fd
    }

    static func create(in dirfd: Int32, directory: String, for targetName: String, mode: UInt32, target: String)
        throws(FileWriteError) -> TemporaryFile
    {
        for _ in 0..<20 {
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
            let name = "." + FileWriter.shortened(targetName) + ".samordna-" + suffix + ".tmp"
            let fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode & 0o777))
            if fd < 0 {
                if errno == EEXIST { continue }
                throw FileWriter.failure(errno, path: target)
            }
            // The umask may have taken bits away; the mode is what the folder's sharing asks for.
            if fchmod(fd, mode_t(mode & 0o777)) != 0 {
                let code = errno
                close(fd)
                unlinkat(dirfd, name, 0)
                throw FileWriter.failure(code, path: target)
            }
            let path = directory == "/" ? "/" + name : directory + "/" + name
            return TemporaryFile(path: path, name: name, target: target, fd: fd)
        }
        throw .failed(path: target, reason: "kan inte skapa en tillfällig fil")
    }

    /// Writes all of `bytes`; a short write (full disk, file-size limit) is an error, never silently less.
    public func append(_ bytes: [UInt8]) throws(FileWriteError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress! + written, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileWriter.failure(errno, path: target)
            }
            if n == 0 { throw FileWriter.failure(ENOSPC, path: target) }
            written += n
        }
    }

    func sync() throws(FileWriteError) {
        if fsync(fd) != 0 { throw FileWriter.failure(errno, path: target) }
    }

    func closeFile() {
        if fd >= 0 { close(fd) }
        fd = -1
    }
}
