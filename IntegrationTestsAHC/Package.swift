// swift-tools-version:6.0
import PackageDescription

// The generated AsyncHTTPClientTransport (in the Support file, under
// `#if canImport(AsyncHTTPClient)`) against a SwiftNIO server, kept out of the generator's own
// package, which depends on no Swift package. `.ci/run` builds and runs it.
// A package of its own, not a target of IntegrationTests: in a package where any target depends
// on a framework, SwiftPM makes `canImport` of it true in every target, so the Hummingbird
// targets' generated Support files would import AsyncHTTPClient without its dependencies
// ("missing required module '_NumericsShims'"), and these targets' Server files Hummingbird.
let package = Package(
    name: "IntegrationTestsAHC",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "swift-openapi-gen", path: ".."),
        // AHC…: the generated AsyncHTTPClientTransport and the NIO server the tests answer it with.
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // AHC…: the seed and streams golden specs (openapi.yaml links to the fixture), generated
        // by the build-tool plugin into targets that depend on AsyncHTTPClient.
        // Warnings are errors in both, under the settings BuildSettingsTests checks the rest of
        // the output with: the seed with the import-related features, the streams spec with
        // Xcode 26's MainActor default and `isolation: nonisolated` (its gen.yaml).
        .target(
            name: "AHCRelayRest",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: [
                .enableUpcomingFeature("InternalImportsByDefault"), .enableUpcomingFeature("MemberImportVisibility"),
                .enableUpcomingFeature("ExistentialAny"), .unsafeFlags(["-warnings-as-errors"]),
            ],
            plugins: [.plugin(name: "GenPlugin", package: "swift-openapi-gen")]
        ),
        .target(
            name: "AHCStreams",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: [
                .unsafeFlags(["-default-isolation", "MainActor", "-warnings-as-errors"]),
                .enableUpcomingFeature("NonisolatedNonsendingByDefault"), .enableUpcomingFeature("InferIsolatedConformances"),
            ],
            plugins: [.plugin(name: "GenPlugin", package: "swift-openapi-gen")]
        ),
        .testTarget(
            name: "AHCTransportTests",
            dependencies: [
                "AHCRelayRest", "AHCStreams",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
