// swift-tools-version:6.0
import PackageDescription

// Tests of the generated code against real server-side packages, kept out of the generator's
// own package, which depends on no Swift package (README, "Tests"). `.ci/run` builds and runs it
// through Scripts/integration-check, once for both groups of targets:
// - the golden fixtures' generated servers under Hummingbird 2, called by the generated clients
//   over loopback (the Features, RelayRest and HttpSurface targets are the golden Expected
//   folders themselves, as symlinks, so what is tested is what the goldens hold);
// - AHC…: the generated AsyncHTTPClientTransport (in the Support file, under
//   `#if canImport(AsyncHTTPClient)`) against a SwiftNIO server.
let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")

let package = Package(
    name: "IntegrationTests",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "swift-openapi-gen", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(name: "Features", dependencies: [hummingbird]),
        .target(name: "RelayRest", dependencies: [hummingbird]),
        .target(name: "HttpSurface", dependencies: [hummingbird]),
        .target(name: "GoldenHandlers", dependencies: ["Features", "RelayRest"]),
        // Serves both fixtures' handlers on 127.0.0.1 for schemathesis: `serve-golden 8123`.
        .executableTarget(name: "serve-golden", dependencies: ["Features", "RelayRest", "GoldenHandlers", hummingbird]),
        // The README's server, compiled with the seed's generated files (symlinks) in one module.
        .executableTarget(name: "readme-server", dependencies: [hummingbird]),
        .testTarget(name: "HummingbirdLoopbackTests",
                    dependencies: ["Features", "RelayRest", "HttpSurface", "GoldenHandlers", hummingbird]),

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
