import Foundation

/// Reads a JSON register: an array of objects keyed like the CSV columns, or an object whose
/// "records" member is such an array. Each object's line is found by scanning the bytes.
enum JSONRecordReader {
    /// Raw rows, or a diagnostic for a file that is not a JSON register.
    static func read(_ data: Data, file: String) -> (rows: [RawRecord], diagnostics: [Diagnostic]) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let (line, column) = errorPosition(error, data: data)
            return ([], [Diagnostic(location: SourceLocation(file: file, line: line, column: column), severity: .error,
                                    message: "not valid JSON (\(debugText(error))); expected an array of records or {\"records\": [...]}")])
        }
        let list: [Any]
        var depth = 1
        if let a = object as? [Any] {
            list = a
        } else if let d = object as? [String: Any], let a = d["records"] as? [Any] {
            list = a
            depth = 2
        } else {
            return ([], [Diagnostic(location: SourceLocation(file: file, line: 1, column: 1), severity: .error,
                                    message: "JSON is not a register; expected an array of records or {\"records\": [...]}")])
        }
        let lines = objectLines(data, arrayDepth: depth)
        var rows: [RawRecord] = []
        var diags: [Diagnostic] = []
        for (i, item) in list.enumerated() {
            let line = i < lines.count ? lines[i] : 1
            guard let dict = item as? [String: Any] else {
                diags.append(Diagnostic(location: SourceLocation(file: file, line: line, column: 1), severity: .error,
                                        message: "record \(i + 1) is not an object; expected {\"recipient\": …, \"programme\": …, \"year\": …, \"region_code\": …}"))
                continue
            }
            var fields: [RecordColumn: (value: String, column: Int)] = [:]
            for (key, value) in dict.sorted(by: { $0.key < $1.key }) {
                guard let c = RecordColumn.from(header: key) else {
                    diags.append(Diagnostic(location: SourceLocation(file: file, line: line, column: 1), severity: .warning,
                                            message: "unknown key “\(key)” ignored; known keys: \(RecordColumn.allCases.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
                fields[c] = (text(value), c.ordinal)
            }
            for c in RecordColumn.allCases where fields[c] == nil && c != .sector { fields[c] = ("", c.ordinal) }
            rows.append(RawRecord(file: file, line: line, fields: fields))
        }
        return (rows, diags)
    }

    private static func text(_ value: Any) -> String {
        switch value {
        case let s as String: return s
        case is NSNull: return ""
        case let i as Int: return String(i)
        case let d as Double: return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        default: return "\(value)"
        }
    }

    /// Lines where the objects directly inside the register array start.
    private static func objectLines(_ data: Data, arrayDepth: Int) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        for b in data {
            if b == 0x0A { line += 1 }
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
                continue
            }
            switch b {
            case 0x22: inString = true
            case 0x7B, 0x5B:
                if depth == arrayDepth { lines.append(line) }
                depth += 1
            case 0x7D, 0x5D: depth -= 1
            default: break
            }
        }
        return lines
    }

    private static func debugText(_ error: Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
    }

    /// Line and column of a parse error, from "line L, column C" or "character N" in the
    /// error's description; 1:1 when neither is given.
    private static func errorPosition(_ error: Error, data: Data) -> (Int, Int) {
        let text = debugText(error)
        if let l = number(after: "line ", in: text), let c = number(after: "column ", in: text) { return (l, c) }
        if let offset = number(after: "character ", in: text) {
            var line = 1
            var column = 1
            for b in data.prefix(offset) {
                if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            return (line, column)
        }
        return (1, 1)
    }

    private static func number(after marker: String, in text: String) -> Int? {
        guard let r = text.range(of: marker) else { return nil }
        return Int(text[r.upperBound...].prefix(while: \.isNumber))
    }
}
