#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The permission bits for what Samordna creates, read from the folder it goes in. A team that shares a
/// caseload gives the data directory to its Unix group with the setgid bit (`chmod 2770`); files made there
/// are then 0660 and folders 2770, so every member's own account can open them. Anywhere else everything
/// is private to the owner: 0600 and 0700. The bits are set with `fchmod` after creating, so the umask
/// (even 0277) cannot leave a file Samordna itself cannot use.
public enum SharingMode {
    public static let privateFile: UInt32 = 0o600
    public static let groupFile: UInt32 = 0o660
    public static let privateDirectory: UInt32 = 0o700
    public static let groupDirectory: UInt32 = 0o2770

    /// Whether the folder at `path` is set up for a team (setgid bit set).
    public static func isGroupShared(directory path: String) -> Bool {
        var s = stat()
        guard stat(path, &s) == 0 else { return false }
        return UInt32(s.st_mode) & UInt32(S_ISGID) != 0
    }

    public static func fileMode(inDirectory path: String) -> UInt32 {
        isGroupShared(directory: path) ? groupFile : privateFile
    }

    public static func directoryMode(inDirectory path: String) -> UInt32 {
        isGroupShared(directory: path) ? groupDirectory : privateDirectory
    }
}
