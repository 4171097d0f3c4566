import Foundation

/// The project's test fixtures, found from this file's path so tests need no bundle resources
/// and never read anything outside the repository.
public enum Fixtures {
    /// `Tests/Fixtures`.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The spec of a golden fixture folder: its one `.yaml`, `.yml` or `.json` file.
    public static func spec(inGoldenFixture name: String) throws -> URL {
        let folder = url("Golden/\(name)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        guard let spec = names.first(where: { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
        }
        return folder.appendingPathComponent(spec)
    }
}
