import Foundation

/// Finds the `Reports/` and `Fonts/` folders at run time: the `QUALITYBRIEF_HOME` environment
/// variable, then the current directory and its parents, then the folders above the executable
/// (a `swift build` tree), then the package this library was built from (`packageDirectory`),
/// so that a program of yours that depends on QualityBrief finds them from any directory.
public enum ResourceLocator {
    /// The QualityBrief package folder this library was compiled from (SwiftPM builds from
    /// source, so it is the checkout: the project itself, or `.build/checkouts/…` of a package
    /// that depends on it), if it still holds `Reports/templates`.
    public static var packageDirectory: URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return FileManager.default.fileExists(atPath: root.appendingPathComponent("Reports/templates").path) ? root : nil
    }

    /// The project folder that holds `Reports/` and `Fonts/`, if found.
    public static func home() -> URL? {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["QUALITYBRIEF_HOME"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        var dir = URL(fileURLWithPath: fm.currentDirectoryPath)
        for _ in 0..<4 { candidates.append(dir); dir.deleteLastPathComponent() }
        var exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for _ in 0..<5 { exe.deleteLastPathComponent(); candidates.append(exe) }
        return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("Reports/templates").path) } ?? packageDirectory
    }

    /// `Reports/` under the home folder.
    public static func reportsDirectory() -> URL? { home()?.appendingPathComponent("Reports") }

    /// `Fonts/` under the home folder.
    public static func fontsDirectory() -> URL? {
        if let env = ProcessInfo.processInfo.environment["QUALITYBRIEF_FONTS"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return home()?.appendingPathComponent("Fonts")
    }
}
