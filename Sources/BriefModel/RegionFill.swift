import Foundation

/// A row whose region cell is blank, with what its recipient name suggests (nil when the name
/// gives no clear region).
package struct BlankRegionRow: Sendable, Equatable {
    /// The blank region cell (or, when the file has no region column, the recipient cell).
    public var location: SourceLocation
    /// The recipient as written.
    public var recipient: String
    /// The region the name points to, if any.
    public var suggestion: RegionSuggestion?

    /// `FILE:LINE:COLUMN: suggestion: …` for a suggested row, `…: note: …` otherwise.
    public var description: String {
        let at = "\(location.file):\(location.line):\(location.column)"
        guard let s = suggestion else {
            return "\(at): note: region is blank and “\(recipient)” gives no clear region; not suggested, fill it by hand"
        }
        return "\(at): suggestion: region is blank; \(s.region.code) \(s.region.name) suggested because \(s.reason); review it, or run qbrief fix to fill it in"
    }
}

/// Finds rows with a blank region in CSV or XLSX registers and, on request, writes a copy with
/// the regions their names suggest filled in and marked (`qbrief validate --suggest`,
/// `qbrief fix`). The original file is never changed.
package enum RegionFill {
    /// Header of the column `fix` adds, saying what was filled in and from what.
    public static let noteHeader = "地区补填说明"

    /// A register read as a grid of cells, with its header row and the columns that matter.
    struct Grid {
        var records: [CSVRecord]
        var headerIndex: Int
        var recipient: Int
        var region: Int?
        var recipientType: Int?
    }

    /// Every data row with a blank region, in file order, with its suggestion.
    public static func blankRows(_ url: URL, options: LoadOptions = LoadOptions()) throws -> [BlankRegionRow] {
        let file = url.isFileURL ? url.relativePath : url.absoluteString
        return rows(try grid(url, options: options), file: file, home: options.homeProvinceCode).map(\.row)
    }

    /// Writes `url` to `out` as UTF-8 CSV with a byte-order mark: the same rows and columns
    /// (a 地区 column added when there is none), each blank region with a clear suggestion
    /// filled in, plus a last column `地区补填说明` saying what was filled in and from what.
    /// Written under a temporary name and renamed. Returns every blank-region row.
    @discardableResult
    public static func fix(_ url: URL, to out: URL, options: LoadOptions = LoadOptions()) throws -> [BlankRegionRow] {
        let file = url.isFileURL ? url.relativePath : url.absoluteString
        var g = try grid(url, options: options)
        let found = rows(g, file: file, home: options.homeProvinceCode)
        let width = g.records[g.headerIndex].fields.count
        let regionColumn = g.region ?? width
        let noteColumn = g.region == nil ? width + 1 : width
        func pad(_ i: Int) {
            while g.records[i].fields.count < noteColumn + 1 { g.records[i].fields.append("") }
        }
        for i in g.headerIndex..<g.records.count { pad(i) }
        g.records[g.headerIndex].fields[noteColumn] = noteHeader
        if g.region == nil { g.records[g.headerIndex].fields[regionColumn] = "地区" }
        for (index, row) in found {
            guard let s = row.suggestion else {
                g.records[index].fields[noteColumn] = "地区空白，名称无法明确推断，未填写"
                continue
            }
            g.records[index].fields[regionColumn] = s.region.name
            g.records[index].fields[noteColumn] = "地区由名称推断：名称以“\(s.matched)”开头，填为\(s.region.name)（\(s.region.code)），请核对"
        }
        var text = "\u{FEFF}"
        for r in g.records { text += r.fields.map(csvField).joined(separator: ",") + "\r\n" }
        let dir = out.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(out.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temp)
            if rename(temp.path, out.path) != 0 { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw RegionFillError(message: "cannot write \(out.path): \(error.localizedDescription)")
        }
        return found.map(\.row)
    }

    /// A field quoted when it holds a comma, quote or line break.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func rows(_ g: Grid, file: String, home: String) -> [(index: Int, row: BlankRegionRow)] {
        var out: [(Int, BlankRegionRow)] = []
        for i in (g.headerIndex + 1)..<g.records.count {
            let f = g.records[i].fields
            func cell(_ c: Int?) -> String { c.flatMap { $0 < f.count ? TextNormalizer.trim(f[$0]) : nil } ?? "" }
            let name = cell(g.recipient)
            if name.isEmpty { continue }
            if let rc = g.region, !cell(rc).isEmpty { continue }
            let individual = RecipientType.resolve(cell(g.recipientType)) == .individual
            let at = SourceLocation(file: file, line: g.records[i].line, column: (g.region ?? g.recipient) + 1)
            let suggestion = individual ? nil : RegionSuggester.suggest(name: name, homeProvinceCode: home)
            out.append((i, BlankRegionRow(location: at, recipient: name, suggestion: suggestion)))
        }
        return out
    }

    /// Reads a CSV or XLSX file into cells and finds its header (as the loader does: the first
    /// of the first ten rows naming the recipient column).
    static func grid(_ url: URL, options: LoadOptions) throws -> Grid {
        let file = url.isFileURL ? url.relativePath : url.absoluteString
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RegionFillError(message: "\(file): cannot read file: \(error.localizedDescription)")
        }
        var records: [CSVRecord]
        switch url.pathExtension.lowercased() {
        case "csv", "txt":
            switch TextDecoding.decode(data, forced: options.encoding) {
            case .success(let d): records = CSVReader.parse(d.text).records
            case .failure(let f): throw RegionFillError(message: "\(file):\(f.line):1: \(f.message)")
            }
        case "xlsx", "xlsm":
            let (rows, diags, _) = XLSXReader.read(data, file: file, sheet: options.sheet)
            if let e = diags.first(where: { $0.severity == .error && $0.kind == .file }) { throw RegionFillError(message: e.description) }
            records = rows
        default:
            throw RegionFillError(message: "\(file): only CSV and XLSX registers can be checked for blank regions here")
        }
        let mapping = options.columnMapping
        for (i, r) in records.prefix(10).enumerated() {
            var columns: [RecordColumn: Int] = [:]
            for (j, cell) in r.fields.enumerated() {
                if let c = RecordColumn.from(header: cell, mapping: mapping), columns[c] == nil { columns[c] = j }
            }
            if let recipient = columns[.recipient], columns.count >= 2 {
                return Grid(records: records, headerIndex: i, recipient: recipient, region: columns[.region],
                            recipientType: columns[.recipientType])
            }
        }
        throw RegionFillError(message: "\(file):1:1: no header naming the recipient column (获奖单位) in the first ten rows")
    }
}

/// Why blank regions could not be listed or filled in.
package struct RegionFillError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, with the file.
    public let message: String
    /// The message.
    public var description: String { message }
}
