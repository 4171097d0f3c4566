// swift-tools-version:6.0
import PackageDescription

// Every target name starts with "Gen" so that a package using our plugin, which builds these
// targets into its own graph, does not collide with them.
let package = Package(
    name: "swift-openapi-gen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gen", targets: ["GenCLI"]),
        // The pipeline as a library, for tools built on it (the fuzzer in Fuzz/ among them).
        .library(name: "GenCore", targets: ["GenCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "GenCYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "GenCore",
            dependencies: [
                "GenCYAML",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // `Templates` is a symlink to the top-level Templates/ folder: the templates are
            // compiled into the tool, so it never has to find them on disk at run time.
            resources: [.embedInCode("Templates")]
        ),
        .executableTarget(
            name: "GenCLI",
            dependencies: [
                "GenCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "GenTestSupport", path: "Tests/Support"),
        .testTarget(name: "GenTestSupportTests", dependencies: ["GenTestSupport"], path: "Tests/GenTestSupportTests"),
        .testTarget(
            name: "GenCoreTests",
            dependencies: ["GenCore", "GenTestSupport"],
            path: "Tests/GenCoreTests"
        ),
        // The golden output for the seed spec, compiled as it is (warnings are errors) and
        // exercised by GoldenRelayRestTests.
        .target(
            name: "GenGoldenRelayRest",
            path: "Tests/Fixtures/Golden/relay-rest/Expected",
            swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]
        ),
        .testTarget(
            name: "GenGoldenRelayRestTests",
            dependencies: ["GenGoldenRelayRest", "GenTestSupport"],
            path: "Tests/GenGoldenRelayRestTests"
        ),
        .testTarget(name: "GenContractTests", dependencies: ["GenTestSupport"], path: "Tests/GenContractTests"),
        // The golden output of the schema-features fixture, compiled and exercised the same way.
        .target(
            name: "GenGoldenFeatures",
            path: "Tests/Fixtures/Golden/features/Expected",
            swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]
        ),
        .testTarget(
            name: "GenGoldenFeaturesTests",
            dependencies: ["GenGoldenFeatures", "GenTestSupport"],
            path: "Tests/GenGoldenFeaturesTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
