// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bansou",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bansou", targets: ["bansou"]),
        .library(name: "Bansou", targets: ["Bansou"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // `bansou serve` only (target BansouServe); no SwiftNIO, see docs/design.md "Preview server".
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev + libcmark-gfm-extensions-dev, linked as a system library.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "Bansou",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Publishing/Folding/variants.tsv")],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // The preview server, kept out of the library so Bansou does not depend on an HTTP server.
        .target(
            name: "BansouServe",
            dependencies: ["Bansou", .product(name: "FlyingFox", package: "FlyingFox")],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .executableTarget(
            name: "bansou",
            dependencies: [
                "Bansou",
                "BansouServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "BansouTests",
            dependencies: ["Bansou", "BansouServe"],
            resources: [.copy("Fixtures")],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
    ]
)
