/// `gen`'s version, which `gen --version` prints. The one place it is written: bump it here
/// in the commit that makes a release (and tag that commit `v<version>`).
enum GenVersion {
    static let current = "0.1.0"
}
