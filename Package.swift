// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "imctl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "imctl", targets: ["imctl"]),
        .library(name: "IMClient", targets: ["IMClient"]),
    ],
    dependencies: [
        // Hummingbird without its default traits: no full Foundation (ICU) and no swift-configuration.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CIMSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // libcurl for the client's HTTP: headers only. The shim dlopens libcurl.so.4 on first network use, so the
        // server and offline commands never load it and its dependencies (no pkgConfig: its `-lcurl` would link it).
        .systemLibrary(name: "CIMCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // libgd for server-made thumbnails: headers only. The shim dlopens libgd.so.3 on first use, so the module
        // links nothing (no pkgConfig, whose `-lgd` would make libgd a NEEDED library of the one imctl binary).
        .systemLibrary(name: "CIMGD", providers: [.apt(["libgd-dev"])]),
        .target(name: "IMCore", swiftSettings: swiftSettings),
        .target(name: "IMSQLite", dependencies: ["CIMSQLite"], swiftSettings: swiftSettings),
        .target(
            name: "IMClient",
            dependencies: ["IMCore", "IMSQLite", "CIMCurl"],
            swiftSettings: swiftSettings
        ),
        .target(name: "IMCLI", dependencies: ["IMCore", "IMClient"], swiftSettings: swiftSettings),
        .target(
            name: "IMServer",
            dependencies: [
                "IMCore",
                "IMSQLite",
                "CIMGD",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "imctl",
            dependencies: ["IMCLI", "IMServer"],
            exclude: ["exported-symbols.map"],
            swiftSettings: swiftSettings,
            linkerSettings: [
                // lld (shipped with the Swift toolchain) instead of gold: a one-shot command starts ~1 ms sooner
                // (docs/performance.md). The version script exports only `main`.
                .unsafeFlags([
                    "-use-ld=lld",
                    "-Xlinker", "--version-script=\(Context.packageDirectory)/Sources/imctl/exported-symbols.map",
                ])
            ]
        ),
        .testTarget(name: "IMCoreTests", dependencies: ["IMCore"], swiftSettings: swiftSettings),
        .testTarget(name: "IMSQLiteTests", dependencies: ["IMSQLite"], swiftSettings: swiftSettings),
        .testTarget(name: "IMClientTests", dependencies: ["IMClient", "IMCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "IMCLITests", dependencies: ["IMCLI", "IMCore"], exclude: ["Snapshots"], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IMServerTests",
            dependencies: ["IMServer", "IMCore", "IMSQLite", .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["IMCLI", "IMServer", "IMClient", "IMCore"],
            swiftSettings: swiftSettings
        ),
    ]
)
