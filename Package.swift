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
        // Generates the client at build time from the target's openapi.yaml (+ gen.yaml).
        .plugin(name: "GenPlugin", targets: ["GenPlugin"]),
        // `swift package generate-openapi-client`: writes the client into the package, for
        // teams that commit the generated sources.
        .plugin(name: "GenerateCommand", targets: ["GenerateCommand"]),
    ],
    targets: [
        .systemLibrary(
            name: "GenCYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(
            name: "GenCore",
            dependencies: ["GenCYAML"]
        ),
        .executableTarget(
            name: "GenCLI",
            dependencies: ["GenCore"]
        ),
        // The plugins share Plugins/Shared/GenPluginSupport.swift through a symlink in each
        // plugin's folder: a plugin cannot depend on a library target.
        .plugin(
            name: "GenPlugin",
            capability: .buildTool(),
            dependencies: ["GenCLI"]
        ),
        .plugin(
            name: "GenerateCommand",
            capability: .command(
                intent: .custom(
                    verb: "generate-openapi-client",
                    description: "Writes the Swift client generated from each target's openapi.yaml into the target's folder (--check: fails if they are stale)."
                ),
                permissions: [.writeToPackageDirectory(reason: "Writes <Target>{Models,Client,Support}.swift next to each target's openapi spec.")]
            ),
            dependencies: ["GenCLI"]
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
        // The golden output of the http-surface fixture, compiled and exercised the same way.
        .target(
            name: "GenGoldenHTTPSurface",
            path: "Tests/Fixtures/Golden/http-surface/Expected",
            swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]
        ),
        .testTarget(
            name: "GenGoldenHTTPSurfaceTests",
            dependencies: ["GenGoldenHTTPSurface", "GenTestSupport"],
            path: "Tests/GenGoldenHTTPSurfaceTests"
        ),
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
        // The golden output of the streams fixture (OpenAPI 3.2: Server-Sent Events, JSON Lines,
        // bytes), read over loopback as it arrives.
        .target(
            name: "GenGoldenStreams",
            path: "Tests/Fixtures/Golden/streams/Expected",
            swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]
        ),
        .testTarget(
            name: "GenGoldenStreamsTests",
            dependencies: ["GenGoldenStreams", "GenTestSupport"],
            path: "Tests/GenGoldenStreamsTests"
        ),
        // The golden output of the OpenAPI 3.2 fixture, compiled and exercised the same way.
        .target(
            name: "GenGoldenOpenAPI32",
            path: "Tests/Fixtures/Golden/openapi32/Expected",
            swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]
        ),
        .testTarget(
            name: "GenGoldenOpenAPI32Tests",
            dependencies: ["GenGoldenOpenAPI32", "GenTestSupport"],
            path: "Tests/GenGoldenOpenAPI32Tests"
        ),
        // The golden output of the Swagger 2.0 fixture, compiled and exercised the same way.
        .target(
            name: "GenGoldenSwagger2",
            path: "Tests/Fixtures/Golden/swagger2/Expected",
            swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]
        ),
        .testTarget(
            name: "GenGoldenSwagger2Tests",
            dependencies: ["GenGoldenSwagger2", "GenTestSupport"],
            path: "Tests/GenGoldenSwagger2Tests"
        ),
        // The golden output of the paging fixture: each recognised paging pattern, its pages
        // fetched over loopback one at a time.
        .target(
            name: "GenGoldenPaging",
            path: "Tests/Fixtures/Golden/paging/Expected",
            swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]
        ),
        .testTarget(
            name: "GenGoldenPagingTests",
            dependencies: ["GenGoldenPaging", "GenTestSupport"],
            path: "Tests/GenGoldenPagingTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
