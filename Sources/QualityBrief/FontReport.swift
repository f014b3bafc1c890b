import BriefCairo
import BriefDocument
import Foundation

/// Output formats: PDF, or one PNG or SVG per page.
public typealias OutputFormat = BriefCairo.OutputFormat

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
    }

    /// Resolves every role through fontconfig.
    public static func rows(fontsDirectory: URL? = nil) throws -> [Row] {
        let lib: FontLibrary
        do { lib = try FontLibrary(fontsDirectory: fontsDirectory ?? ResourceLocator.fontsDirectory()) } catch {
            throw QualityBriefError.renderFailed("fonts: \(error)")
        }
        return FontRole.allCases.map { role in
            Row(role: chineseName(role), family: lib.resolvedFamily(for: role), file: lib.resolvedFile(for: role) ?? "")
        }
    }

    /// 小标宋, 仿宋, 黑体, 楷体, 宋体.
    public static func chineseName(_ role: FontRole) -> String {
        switch role {
        case .xiaobiaosong: return "小标宋"
        case .fangsong: return "仿宋"
        case .heiti: return "黑体"
        case .kaiti: return "楷体"
        case .songti: return "宋体"
        }
    }
}
