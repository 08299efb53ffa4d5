import Foundation

/// Tells network and user-space file systems from local disks, so that `samordna check` can warn:
/// docs/domain-rules.md, Storage (network shares and sync folders are not safe for SQLite).
enum FileSystemKind {
    /// File system types on which SQLite's locks cannot be relied upon (as /proc/mounts names them).
    static let network: Set<String> = [
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "ceph", "9p", "vboxsf", "davfs", "glusterfs", "lustre",
        "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "fuse.davfs2",
    ]

    /// The type of the network file system `path` is on, or nil for a local disk or when it cannot be told.
    static func networkKind(of path: String) -> String? {
        #if os(Linux)
            guard let mounts = try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8) else { return nil }
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            var best: (point: String, type: String)?
            for line in mounts.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard fields.count >= 3 else { continue }
                // Spaces in mount points are written as \040.
                let point = fields[1].replacingOccurrences(of: "\\040", with: " ")
                let inside = point == "/" || resolved == point || resolved.hasPrefix(point + "/")
                if inside, point.count >= (best?.point.count ?? 0) { best = (point, String(fields[2])) }
            }
            guard let type = best?.type else { return nil }
            return network.contains(type) ? type : nil
        #else
            return nil
        #endif
    }

    /// The sync service whose folder `path` is in, judged by the folder names those services use.
    static func syncService(of path: String) -> String? {
        let services = [
            "Dropbox", "OneDrive", "Nextcloud", "ownCloud", "Google Drive", "GoogleDrive", "iCloud", "Box Sync",
            "MEGA", "Syncthing",
        ]
        let parts = path.split(separator: "/").map(String.init)
        return services.first { s in parts.contains { $0 == s || $0.hasPrefix(s + " ") || $0.hasPrefix(s + "-") } }
    }
}
