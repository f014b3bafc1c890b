import BriefCairo
import BriefDocument
import BriefModel
import Foundation

/// Which font file each role resolved to, for `qbrief fonts`.
public enum FontReport {
    /// One row of the report.
    public struct Row: Sendable, Equatable {
        /// Role in Chinese (小标宋, 仿宋, …).
        public var role: String
        /// Resolved family.
        public var family: String
        /// Resolved file path, or empty.
        public var file: String
        /// The face GB/T 9704 names for the role (e.g. 仿宋_GB2312) when `family` is an open
        /// stand-in for it (listed after `|` in `roles.txt`); nil when the named face is installed.
        public var standInFor: String?
    }

    /// Resolves every role through fontconfig.
    public static func rows(fontsDirectory: URL? = nil) throws -> [Row] {
        let lib: FontLibrary
        do { lib = try FontLibrary.shared(fontsDirectory: fontsDirectory ?? ResourceLocator.fontsDirectory()) } catch {
            throw QualityBriefError.fonts(error)
        }
        return FontRole.allCases.map { role in
            let standIn = lib.standIn(for: role)
            return Row(role: chineseName(role), family: lib.resolvedFamily(for: role), file: lib.resolvedFile(for: role) ?? "",
                       standInFor: standIn.isStandIn ? standIn.standInFor : nil)
        }
    }

    /// The one warning printed when a memo (公文) is set with open stand-ins for faces GB/T 9704
    /// names, e.g. `warning: 公文 set with open stand-in fonts: 仿宋 FandolFang for 仿宋_GB2312; …`;
    /// nil when every role has its named face.
    public static func standInWarning(_ standIns: [Row]) -> String? {
        let used = standIns.filter { $0.standInFor != nil }
        if used.isEmpty { return nil }
        let list = used.map { "\($0.role) \($0.family) for \($0.standInFor!)" }.joined(separator: "; ")
        return "warning: 公文 set with open stand-in fonts (GB/T 9704-2012 names the licensed faces): \(list); "
            + "drop the licensed fonts into Fonts/ (see Fonts/README.md)"
    }

    /// 小标宋, 仿宋, 黑体, 楷体, 宋体.
    package static func chineseName(_ role: FontRole) -> String {
        switch role {
        case .xiaobiaosong: return "小标宋"
        case .fangsong: return "仿宋"
        case .heiti: return "黑体"
        case .kaiti: return "楷体"
        case .songti: return "宋体"
        }
    }
}

extension FontReport {
    /// A character of a register that a role cannot draw (it would print as □).
    public struct Uncovered: Sendable, Equatable, CustomStringConvertible {
        /// File the character comes from.
        public var file: String
        /// 1-based line (the register row) and column (in characters).
        public var line: Int
        /// 1-based column in characters.
        public var column: Int
        /// The character.
        public var character: Character
        /// Roles (小标宋, 仿宋, …) with no font for it.
        public var roles: [String]

        public var description: String {
            let code = character.unicodeScalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " ")
            return "\(file):\(line):\(column): error: “\(character)” (\(code)) has no font in \(roles.joined(separator: "、"))"
        }
    }

    /// Every character of `files` (read as UTF-8 text, row by row) that a role's fonts — its
    /// chain in `roles.txt` and fontconfig's fallbacks — cannot draw, with the row it is on.
    /// Each character is reported at its first occurrence in each file.
    public static func uncovered(in files: [URL], fontsDirectory: URL? = nil) throws -> [Uncovered] {
        let lib: FontLibrary
        do { lib = try FontLibrary.shared(fontsDirectory: fontsDirectory ?? ResourceLocator.fontsDirectory()) } catch {
            throw QualityBriefError.fonts(error)
        }
        var out: [Uncovered] = []
        for url in files {
            let text: String
            if !FileManager.default.fileExists(atPath: url.path) { throw QualityBriefError.fileNotFound(path: url.path) }
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                let d = Diagnostic(location: SourceLocation(file: url.path, line: 1, column: 1), severity: .error,
                                   message: "cannot read the file as UTF-8 text: \(error.localizedDescription)")
                throw QualityBriefError.invalidData([d], errorCount: 1)
            }
            // Characters no role lacks are skipped fast: check the file's distinct characters once.
            var missing: [Character: [String]] = [:]
            for role in FontRole.allCases {
                for c in lib.uncoveredCharacters(in: text, role: role) { missing[c, default: []].append(chineseName(role)) }
            }
            if missing.isEmpty { continue }
            var reported = Set<Character>()
            for (n, row) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for (col, c) in row.enumerated() where missing[c] != nil && !reported.contains(c) {
                    reported.insert(c)
                    out.append(Uncovered(file: url.path, line: n + 1, column: col + 1, character: c, roles: missing[c]!))
                }
            }
        }
        return out
    }
}
