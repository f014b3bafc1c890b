import Foundation

/// Finds the `Reports/` and `Fonts/` folders at run time: an explicit path, then the
/// `QUALITYBRIEF_HOME` environment variable, then the current directory and its parents, then
/// the folders above the executable (a `swift build` tree).
public enum ResourceLocator {
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
        return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("Reports/templates").path) }
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
