import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks of the files and folders that flags name (`--template`, `--programmes`, `--columns
/// FILE`, `--per`, `--fonts-dir`, `fonts --data`), made while the flags are validated: a
/// missing path, a folder where a file is wanted (or the reverse), a device, FIFO or socket, an
/// unreadable or oversized file stops the command with exit 64 and one line naming the flag,
/// before anything is read. A symbolic link is followed.
enum PathFlag {
    /// What the flag needs at its path.
    enum Kind {
        case file
        case folder
    }

    /// Throws a `ValidationError` “FLAG PATH: problem; expected WHAT” unless `path` is a
    /// readable regular file (of at most `maxBytes` bytes) or, for `.folder`, a folder.
    static func check(_ path: String, flag: String, expected what: String, kind: Kind = .file, maxBytes: Int? = nil) throws {
        func fail(_ problem: String) -> ValidationError {
            ValidationError("\(flag) \(path.isEmpty ? "\"\"" : path): \(problem); expected \(what)")
        }
        var info = stat()
        guard !path.isEmpty, stat(path, &info) == 0 else {
            throw fail(kind == .folder ? "no such folder" : "no such file")
        }
        switch (info.st_mode & S_IFMT, kind) {
        case (S_IFDIR, .folder): break
        case (S_IFREG, .file):
            if let maxBytes, Int(info.st_size) > maxBytes {
                throw fail("the file has \(info.st_size) bytes, more than the \(maxBytes >> 10) KB this flag reads")
            }
        case (S_IFDIR, .file): throw fail("is a folder")
        case (S_IFREG, .folder): throw fail("is a file, not a folder")
        default: throw fail("not a regular \(kind == .folder ? "folder" : "file") (a device, FIFO or socket)")
        }
        if access(path, R_OK) != 0 { throw fail("cannot be read (\(String(cString: strerror(errno))))") }
    }

    /// Throws a `ValidationError` unless `path` may be written as an output of a run reading
    /// `inputs`: not empty, in an existing folder, not a folder, device, FIFO or socket, and not
    /// one of the inputs (compared by device and inode, so through links and other spellings).
    /// A symbolic link is followed, as `qbrief report --out` follows it.
    static func checkOutput(_ path: String, flag: String, inputs: [String]) throws {
        guard !path.isEmpty else { throw ValidationError("\(flag) is empty; give a file name") }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var info = stat()
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw ValidationError("\(flag) \(path): is a folder; give a file name inside it")
            default: throw ValidationError("\(flag) \(path): not a regular file (a device, FIFO or socket); qbrief writes regular files only")
            }
            for input in inputs {
                var other = stat()
                if stat(input, &other) == 0, other.st_dev == info.st_dev, other.st_ino == info.st_ino {
                    throw ValidationError("\(flag) \(path): is the register \(input) read in this run; the register is never overwritten")
                }
            }
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0, folderInfo.st_mode & S_IFMT == S_IFDIR else {
            throw ValidationError("\(flag) \(path): the folder \(folder) does not exist")
        }
    }
}
