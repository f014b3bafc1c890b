import Foundation

/// A dictionary-encoded column: one code per row indexing `values`.
package struct CodedColumn: Sendable {
    /// One code per row.
    public var codes: [Int32]
    /// The distinct values, in order of first appearance.
    public var values: [String]

    /// Creates a column.
    public init(codes: [Int32] = [], values: [String] = []) {
        self.codes = codes
        self.values = values
    }
}

/// Per-row text kept as the bytes read (a String is made on demand): one byte range a row.
/// While every row is empty (a register without that column) nothing but the count is kept.
struct TextColumn: Sendable {
    var bytes: [UInt8] = []
    /// End of each row's bytes; empty while every row is empty.
    var ends: [Int] = []
    /// Rows.
    var count = 0

    mutating func append<C: Collection>(_ b: C) where C.Element == UInt8 {
        if b.isEmpty { return appendEmpty() }
        if ends.isEmpty && count > 0 { ends = [Int](repeating: 0, count: count) }
        bytes.append(contentsOf: b)
        ends.append(bytes.count)
        count += 1
    }

    mutating func appendEmpty() {
        if !ends.isEmpty { ends.append(bytes.count) }
        count += 1
    }

    /// Appends `rows` rows given as their bytes one after another and each row's end in them
    /// (`rowEnds` may be empty when every row is).
    mutating func append(_ rowBytes: UnsafeBufferPointer<UInt8>, ends rowEnds: UnsafeBufferPointer<Int>, rows: Int) {
        if rowBytes.isEmpty {
            if !ends.isEmpty { ends.append(contentsOf: repeatElement(bytes.count, count: rows)) }
        } else {
            if ends.isEmpty && count > 0 { ends = [Int](repeating: 0, count: count) }
            let base = bytes.count, start = ends.count
            bytes.append(contentsOf: rowBytes)
            ends.append(contentsOf: rowEnds)
            ends.withUnsafeMutableBufferPointer { e in
                for i in start..<e.count { e[i] += base }
            }
        }
        count += rows
    }

    /// Appends another column's rows.
    mutating func append(_ other: TextColumn) {
        other.bytes.withUnsafeBufferPointer { b in
            other.ends.withUnsafeBufferPointer { e in append(b, ends: e, rows: other.count) }
        }
    }

    func text(_ row: Int) -> String {
        guard !ends.isEmpty else { return "" }
        return String(decoding: bytes[(row == 0 ? 0 : ends[row - 1])..<ends[row]], as: UTF8.self)
    }
}

/// A register read straight into columns, for large files: the same rows, the same checks and
/// the same diagnostics as `DatasetLoader.load`, without an `AwardRecord` (and its strings)
/// per row. Each row keeps its id, credit code, note and source, so `record(at:)` gives the
/// record the record reader gives.
///
/// Diagnostics are capped: the first `DatasetLoader.diagnosticCapPerKind` of each kind of
/// message (a field value with its problem, a bad check character, a duplicate…) are kept with
/// their locations; the rest are counted in `suppressed`, so `errorCount` and `warningCount`
/// always give the totals and `summary` says how many were not listed. Nothing is silently
/// dropped: every problem is counted, but not every repeat is spelt out.
package struct ColumnarRegister: Sendable {
    /// Accepted rows.
    public var count: Int = 0
    /// Data rows read, accepted or not.
    public var rowsRead: Int = 0
    /// Programme per row: index into `programmes`.
    public var programme: [UInt8] = []
    /// The programmes `programme` indexes: `Programme.all` first, then the catalog's others.
    public var programmes: [Programme] = Programme.all
    /// 0 award, 1 nomination.
    public var level: [UInt8] = []
    /// 0 organisation, 1 individual.
    public var recipientType: [UInt8] = []
    /// Edition year.
    public var year: [Int16] = []
    /// GB/T 4754 section letter ("" unclassified).
    public var section = CodedColumn()
    /// The finest GB/T 4754 code below the section: a division ("17"), group ("702") or class
    /// ("7020"); "" when not given. Its first two digits are the division.
    public var division = CodedColumn()
    /// The sector as written when it matched no GB/T 4754-2017 category ("" otherwise).
    public var sectorText = CodedColumn()
    /// Region code as registered, resolved ("" none).
    public var region = CodedColumn()
    /// Prefecture-level city ("" none).
    public var city = CodedColumn()
    /// Recipient spelling per row (index into the spellings).
    public var recipient: [Int32] = []
    /// Distinct-recipient id per spelling (spellings that normalise alike share an id).
    public var recipientNameID: [Int32] = []
    /// Number of distinct normalised names (ids are below `recipientSpellingCount`).
    public var recipientNameCount: Int = 0
    /// Physical line of each row.
    public var line: [Int32] = []
    /// Kept diagnostics, in file order.
    public var diagnostics: [Diagnostic] = []
    /// Diagnostics counted but not kept, by kind.
    public var suppressed: [String: Int] = [:]
    /// Every diagnostic found, kept or not, by kind (the same kind names as `suppressed`).
    public var totals: [String: Int] = [:]
    /// Every diagnostic found, kept or not, by `DiagnosticKind` name (as the record reader
    /// counts them).
    public var totalsByKind: [String: Int] = [:]
    /// All errors found, kept or not.
    public var errorCount = 0
    /// All warnings found, kept or not.
    public var warningCount = 0
    var spellingBytes: [UInt8] = []
    var spellingEnds: [Int32] = []
    /// Each row's id and note as read (normalised on demand), and its credit code packed
    /// (`PackedCode`; `hi == UInt32.max`: none).
    var ids = TextColumn(), notes = TextColumn()
    var creditLo: [UInt64] = [], creditHi: [UInt32] = []
    /// The files read, and the first row of each.
    var files: [String] = []
    var fileRowStart: [Int] = []

    /// Creates an empty register.
    public init() {}

    mutating func reserve(_ n: Int) {
        programme.reserveCapacity(n); level.reserveCapacity(n); recipientType.reserveCapacity(n); year.reserveCapacity(n)
        section.codes.reserveCapacity(n); division.codes.reserveCapacity(n); region.codes.reserveCapacity(n)
        city.codes.reserveCapacity(n); recipient.reserveCapacity(n); line.reserveCapacity(n); sectorText.codes.reserveCapacity(n)
        ids.ends.reserveCapacity(n)
    }

    /// Number of distinct recipient spellings.
    public var recipientSpellingCount: Int { spellingEnds.count }

    /// A recipient spelling as written (trimmed, with full-width parentheses).
    public func recipientName(spelling id: Int) -> String {
        let s = id == 0 ? 0 : Int(spellingEnds[id - 1])
        return spellingBytes[s..<Int(spellingEnds[id])].withUnsafeBufferPointer { ColumnarLoader.displayName($0) }
    }

    /// Whether any error was found.
    public var hasErrors: Bool { errorCount > 0 }

    /// "N errors, M warnings" plus how many were not listed, e.g. "0 errors, 1000000 warnings
    /// (998000 not listed: credit code check character ×998000)".
    public var summary: String {
        var s = "\(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")"
        let hidden = suppressed.values.reduce(0, +)
        if hidden > 0 {
            let kinds = suppressed.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) ×\($0.value)" }.joined(separator: "; ")
            s += " (\(hidden) not listed: \(kinds))"
        }
        return s
    }
}
