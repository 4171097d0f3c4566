import Foundation

/// Reads an input file (the spec, the config) in full, or says why it cannot: the reasons a
/// person can act on, rather than Foundation's "the file couldn't be opened".
enum InputFile {
    /// Why a file could not be read, as it follows "cannot read the spec 'x': ".
    struct Failure: Error, Equatable {
        var reason: String
    }

    static func read(_ path: String) -> Result<Data, Failure> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(Failure(reason: reason(errno))) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            return .failure(Failure(reason: reason(EISDIR)))
        }
        do {
            return .success(try handle.readToEnd() ?? Data())
        } catch {
            return .failure(Failure(reason: reason(EIO)))
        }
    }

    /// The reason for an `errno` from opening or reading a file.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case ENOTDIR: "no such file (a folder on its path is a file)"
        case EISDIR: "it is a folder, not a file"
        case EACCES, EPERM: "permission denied"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
