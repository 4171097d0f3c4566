// swift-tools-version: 6.0
// Tests that need frameworks, kept out of the generator's own package (which depends on none):
// golden fixtures' generated servers run under Hummingbird 2 and are called by the generated
// clients over loopback. `.ci/run` builds and runs it. The three library targets are the golden
// Expected folders themselves (symlinks), so what is tested is what the goldens hold.
import PackageDescription

let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")

let package = Package(
    name: "IntegrationTests",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
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
    ]
)
