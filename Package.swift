// swift-tools-version:6.0
import PackageDescription

// Targets follow docs/architecture.md: the import graph keeps SamordnaUI pure
// (it cannot reach the store or the disk) and keeps curses inside CursesBackend.
let package = Package(
    name: "samordna",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "samordna", targets: ["samordna"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "SamordnaCore"),
        // The one file writer (temporary file, fsync, rename; no symlinks, never over data files): Foundation only,
        // so Templates, Store, Runtime and the command line can all use it (docs/decisions/0006).
        .target(name: "SamordnaFiles"),
        // The team's kartläggning template file (YAML) read into Core's values; keeps Core Foundation-only.
        .target(name: "SamordnaTemplates", dependencies: ["SamordnaCore", "SamordnaFiles", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "SamordnaStore",
            dependencies: [
                "SamordnaCore", "SamordnaFiles", "SamordnaTemplates", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .target(name: "SamordnaExport", dependencies: ["SamordnaCore"]),
        .target(name: "TerminalUI"),
        .target(name: "TerminalUITesting", dependencies: ["TerminalUI"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesBackend", dependencies: ["TerminalUI", "CNcursesw"]),
        .target(name: "SamordnaUI", dependencies: ["SamordnaCore", "TerminalUI"]),
        .target(
            name: "SamordnaRuntime",
            dependencies: [
                "SamordnaUI", "SamordnaStore", "SamordnaExport", "SamordnaTemplates", "SamordnaFiles", "TerminalUI",
            ]),
        .executableTarget(
            name: "samordna",
            dependencies: [
                "SamordnaCore", "SamordnaStore", "SamordnaExport", "SamordnaUI", "SamordnaRuntime",
                "SamordnaTemplates", "SamordnaFiles", "TerminalUI", "CursesBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Release-mode benchmark: `swift run -c release SamordnaBench` (docs/benchmarks.md).
        .executableTarget(
            name: "SamordnaBench",
            dependencies: ["SamordnaCore", "SamordnaStore", "SamordnaUI", "SamordnaRuntime", "TerminalUI"]),
        // libFuzzer targets for the parsers (scripts/fuzz builds them instrumented; a normal build replays inputs).
        .executableTarget(name: "SamordnaFuzz", dependencies: ["SamordnaCore", "SamordnaTemplates", "TerminalUI"]),
        // Helper process for the store tests: several of these write to one database at once.
        .executableTarget(name: "StoreStress", dependencies: ["SamordnaCore", "SamordnaStore"]),
        .testTarget(name: "SamordnaCoreTests", dependencies: ["SamordnaCore"]),
        .testTarget(name: "SamordnaFilesTests", dependencies: ["SamordnaFiles"]),
        .testTarget(name: "SamordnaTemplatesTests", dependencies: ["SamordnaCore", "SamordnaTemplates"]),
        .testTarget(name: "SamordnaExportTests", dependencies: ["SamordnaCore", "SamordnaExport"], exclude: ["Golden"]),
        .testTarget(
            name: "SamordnaStoreTests",
            dependencies: [
                "SamordnaCore", "SamordnaStore", "SamordnaTemplates", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TerminalUITesting"]),
        .testTarget(
            name: "SamordnaUITests",
            dependencies: ["SamordnaCore", "SamordnaUI", "TerminalUI", "TerminalUITesting"],
            exclude: ["__Snapshots__"]),
        .testTarget(
            name: "SamordnaRuntimeTests",
            dependencies: [
                "SamordnaCore", "SamordnaStore", "SamordnaUI", "SamordnaRuntime", "TerminalUI",
                "TerminalUITesting",
            ]),
    ]
)
