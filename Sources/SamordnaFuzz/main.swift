// SamordnaFuzz: the libFuzzer targets of docs/decisions/0006 (personnummer, csv, template, catalogue, sanitize).
//
// Built by `scripts/fuzz` with coverage instrumentation, AddressSanitizer and libFuzzer (`-DSAMORDNA_FUZZ`):
//   SAMORDNA_FUZZ_TARGET=csv SamordnaFuzz [libFuzzer flags] [corpus dirs]
// Built normally (as `swift build` does), it replays files through a target, so kept crash inputs stay tested:
//   SamordnaFuzz replay TARGET FILE|DIR…
import Foundation

#if SAMORDNA_FUZZ
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    nonisolated(unsafe) var selected: (@Sendable ([UInt8]) -> Void)?

    let name = ProcessInfo.processInfo.environment["SAMORDNA_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTargets.all[name] else {
        FileHandle.standardError.write(
            Data("SAMORDNA_FUZZ_TARGET must be one of \(FuzzTargets.all.keys.sorted())\n".utf8))
        exit(64)
    }
    selected = target
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(
        LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
            selected?(bytes)
            return 0
        })
#else
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard arguments.count >= 2, arguments[0] == "replay", let target = FuzzTargets.all[arguments[1]] else {
        FileHandle.standardError.write(
            Data("usage: SamordnaFuzz replay \(FuzzTargets.all.keys.sorted().joined(separator: "|")) FILE|DIR…\n".utf8))
        exit(64)
    }
    var count = 0
    for path in arguments.dropFirst(2) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
        let files =
            isDirectory.boolValue
            ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
            : [path]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            target(Array(data))
            count += 1
        }
    }
    print("\(arguments[1]): \(count) inputs replayed without a crash")
#endif
