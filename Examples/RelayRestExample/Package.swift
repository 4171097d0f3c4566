// swift-tools-version:6.0
import PackageDescription

// Uses swift-openapi-gen's build-tool plugin: Sources/RelayRest holds openapi.yaml and gen.yaml,
// and every build generates RelayRest{Models,Client,Support}.swift from them when they changed.
let package = Package(
    name: "RelayRestExample",
    // The generated code needs macOS 12, iOS 15, tvOS 15 or watchOS 8; the generator, which
    // the plugin builds and runs on the Mac, needs macOS 13.
    platforms: [.macOS(.v13), .iOS(.v15), .tvOS(.v15), .watchOS(.v8)],
    dependencies: [
        .package(name: "swift-openapi-gen", path: "../.."),
    ],
    targets: [
        .target(
            name: "RelayRest",
            plugins: [.plugin(name: "GenPlugin", package: "swift-openapi-gen")]
        ),
        .executableTarget(name: "RelayRestDemo", dependencies: ["RelayRest"]),
    ],
    swiftLanguageModes: [.v6]
)
