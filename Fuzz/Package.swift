// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for bansou (docs/design.md, "Fuzzing"). A package of its own so the
// sanitizer build (-sanitize=fuzzer,address) never touches the main package's .build:
//   swift build --package-path Fuzz --scratch-path .build-fuzz -c debug \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// `make fuzz` and `make test` run that build; scripts/fuzz runs the targets.
let fuzzTargets = ["FuzzLoader", "FuzzMarkdown", "FuzzLeakScan", "FuzzTemplates"]

let package = Package(
    name: "bansou-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "bansou", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver"], swiftSettings: [.swiftLanguageMode(.v5)]),
    ] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzSupport",
                .product(name: "Bansou", package: "bansou"),
            ],
            swiftSettings: [.swiftLanguageMode(.v5)]
        )
    }
)
