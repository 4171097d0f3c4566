// swift-tools-version:6.0
import PackageDescription

// Uses swift-openapi-gen's build-tool plugin: Sources/RelayRest holds openapi.yaml and gen.yaml,
// and every build generates RelayRest{Models,Client,Support}.swift from them when they changed.
let package = Package(
    name: "RelayRestExample",
    platforms: [.macOS(.v13)],
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
