#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way Samordna writes a file: exports, prints, the default template, backups and the empty
/// database file all come through here (docs/decisions/0006-safe-file-writing.md).
///
/// The content goes to a new temporary file in the same folder (`O_EXCL | O_NOFOLLOW`, 0600 or 0660 by the
/// folder's sharing), is `fsync`ed, and only then takes the target's name (a hard link for a new file, so a
/// file that appeared meanwhile is never replaced; `rename` when replacing is allowed), and the folder is
/// `fsync`ed. So a reader sees the old file or the whole new one, never half of one, and a write cut short
/// by a full disk or `ulimit -f` leaves the old file and no temporary file. The target is looked at with
/// `lstat` first: a symbolic link, a directory, an SQLite database or one of the data directory's own files
/// is refused whatever the options say.
public enum FileWriter {
    /// Writes `bytes` to `path`. Returns false only with `.keep` when something was already there.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, options: WriteOptions = WriteOptions())
        throws(FileWriteError) -> Bool
    {
        try produce(at: path, options: options) { file throws(FileWriteError) in
            try file.append(bytes)
        }
    }

    @discardableResult
    public static func write(_ text: String, to path: String, options: WriteOptions = WriteOptions())
        throws(FileWriteError) -> Bool
    {
        try write(Array(text.utf8), to: path, options: options)
    }

    /// Lets `fill` write the temporary file (directly, or by path, as SQLite's backup does), then puts it in
    /// place as `write` does. Anything `fill` throws removes the temporary file and is passed on.
    @discardableResult
    public static func produce<E: Error>(
        at path: String, options: WriteOptions = WriteOptions(), _ fill: (TemporaryFile) throws(E) -> Void
    ) throws(FileWriteError) -> Bool {
        let (directory, name) = split(path)
        guard !name.isEmpty, name != ".", name != ".." else { throw .notRegularFile(path: path) }
        if !options.allowDataFile, DataFileNames.isDataFile(name) { throw .dataFile(path: path) }
        if options.existing == .keep, isPresent(path) { return false }
        if try existing(path) != nil, options.existing == .refuse { throw .exists(path: path) }
        ignoreFileSizeSignal()
        let dirfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirfd >= 0 else { throw .directory(path: path, reason: SystemReason.text(errno)) }
        defer { close(dirfd) }
        removeStaleTemporaries(of: name, in: directory)
        let mode = options.mode ?? SharingMode.fileMode(inDirectory: directory)
        let temporary = try TemporaryFile.create(in: dirfd, directory: directory, for: name, mode: mode, target: path)
        var placed = false
        defer {
            temporary.closeFile()
            if !placed { unlinkat(dirfd, temporary.name, 0) }
        }
        do {
            try fill(temporary)
        } catch {
            if let error = error as? FileWriteError { throw error }
            throw .failed(path: path, reason: "\(error)")
        }
        try temporary.sync()
        switch options.existing {
        case .refuse, .keep:
            // link() never replaces: a file that appeared since the check above wins, and is not touched.
            if linkat(dirfd, temporary.name, dirfd, name, 0) == 0 {
                unlinkat(dirfd, temporary.name, 0)
                placed = true
            } else {
                let code = errno
                if code == EEXIST {
                    if options.existing == .keep { return false }
                    throw .exists(path: path)
                }
                // A file system without hard links (FAT, some network and FUSE mounts): look once more and
                // rename. The window between the look and the rename is the only one left there.
                guard code == EPERM || code == EOPNOTSUPP || code == EMLINK || code == ENOSYS else {
                    throw failure(code, path: path)
                }
                if isPresent(path) {
                    if options.existing == .keep { return false }
                    throw .exists(path: path)
                }
                if renameat(dirfd, temporary.name, dirfd, name) != 0 { throw failure(errno, path: path) }
                placed = true
            }
        case .replace:
            // Checked again just before: rename() replaces a symlink itself (never its target), but a database
            // or a folder that appeared meanwhile must still not be replaced.
            _ = try existing(path)
            if renameat(dirfd, temporary.name, dirfd, name) != 0 { throw failure(errno, path: path) }
            placed = true
        }
        if fsync(dirfd) != 0, errno != EINVAL, errno != EROFS { throw failure(errno, path: path) }
        return true
    }

    /// Creates the folder `path` (not its parents) with the mode its parent's sharing gives, or checks that
    /// the existing one is a real folder and not a symbolic link.
    public static func makeDirectory(_ path: String) throws(FileWriteError) {
        var s = stat()
        if lstat(path, &s) == 0 {
            if (s.st_mode & S_IFMT) == S_IFLNK { throw .symlink(path: path) }
            if (s.st_mode & S_IFMT) != S_IFDIR { throw .notRegularFile(path: path) }
            return
        }
        let (parent, _) = split(path)
        let mode = SharingMode.directoryMode(inDirectory: parent)
        if mkdir(path, mode_t(mode & 0o777)) != 0, errno != EEXIST {
            throw .directory(path: path, reason: SystemReason.text(errno))
        }
        // The umask may have taken bits away; set exactly what was meant (setgid included).
        if chmod(path, mode_t(mode)) != 0 { throw .directory(path: path, reason: SystemReason.text(errno)) }
    }

    /// `fsync`s the folder holding `path`, after a rename done outside the writer (a restore).
    public static func syncDirectory(of path: String) {
        let fd = open(split(path).directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    // MARK: Parts

    /// The target's name cut to at most 100 bytes of UTF-8 (whole characters), so the temporary file's name
    /// stays within the file system's 255 bytes however long or non-Latin the target's name is.
    static func shortened(_ name: String) -> String {
        var out = ""
        for ch in name {
            if out.utf8.count + ch.utf8.count > 100 { break }
            out.append(ch)
        }
        return out
    }

    /// A temporary file older than this was left by a writer that was killed (`kill -9`, a power cut).
    static let staleAge: Double = 3600

    /// Removes this account's temporary files for the same target that a killed writer left behind: only
    /// regular files named `.NAME.samordna-….tmp`, owned by this account and untouched for an hour, so a
    /// writer still at work (a long backup) is never disturbed.
    static func removeStaleTemporaries(of name: String, in directory: String) {
        let prefix = "." + shortened(name) + ".samordna-"
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        var stale: [String] = []
        while let entry = readdir(dir) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard entryName.hasPrefix(prefix), entryName.hasSuffix(".tmp") else { continue }
            stale.append(entryName)
        }
        let now = time(nil)
        for entryName in stale {
            let path = directory == "/" ? "/" + entryName : directory + "/" + entryName
            var s = stat()
            guard lstat(path, &s) == 0, s.st_mode & S_IFMT == S_IFREG, s.st_uid == getuid(),
                Double(now - s.st_mtim.tv_sec) > staleAge
            else { continue }
            unlink(path)
        }
    }

    public enum Found { case regular }

    /// What is at `path` now (without following a symlink), refusing what may never be replaced.
    public static func existing(_ path: String) throws(FileWriteError) -> Found? {
        var s = stat()
        guard lstat(path, &s) == 0 else {
            if errno == ENOENT { return nil }
            throw failure(errno, path: path)
        }
        switch s.st_mode & S_IFMT {
        case S_IFLNK: throw .symlink(path: path)
        case S_IFREG: break
        default: throw .notRegularFile(path: path)
        }
        if startsWithSQLiteMagic(path) { throw .database(path: path) }
        return .regular
    }

    /// Whether anything (a file, a link, even a dangling one) has the name `path`.
    static func isPresent(_ path: String) -> Bool {
        var s = stat()
        return lstat(path, &s) == 0
    }

    static func startsWithSQLiteMagic(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 16)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 16) }
        return n == 16 && buffer == DataFileNames.sqliteMagic
    }

    /// The folder (`.` for a bare name) and the last component.
    static func split(_ path: String) -> (directory: String, name: String) {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return (".", String(trimmed)) }
        let directory = trimmed[..<slash]
        return (directory.isEmpty ? "/" : String(directory), String(trimmed[trimmed.index(after: slash)...]))
    }

    static func failure(_ code: Int32, path: String) -> FileWriteError {
        SystemReason.isNoSpace(code)
            ? .noSpace(path: path, reason: SystemReason.text(code)) : .failed(path: path, reason: SystemReason.text(code))
    }

    /// With a file-size limit (`ulimit -f`) the kernel stops a process that writes past it with SIGXFSZ,
    /// which would leave the temporary file behind. Ignored, the write fails with EFBIG instead, and the
    /// writer cleans up and says why.
    static func ignoreFileSizeSignal() {
        _ = ignoreOnce
    }

    private static let ignoreOnce: Void = {
        signal(SIGXFSZ, SIG_IGN)
    }()
}
