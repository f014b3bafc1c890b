import Foundation

/// Reads a denominator file for densities (`qbrief stats --per`): CSV rows `code,value`, in
/// UTF-8, UTF-16 or GBK like a register. A first row whose value is not a number is a header.
/// Every other row must hold a region code and a finite number from 0 to `maxValue`; rows that
/// do not (NaN, infinity, negative, text) are located errors, never skipped without a word.
package enum DenominatorFile {
    /// The largest value accepted (a denominator counts enterprises or residents).
    public static let maxValue = 1e15
    private static let maxText = "10^15"
    /// Files larger than this are refused (a denominator file has a few thousand rows).
    public static let maxFileSize = 16 << 20

    /// The value per code, and diagnostics (errors mean the table should not be used).
    public static func read(_ url: URL) -> (values: [String: Double], diagnostics: [Diagnostic]) {
        let file = url.isFileURL ? url.relativePath : url.absoluteString
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return ([:], [DatasetLoader.fileError(file, "no such file; expected a CSV of region code,value")])
        }
        if isDirectory.boolValue { return ([:], [DatasetLoader.fileError(file, "is a directory; expected a CSV of region code,value")]) }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber, size.intValue > maxFileSize {
            return ([:], [DatasetLoader.fileError(file, "file is \(size.intValue) bytes, above the \(maxFileSize >> 20) MB limit for a denominator file")])
        }
        guard let data = try? Data(contentsOf: url) else {
            return ([:], [DatasetLoader.fileError(file, "cannot read file (permission denied, or not a regular file)")])
        }
        return parse(data, file: file)
    }

    /// `read(_:)` over bytes already in memory.
    static func parse(_ data: Data, file: String) -> (values: [String: Double], diagnostics: [Diagnostic]) {
        var diags: [Diagnostic] = []
        func at(_ line: Int, _ column: Int, _ severity: Severity, _ message: String) {
            diags.append(Diagnostic(location: SourceLocation(file: file, line: line, column: column), severity: severity, message: message, kind: .row))
        }
        if data.isEmpty { return ([:], [DatasetLoader.fileError(file, "file is empty; expected rows of region code,value")]) }
        let text: String
        switch TextDecoding.decode(data) {
        case .success(let d): text = d.text
        case .failure(let f):
            return ([:], [Diagnostic(location: SourceLocation(file: file, line: f.line, column: f.column), severity: .error, message: f.message, kind: .encoding)])
        }
        let (records, problems) = CSVReader.parse(text)
        for p in problems { at(p.line, p.column, p.isWarning ? .warning : .error, p.message) }
        var out: [String: Double] = [:]
        var firstLine: [String: Int] = [:]
        for (index, record) in records.enumerated() {
            if record.fields.allSatisfy({ TextNormalizer.trim($0).isEmpty }) { continue }
            guard record.fields.count >= 2 else {
                if index > 0 { at(record.line, 1, .error, "row has one field; expected region code,value") }
                continue
            }
            let code = TextNormalizer.code(record.fields[0])
            let raw = TextNormalizer.code(record.fields[1]).replacingOccurrences(of: ",", with: "")
            let value = Double(raw)
            // A header row: the first row, whose value is not a number.
            if index == 0 && value == nil { continue }
            guard let v = value else {
                at(record.line, 2, .error, "value “\(record.fields[1])” is not a number; expected a count such as 12500")
                continue
            }
            guard v.isFinite, v >= 0, v <= maxValue else {
                at(record.line, 2, .error, "value “\(record.fields[1])” is \(v.isNaN ? "not a number" : v.isFinite ? (v < 0 ? "negative" : "above the limit of \(maxText)") : "infinite"); expected a count from 0 to \(maxText)")
                continue
            }
            guard !code.isEmpty else {
                at(record.line, 1, .error, "region code is empty; expected a code such as 320500")
                continue
            }
            if let earlier = out[code] {
                if earlier != v {
                    at(record.line, 1, .error, "region \(code) is given again with another value (\(record.fields[1]); line \(firstLine[code] ?? 0) gave \(earlier))")
                }
                continue
            }
            out[code] = v
            firstLine[code] = record.line
        }
        return (out, diags)
    }
}
