// swift-tools-version:6.0
import PackageDescription

// Release builds link the Swift runtime and Foundation statically on Linux: one file to install, and every command
// starts about 5 ms sooner in 6 MB less memory than with the shared libraries (docs/decisions/0007). Debug builds,
// and so the tests, stay dynamic.
let staticRelease: [SwiftSetting] = [
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
]
let staticReleaseLink: [LinkerSetting] = [
    .unsafeFlags(
        ["-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
        .when(platforms: [.linux], configuration: .release)),
]

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
        .target(name: "SamordnaCore", swiftSettings: staticRelease),
        // The one file writer (temporary file, fsync, rename; no symlinks, never over data files): Foundation only,
        // so Templates, Store, Runtime and the command line can all use it (docs/decisions/0006).
        .target(name: "SamordnaFiles", swiftSettings: staticRelease),
        // The team's kartläggning template file (YAML) read into Core's values; keeps Core Foundation-only.
        .target(
            name: "SamordnaTemplates",
            dependencies: ["SamordnaCore", "SamordnaFiles", .product(name: "Yams", package: "Yams")],
            swiftSettings: staticRelease),
        .target(
            name: "SamordnaStore",
            dependencies: [
                "SamordnaCore", "SamordnaFiles", "SamordnaTemplates", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: staticRelease),
        .target(name: "SamordnaExport", dependencies: ["SamordnaCore"], swiftSettings: staticRelease),
        .target(name: "TerminalUI", swiftSettings: staticRelease),
        .target(name: "TerminalUITesting", dependencies: ["TerminalUI"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesBackend", dependencies: ["TerminalUI", "CNcursesw"], swiftSettings: staticRelease),
        .target(name: "SamordnaUI", dependencies: ["SamordnaCore", "TerminalUI"], swiftSettings: staticRelease),
        .target(
            name: "SamordnaRuntime",
            dependencies: [
                "SamordnaUI", "SamordnaStore", "SamordnaExport", "SamordnaTemplates", "SamordnaFiles", "TerminalUI",
            ],
            swiftSettings: staticRelease),
        .executableTarget(
            name: "samordna",
            dependencies: [
                "SamordnaCore", "SamordnaStore", "SamordnaExport", "SamordnaUI", "SamordnaRuntime",
                "SamordnaTemplates", "SamordnaFiles", "TerminalUI", "CursesBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticRelease, linkerSettings: staticReleaseLink),
        // Release-mode benchmark: `swift run -c release SamordnaBench` (docs/benchmarks.md).
        .executableTarget(
            name: "SamordnaBench",
            dependencies: ["SamordnaCore", "SamordnaStore", "SamordnaUI", "SamordnaRuntime", "TerminalUI"],
            swiftSettings: staticRelease, linkerSettings: staticReleaseLink),
        // libFuzzer targets for the parsers (scripts/fuzz builds them instrumented; a normal build replays inputs).
        .executableTarget(
            name: "SamordnaFuzz", dependencies: ["SamordnaCore", "SamordnaTemplates", "TerminalUI"],
            swiftSettings: staticRelease, linkerSettings: staticReleaseLink),
        // Helper process for the store tests: several of these write to one database at once.
        .executableTarget(
            name: "StoreStress", dependencies: ["SamordnaCore", "SamordnaStore"],
            swiftSettings: staticRelease, linkerSettings: staticReleaseLink),
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
