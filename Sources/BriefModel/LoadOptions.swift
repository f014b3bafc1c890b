import Foundation

/// How `DatasetLoader` reads files: the text encoding of CSV files (detected when nil), the
/// worksheet of XLSX files (the first when nil), extra header names, size limits, and which
/// reader reads them.
///
/// Size policy: registers whose files are all CSV (UTF-8, or of unknown encoding) and add up to
/// `columnarThreshold` bytes or more are read straight into columns (`DatasetLoader.loadColumns`):
/// the same records, the same findings, but only the first `DatasetLoader.diagnosticCapPerKind`
/// findings of each kind are listed (the rest are counted), and no size limit applies. Every
/// other register is read record by record, every finding listed, each file at most
/// `maxFileSize` bytes.
public struct LoadOptions: Sendable {
    /// Encoding of CSV files; nil detects it (BOM, UTF-8, else GB 18030).
    public var encoding: TextEncoding?
    /// Worksheet name in XLSX files; nil reads the first sheet.
    public var sheet: String?
    /// Header names (as written in the file) mapped to columns, tried before the built-in
    /// aliases: ["单位": .recipient, "届次": .year].
    public var columnMapping: [String: RecordColumn]
    /// Files read record by record that are larger than this many bytes are refused with a
    /// message.
    public var maxFileSize: Int
    /// Plain CSV registers of at least this many bytes in all are read into columns.
    public var columnarThreshold: Int = LoadOptions.defaultColumnarThreshold
    /// Which reader reads the register: by size (`columnarThreshold`), or one forced.
    var reader: Reader = .bySize

    /// The choice of reader.
    enum Reader: Sendable {
        /// Columns for plain CSV from `columnarThreshold` bytes, records otherwise.
        case bySize
        /// Always record by record.
        case records
        /// Always into columns.
        case columns
    }
    /// GB/T 2260 code of the home province (default 320000 江苏省): rows whose region lies
    /// elsewhere get a warning, as briefings count them under 省外.
    public var homeProvinceCode: String = "320000"
    /// The programmes a register may name: the shipped Jiangsu catalog unless extended (see
    /// `ProgrammeCatalog.adding(_:)`, and QualityBrief's programmes-file reader).
    public var programmes: ProgrammeCatalog = .jiangsu

    /// 64 MiB: about a million rows, far above any award register. Loading takes roughly 30
    /// times the file size in memory (records, keys, diagnostics), so this bounds it near 2 GB.
    public static let defaultMaxFileSize = 64 << 20

    /// 4 MiB: the size from which a plain CSV register is read straight into columns.
    public static let defaultColumnarThreshold = 4 << 20

    /// Whether `urls` are read into columns under this policy: all CSV (or .txt) files whose
    /// encoding is UTF-8 or left to detection, together at least `columnarThreshold` bytes.
    /// (A file that turns out not to be UTF-8 is still read by the record reader, inside the
    /// columnar one.)
    public func readsAsColumns(_ urls: [URL]) -> Bool {
        switch reader {
        case .records: return false
        case .columns: return true
        case .bySize: break
        }
        guard encoding == nil || encoding == .utf8,
              urls.allSatisfy({ $0.isFileURL && ["csv", "txt"].contains($0.pathExtension.lowercased()) }) else { return false }
        let bytes = urls.reduce(0) { total, url in
            total + (((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0)
        }
        return bytes >= columnarThreshold
    }

    /// Creates options; the defaults detect everything.
    public init(encoding: TextEncoding? = nil, sheet: String? = nil, columnMapping: [String: RecordColumn] = [:],
                maxFileSize: Int = LoadOptions.defaultMaxFileSize, programmes: ProgrammeCatalog = .jiangsu) {
        self.programmes = programmes
        self.encoding = encoding
        self.sheet = sheet
        self.columnMapping = columnMapping
        self.maxFileSize = maxFileSize
    }

    /// A column mapping problem, with the offending entry.
    package struct MappingError: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public let description: String
    }

    /// Parses "单位=recipient,届次=year" (also one pair a line, as in a mapping file; `#` starts
    /// a comment). The right-hand side is a column name (recipient, programme, level, year,
    /// sector_code, region_code, credit_code, recipient_type, id, note) or any of its aliases.
    package static func parseColumnMapping(_ text: String) throws -> [String: RecordColumn] {
        var map: [String: RecordColumn] = [:]
        let entries = text.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == "，" })
        for raw in entries {
            let entry = TextNormalizer.trim(String(raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""))
            if entry.isEmpty { continue }
            let parts = entry.split(whereSeparator: { $0 == "=" || $0 == "＝" }).map { TextNormalizer.trim(String($0)) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw MappingError(description: "column mapping “\(entry)” is not HEADER=COLUMN, e.g. 单位=recipient")
            }
            guard let column = RecordColumn.from(header: parts[1]) else {
                throw MappingError(description: "column mapping “\(entry)”: “\(parts[1])” is not a column; expected one of "
                                   + RecordColumn.allCases.map(\.rawValue).joined(separator: ", "))
            }
            map[parts[0]] = column
        }
        return map
    }
}
