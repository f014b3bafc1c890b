import Foundation
import TestSupport

/// Writes test files into a fresh temporary directory.
enum TempFiles {
    static func directory(_ name: String) -> URL {
        let dir = scratchDirectory
            .appendingPathComponent("briefmodel-\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ text: String, name: String) throws -> URL {
        let url = directory(name).appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    static func write(_ data: Data, name: String) throws -> URL {
        let url = directory(name).appendingPathComponent(name)
        try data.write(to: url)
        return url
    }
}
