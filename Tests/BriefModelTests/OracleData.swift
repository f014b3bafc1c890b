import Foundation

/// Reads the public reference CSVs in ../shared/data (next to the package root), which the
/// catalog tests use as oracles. They are simple (no quoted commas), so a split suffices.
enum OracleData {
    /// The first of: `$QUALITYBRIEF_SHARED_DATA`, `../shared/data` beside the package root, and
    /// the workplace's `/work/shared/data` (a CI clone may live elsewhere). Missing everywhere,
    /// the catalog tests fail with the paths tried.
    static let directory: URL = {
        let besideRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data")
        let candidates = [ProcessInfo.processInfo.environment["QUALITYBRIEF_SHARED_DATA"].map { URL(fileURLWithPath: $0) },
                          besideRoot, URL(fileURLWithPath: "/work/shared/data")].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("gbt4754-2017.csv").path) }
            ?? besideRoot
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Rows as dictionaries keyed by the header.
    static func rows(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }
}
