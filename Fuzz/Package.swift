// swift-tools-version:6.0
import PackageDescription

// A separate package so that the sanitizer flags (`-sanitize=fuzzer,address`) and libFuzzer's
// own `main` never reach the main package's build or tests. See Scripts/fuzz.
let package = Package(
    name: "GenFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "swift-openapi-gen", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "GenFuzz",
            dependencies: ["GenFuzzMain", .product(name: "GenCore", package: "swift-openapi-gen")]
        ),
        // The entry point SwiftPM expects; see GenFuzzMain.c.
        .target(name: "GenFuzzMain"),
    ],
    swiftLanguageModes: [.v6]
)
