import Foundation

/// Reads a JSON register: an array of objects keyed like the CSV columns, or an object whose
/// "records" member is such an array. Parsed by `JSONScanner`, so every record and key is
/// located at its own line and column; duplicate keys (the same key twice, or two keys naming
/// one column, such as region_code and 地区) are errors, never silently resolved.
enum JSONRecordReader {
    /// Raw rows, or a diagnostic for a file that is not a JSON register.
    static func read(_ data: Data, file: String) -> (rows: [RawRecord], diagnostics: [Diagnostic]) {
        let bytes = [UInt8](data)
        let lines = LineTable(bytes)
        func diag(_ offset: Int, _ severity: Severity, _ message: String, _ kind: DiagnosticKind = .file) -> Diagnostic {
            let (l, c) = lines.position(offset)
            return Diagnostic(location: SourceLocation(file: file, line: l, column: c), severity: severity, message: message, kind: kind)
        }
        let shape = "expected an array of records or {\"records\": [...]}"
        if let bad = TextDecoding.firstInvalidUTF8(bytes) {
            return ([], [diag(bad, .error, "JSON is not valid UTF-8 at byte \(bad) (0x\(String(format: "%02X", bytes[bad]))); save it as UTF-8", .encoding)])
        }
        let root: JSONScanner.Node
        do {
            root = try JSONScanner.parse(bytes)
        } catch {
            return ([], [diag(error.offset, .error, "not valid JSON: \(error.message); \(shape)")])
        }
        var diags: [Diagnostic] = []
        let list: [JSONScanner.Node]
        switch root.value {
        case .array(let a):
            list = a
        case .object(let members):
            let found = members.filter { $0.key == "records" }
            guard let first = found.first, case .array(let a) = first.node.value else {
                return ([], [diag(root.offset, .error, "JSON is not a register; \(shape)")])
            }
            if found.count > 1 {
                let (l, c) = lines.position(first.keyOffset)
                return ([], [diag(found[1].keyOffset, .error, "key “records” appears again (first at \(l):\(c)); which list is the register is unclear, so none was read")])
            }
            list = a
        default:
            return ([], [diag(root.offset, .error, "JSON is not a register; \(shape)")])
        }
        var rows: [RawRecord] = []
        records: for (i, item) in list.enumerated() {
            let line = lines.position(item.offset).line
            guard case .object(let members) = item.value else {
                diags.append(diag(item.offset, .error, "record \(i + 1) is not an object; expected {\"recipient\": …, \"programme\": …, \"year\": …, \"region_code\": …}", .row))
                continue
            }
            var fields: [RecordColumn: (value: String, column: Int)] = [:]
            var firstKey: [RecordColumn: JSONScanner.Member] = [:]
            var seen: [String: Int] = [:]
            var bad = false
            for m in members {
                if let earlier = seen[m.key] {
                    let (l, c) = lines.position(earlier)
                    diags.append(diag(m.keyOffset, .error, "record \(i + 1): key “\(m.key)” appears twice (first at \(l):\(c)); the record was left out", .row))
                    bad = true
                    continue
                }
                seen[m.key] = m.keyOffset
                guard let c = RecordColumn.from(header: m.key) else {
                    diags.append(diag(m.keyOffset, .warning, "unknown key “\(m.key)” ignored; known keys: \(RecordColumn.allCases.map(\.rawValue).joined(separator: ", "))", .header))
                    continue
                }
                guard let value = text(m.node.value) else {
                    diags.append(diag(m.node.offset, .error, "record \(i + 1): “\(m.key)” holds an array or object; expected text or a number; the record was left out", c.diagnosticKind))
                    bad = true
                    continue
                }
                if let control = value.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0.value == 0x7F }) {
                    diags.append(diag(m.node.offset, .error, "record \(i + 1): “\(m.key)” contains control character U+\(String(format: "%04X", control.value)); the record was left out", c.diagnosticKind))
                    bad = true
                    continue
                }
                if let other = firstKey[c] {
                    let (l, col) = lines.position(other.keyOffset)
                    let earlierValue = fields[c]?.value ?? ""
                    if TextNormalizer.trim(earlierValue) != TextNormalizer.trim(value) {
                        diags.append(diag(m.keyOffset, .error, "record \(i + 1): “\(m.key)” (“\(value)”) and “\(other.key)” (\(l):\(col), “\(earlierValue)”) both give \(c.rawValue) and disagree; the record was left out", c.diagnosticKind))
                        bad = true
                    } else {
                        diags.append(diag(m.keyOffset, .warning, "record \(i + 1): “\(m.key)” repeats “\(other.key)” (\(l):\(col)), both \(c.rawValue); the values agree", c.diagnosticKind))
                    }
                    continue
                }
                firstKey[c] = m
                fields[c] = (value, c.ordinal)
            }
            if bad { continue records }
            for c in RecordColumn.allCases where fields[c] == nil && c != .sector { fields[c] = ("", c.ordinal) }
            rows.append(RawRecord(file: file, line: line, fields: fields))
        }
        return (rows, diags)
    }

    /// A scalar as text (numbers as written, integral ones without a fraction: 2020.0 → 2020);
    /// nil for arrays and objects.
    private static func text(_ value: JSONScanner.Value) -> String? {
        switch value {
        case .string(let s): return s
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            if let d = Double(n), d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
            return n
        case .array, .object: return nil
        }
    }
}

/// Byte offsets to 1-based line and column (columns count characters, not bytes).
struct LineTable {
    private let bytes: [UInt8]
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    }

    /// The line and column of the character at `offset`.
    func position(_ offset: Int) -> (line: Int, column: Int) {
        let o = max(0, min(offset, bytes.count))
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var k = starts[lo]
        while k < o {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return (lo + 1, column)
    }
}
