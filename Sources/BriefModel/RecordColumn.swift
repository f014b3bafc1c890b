/// The columns a register may have, with the header names (English and Chinese) that mean
/// each one.
public enum RecordColumn: String, Sendable, CaseIterable {
    /// Record identifier.
    case id
    /// Recipient name.
    case recipient
    /// organization or individual.
    case recipientType = "recipient_type"
    /// Programme name or id.
    case programme
    /// award or nomination.
    case level
    /// Edition year.
    case year
    /// GB/T 4754 section, division or name.
    case sector = "sector_code"
    /// GB/T 2260 code or region name.
    case region = "region_code"
    /// Unified social credit code.
    case creditCode = "credit_code"
    /// Free text.
    case note

    /// Columns a CSV header must have.
    public static let required: [RecordColumn] = [.recipient, .programme, .year, .region]

    /// Header names accepted for this column (compared case-insensitively after trimming).
    public var aliases: [String] {
        switch self {
        case .id: return ["id", "编号", "序号"]
        case .recipient: return ["recipient", "获奖单位", "名称", "获奖单位（个人）", "获奖单位(个人)", "获奖者"]
        case .recipientType: return ["recipient_type", "类型", "recipienttype"]
        case .programme: return ["programme", "program", "奖项"]
        case .level: return ["level", "级别", "获奖等级"]
        case .year: return ["year", "年度", "年份"]
        case .sector: return ["sector_code", "sector", "行业", "行业代码"]
        case .region: return ["region_code", "region", "地区", "地区代码"]
        case .creditCode: return ["credit_code", "统一社会信用代码"]
        case .note: return ["note", "备注"]
        }
    }

    /// The column a header cell names, or nil if unknown.
    public static func from(header: String) -> RecordColumn? {
        let h = TextNormalizer.trim(header).lowercased()
        return allCases.first { $0.aliases.contains(h) }
    }

    /// 1-based position in `allCases`, used as the column of JSON diagnostics.
    var ordinal: Int { RecordColumn.allCases.firstIndex(of: self)! + 1 }
}

/// A row before validation: the raw text of each known column and the column number it sits in.
struct RawRecord {
    /// The file path as given.
    var file: String
    /// Line where the row starts.
    var line: Int
    /// Raw values by column, with their 1-based column numbers.
    var fields: [RecordColumn: (value: String, column: Int)]

    func value(_ c: RecordColumn) -> String? { fields[c]?.value }

    func location(_ c: RecordColumn) -> SourceLocation {
        SourceLocation(file: file, line: line, column: fields[c]?.column ?? 1)
    }
}
