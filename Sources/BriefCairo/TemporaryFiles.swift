import Foundation

/// Every temporary file and folder the renderer has open (output written under a temporary
/// name, font subsets), so that a program stopped by SIGINT or SIGTERM can remove them before
/// it exits (`removeAll()`), and what a run killed outright left behind can be found by the
/// next one (`removeStale(in:prefix:)`): their names carry the process id.
package enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []

    /// Records `path` as temporary.
    public static func add(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }

    /// Forgets `path` (renamed into place or removed).
    public static func forget(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }

    /// Removes every temporary file and folder still open; returns how many.
    @discardableResult
    public static func removeAll() -> Int {
        lock.lock()
        let all = paths
        paths = []
        lock.unlock()
        for p in all { try? FileManager.default.removeItem(atPath: p) }
        return all.count
    }

    /// The prefix of font-subset folders in the temporary directory:
    /// `qualitybrief-fonts-PID-XXXXXX`.
    public static let fontFolderPrefix = "qualitybrief-fonts-"

    /// Removes the entries of `directory` whose name starts with `prefix` and carries, after
    /// it, the id of a process that no longer runs (`PREFIX<pid>-…`); returns their paths.
    /// Entries of running processes, and names without a pid, are left alone.
    @discardableResult
    public static func removeStale(in directory: URL, prefix: String) -> [String] {
        var removed: [String] = []
        for name in names(in: directory.path, startingWith: prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
            guard let pid = Int32(digits), pid > 0, name.dropFirst(prefix.count + digits.count).first == "-",
                  pid != getpid(), kill(pid, 0) == -1, errno == ESRCH else { continue }
            let path = directory.appendingPathComponent(name).path
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
        }
        return removed
    }

    /// The names in `directory` that start with `prefix`. Read with readdir(3), comparing
    /// bytes: a temporary directory can hold thousands of entries, and a String for each
    /// would cost a run milliseconds.
    static func names(in directory: String, startingWith prefix: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        let p = Array(prefix.utf8)
        var found: [String] = []
        while let entry = readdir(dir) {
            withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let name = raw.bindMemory(to: UInt8.self)
                guard name.count > p.count else { return }
                for i in 0..<p.count where name[i] != p[i] { return }
                let length = name.firstIndex(of: 0) ?? name.count
                found.append(String(decoding: name[..<length], as: UTF8.self))
            }
        }
        return found
    }
}
