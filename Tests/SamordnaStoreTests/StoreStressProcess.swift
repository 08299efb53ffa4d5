import Foundation

/// Runs the StoreStress helper executable, which `swift test` builds next to the test bundle.
enum StoreStressProcess {
    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// `.build/<config>/StoreStress`: the directory of the test bundle or one of its parents.
    static func executable() throws -> URL {
        var starts: [URL] = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])]
        starts += Bundle.allBundles.map(\.bundleURL)
        var tried: [String] = []
        for start in starts {
            var dir = start
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("StoreStress")
                tried.append(candidate.path)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        throw Missing(tried: Set(tried).sorted())
    }

    /// Fails the test (never skips it): without the helper the multi-process guarantees go unchecked.
    struct Missing: Error, CustomStringConvertible {
        var tried: [String]
        var description: String {
            "StoreStress saknas. Bygg den med 'swift build --product StoreStress' (swift test bygger den normalt). "
                + "Letade i: \(tried.joined(separator: ", "))"
        }
    }

    /// Starts one worker; call `finish` on the result to wait for it.
    /// `mode` "insats": episodes and meetings instead of participants (see StoreStress).
    static func start(database: URL, worker: String, count: Int, mode: String? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = [database.path, worker, String(count)] + (mode.map { [$0] } ?? [])
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func finish(_ started: (Process, Pipe, Pipe)) -> Outcome {
        let (process, out, err) = started
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }

    static func run(database: URL, worker: String, count: Int) throws -> Outcome {
        finish(try start(database: database, worker: worker, count: count))
    }
}
