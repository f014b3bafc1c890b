import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the cells of one worksheet of an Office Open XML workbook (.xlsx) as records: line
/// = the row number, field i = column i+1 (A = 1). Shared and inline strings are read as
/// text, numbers as their shortest form (2020.0 → 2020), and numbers whose cell style is a
/// date as yyyy-MM-dd. Every problem is a diagnostic; nothing throws.
enum XLSXReader {
    /// Columns beyond XFD (16 384) do not exist in Excel.
    static let maxColumns = 16_384
    /// Rows beyond 1 048 576 do not exist in Excel.
    static let maxRows = 1_048_576
    /// Cells right of this column are not read (a register has a dozen columns); one warning.
    static let maxColumnsRead = 1_024
    /// A sheet is read up to this many cells, empty ones left of a filled cell included.
    static let maxCellsPerSheet = 16 << 20
    /// A sheet is read up to this many bytes of cell text in all.
    static let maxSheetText = 64 << 20
    /// Excel's limit for the text of one cell; longer text is cut with a warning.
    static let maxCellCharacters = 32_767

    /// The records of the chosen sheet, diagnostics, and the sheet names with the chosen one
    /// first.
    static func read(_ data: Data, file: String, sheet: String?) -> (records: [CSVRecord], diagnostics: [Diagnostic], sheets: [String]) {
        func fail(_ m: String) -> ([CSVRecord], [Diagnostic], [String]) {
            ([], [DatasetLoader.fileError(file, m)], [])
        }
        let head = [UInt8](data.prefix(8))
        if head.isEmpty { return fail("file is empty; expected an .xlsx workbook") }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return fail("workbook is password-protected (encrypted) or an old .xls saved with an .xlsx name; remove the password in Excel and save as .xlsx")
        }
        guard head.starts(with: [0x50, 0x4B]) else {
            return fail("file is not an .xlsx workbook (no ZIP signature); expected an Excel .xlsx file")
        }
        let archive: XLSXArchive
        do {
            archive = try XLSXArchive(data)
        } catch {
            return fail((error as? XLSXArchive.Failure)?.message ?? "workbook cannot be read (\(error))")
        }
        var notes: [Diagnostic] = []
        func part(_ path: String) -> (Data?, String?) {
            let raw: Data?
            do { raw = try archive.part(path) } catch {
                return (nil, (error as? XLSXArchive.Failure)?.message ?? "workbook part \(path) cannot be read (\(error))")
            }
            guard let raw else { return (nil, nil) }
            switch XMLGuard.check(raw, part: path) {
            case .failure(let f): return (nil, f.message)
            case .success(let (clean, removed)):
                if removed > 0 {
                    notes.append(DatasetLoader.fileError(file, "workbook part \(path) holds \(removed) processing instruction\(removed > 1 ? "s" : "") (<?…?>), which Excel never writes; \(removed > 1 ? "they were" : "it was") ignored", .warning))
                }
                return (clean, nil)
            }
        }

        // Workbook: sheet names and their relationship ids; the 1904 date system flag.
        let (workbookData, wbError) = part("xl/workbook.xml")
        if let wbError { return fail(wbError) }
        guard let workbookData else { return fail("file is a ZIP archive but not an .xlsx workbook (no xl/workbook.xml)") }
        let workbook = ElementCollector(names: ["sheet", "workbookPr"])
        guard workbook.parse(workbookData) else { return fail("workbook is corrupt: xl/workbook.xml is not well-formed XML") }
        let sheets = workbook.elements.filter { $0.name == "sheet" }
        let date1904 = workbook.elements.first { $0.name == "workbookPr" }.map { ["1", "true"].contains($0.attributes["date1904"] ?? "") } ?? false
        let chosen: [String: String]
        if let sheet {
            let want = TextNormalizer.trim(sheet)
            guard let s = sheets.first(where: { TextNormalizer.trim($0.attributes["name"] ?? "") == want }) else {
                let names = sheets.compactMap { $0.attributes["name"] }.map { "“\($0)”" }.joined(separator: ", ")
                return fail("workbook has no sheet “\(sheet)”; its sheets are \(names)")
            }
            chosen = s.attributes
        } else {
            guard let s = sheets.first else { return fail("workbook has no worksheets") }
            chosen = s.attributes
        }
        let relID = chosen["r:id"] ?? chosen.first { $0.key.hasSuffix(":id") }?.value ?? ""
        var sheetPath = "xl/worksheets/sheet1.xml"
        let (relsData, relsError) = part("xl/_rels/workbook.xml.rels")
        if let relsError { return fail(relsError) }
        if let relsData {
            let rels = ElementCollector(names: ["Relationship"])
            _ = rels.parse(relsData)
            if let target = rels.elements.first(where: { $0.attributes["Id"] == relID })?.attributes["Target"] {
                sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }

        // Shared strings.
        var shared: [String] = []
        var cutShared: Set<Int> = []
        let (sstData, sstError) = part("xl/sharedStrings.xml")
        if let sstError { return fail(sstError) }
        if let sstData {
            let sst = SharedStringsParser()
            guard sst.parse(sstData) else {
                if let stop = sst.stopped { return fail(stop) }
                return fail("workbook is corrupt: xl/sharedStrings.xml is not well-formed XML")
            }
            shared = sst.strings
            cutShared = sst.cut
        }

        // Styles: which cell formats are dates.
        var dateStyles: Set<Int> = []
        let (stylesData, _) = part("xl/styles.xml")
        if let stylesData { dateStyles = StylesParser.dateStyles(stylesData) }

        let (sheetData, sheetError) = part(sheetPath)
        if let sheetError { return fail(sheetError) }
        guard let sheetData else { return fail("workbook is corrupt: worksheet \(sheetPath) is missing") }
        let parser = SheetParser(shared: shared, cutShared: cutShared, dateStyles: dateStyles, date1904: date1904, file: file)
        let ok = parser.parse(sheetData)
        var diags = notes + parser.diagnostics
        if let stop = parser.stopped {
            // A row-kind finding: the rows read before the limit are kept.
            diags.append(DatasetLoader.fileError(file, stop, kind: .row, line: max(parser.lastRow, 1)))
        } else if !ok {
            diags.append(DatasetLoader.fileError(file, "workbook is corrupt: worksheet \(sheetPath) is not well-formed XML (after row \(parser.lastRow)); rows read so far are kept", line: max(parser.lastRow, 1)))
        }
        let chosenName = chosen["name"] ?? ""
        let names = [chosenName] + sheets.compactMap { $0.attributes["name"] }.filter { $0 != chosenName }
        return (parser.records, diags, names)
    }

    /// "BC12" → (row 12, column 55); nil if malformed.
    static func cellReference(_ ref: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var sawDigit = false
        for u in ref.utf8 {
            switch u {
            case 0x41...0x5A where !sawDigit: column = column * 26 + Int(u - 0x40)
            case 0x61...0x7A where !sawDigit: column = column * 26 + Int(u - 0x60)
            case 0x30...0x39:
                sawDigit = true
                row = row * 10 + Int(u - 0x30)
                if row > 10_000_000 { return nil }
            case 0x24: continue
            default: return nil
            }
            if column > maxColumns { return nil }
        }
        return column > 0 && row > 0 ? (row, column) : nil
    }

    /// A number as text: integral values without a fraction (2020.0 → 2020), others as
    /// written in the file.
    static func numberText(_ v: String) -> String {
        guard let d = Double(v) else { return v }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return v
    }

    /// An Excel serial date (days since 1899-12-30, or 1904-01-01) as yyyy-MM-dd.
    static func dateText(_ v: String, date1904: Bool) -> String? {
        guard let d = Double(v), d >= 0, d < 2_958_466 else { return nil }
        var days = Int(d.rounded(.down))
        days += date1904 ? 1462 : 0
        // Days from 1899-12-30 to a civil date (Howard Hinnant's algorithm, from 1970-01-01).
        let z = days - 25569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}

/// Collects the attributes of elements with given local names.
private final class ElementCollector: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String] }
    let names: Set<String>
    var elements: [Element] = []

    init(names: Set<String>) { self.names = names }

    func parse(_ data: Data) -> Bool {
        let p = XMLParser(data: data)
        p.delegate = self
        return p.parse()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        if names.contains(local) { elements.append(Element(name: local, attributes: attributes)) }
    }
}

/// Reads `<si>` items: the text of their `<t>` elements, runs included, phonetic runs skipped.
/// Items longer than `XLSXReader.maxCellCharacters` are cut (their full length kept in `cut`);
/// the table stops with `stopped` set past `maxCellsPerSheet` items or `maxSheetText` bytes.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    /// Indexes of the items that were cut.
    var cut: Set<Int> = []
    /// Why parsing stopped early, if a limit was reached.
    var stopped: String?
    private var totalBytes = 0
    private var current = ""
    private var inItem = false
    private var inText = false
    private var phonetic = 0

    func parse(_ data: Data) -> Bool {
        let p = XMLParser(data: data)
        p.delegate = self
        return p.parse()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch local(elementName) {
        case "si": inItem = true; current = ""
        case "rPh": phonetic += 1
        case "t": inText = inItem && phonetic == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch local(elementName) {
        case "si":
            if current.count > XLSXReader.maxCellCharacters {
                cut.insert(strings.count)
                current = String(current.prefix(XLSXReader.maxCellCharacters))
            }
            strings.append(current)
            totalBytes += current.utf8.count
            inItem = false
            if strings.count > XLSXReader.maxCellsPerSheet || totalBytes > XLSXReader.maxSheetText {
                stopped = "workbook's shared string table holds more than \(XLSXReader.maxCellsPerSheet) items or \(XLSXReader.maxSheetText >> 20) MB of text, the limits for one workbook; it was not read"
                parser.abortParsing()
            }
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        // Past the cut the rest of an item is not kept (its length is still counted by `count`).
        if inText, current.utf8.count <= 4 * XLSXReader.maxCellCharacters + 4 { current += string }
    }
}

private func local(_ name: String) -> Substring {
    name.split(separator: ":").last ?? Substring(name)
}

/// Finds the cell formats (`cellXfs` indexes) that display dates.
private final class StylesParser: NSObject, XMLParserDelegate {
    private var customFormats: [Int: String] = [:]
    private var xfFormats: [Int] = []
    private var inCellXfs = false

    static func dateStyles(_ data: Data) -> Set<Int> {
        let s = StylesParser()
        let p = XMLParser(data: data)
        p.delegate = s
        _ = p.parse()
        var out: Set<Int> = []
        for (i, f) in s.xfFormats.enumerated() where s.isDate(f) { out.insert(i) }
        return out
    }

    private func isDate(_ id: Int) -> Bool {
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) { return true }
        guard let code = customFormats[id] else { return false }
        // Drop quoted literals and [colour]/[locale] sections, then look for date letters.
        var plain = ""
        var quoted = false, bracket = false
        for ch in code {
            if ch == "\"" { quoted.toggle(); continue }
            if ch == "[" { bracket = true; continue }
            if ch == "]" { bracket = false; continue }
            if !quoted && !bracket { plain.append(ch) }
        }
        let lower = plain.lowercased()
        return lower.contains("y") || lower.contains("d") || lower.contains("年") || lower.contains("月")
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch local(elementName) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }) { customFormats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: xfFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if local(elementName) == "cellXfs" { inCellXfs = false }
    }
}

/// Streams a worksheet's `<row>` and `<c>` elements into records.
private final class SheetParser: NSObject, XMLParserDelegate {
    let shared: [String]
    let cutShared: Set<Int>
    let dateStyles: Set<Int>
    let date1904: Bool
    let file: String
    var records: [CSVRecord] = []
    var diagnostics: [Diagnostic] = []
    var lastRow = 0
    /// Why reading stopped before the end of the sheet, when a limit was reached.
    var stopped: String?
    private var cells = 0
    private var textBytes = 0
    private var skipRow = false
    private var warnedWide = false

    private var rowNumber = 0
    private var fields: [String] = []
    private var cellRef: (row: Int, column: Int)?
    private var cellType = "n"
    private var cellStyle = 0
    private var nextColumn = 1
    private var value = ""
    private var inline = ""
    private var collecting: Collect = .none
    private var phonetic = 0
    private enum Collect { case none, value, inlineText }

    init(shared: [String], cutShared: Set<Int>, dateStyles: Set<Int>, date1904: Bool, file: String) {
        self.shared = shared
        self.cutShared = cutShared
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.file = file
    }

    func parse(_ data: Data) -> Bool {
        let p = XMLParser(data: data)
        p.delegate = self
        let ok = p.parse()
        if !ok, !fields.isEmpty { endRow() }
        return ok
    }

    private func endRow() {
        while let last = fields.last, last.isEmpty { fields.removeLast() }
        if !fields.isEmpty, !skipRow { records.append(CSVRecord(line: rowNumber, fields: fields)) }
        fields = []
    }

    private func stop(_ parser: XMLParser, _ message: String) {
        guard stopped == nil else { return }
        stopped = message
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch local(elementName) {
        case "row":
            let given = attributes["r"].flatMap { Int($0) }
            rowNumber = given ?? min(rowNumber + 1, XLSXReader.maxRows + 1)
            skipRow = false
            if rowNumber < 1 || rowNumber > XLSXReader.maxRows {
                diagnostics.append(Diagnostic(location: SourceLocation(file: file, line: max(lastRow, 1), column: 1), severity: .error,
                                              message: "row number \(attributes["r"] ?? String(rowNumber)) (after row \(lastRow)) is outside Excel's 1…\(XLSXReader.maxRows); the row was not read", kind: .row))
                rowNumber = lastRow
                skipRow = true
            }
            lastRow = rowNumber
            fields = []
            nextColumn = 1
        case "c":
            cellRef = attributes["r"].flatMap { XLSXReader.cellReference($0) }
            if attributes["r"] != nil, cellRef == nil {
                diagnostics.append(Diagnostic(location: SourceLocation(file: file, line: rowNumber, column: nextColumn), severity: .warning,
                                              message: "cell reference “\(attributes["r"]!)” is malformed or beyond column XFD; cell skipped", kind: .row))
            }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            value = ""
            inline = ""
        case "v": collecting = .value
        case "is": break
        case "rPh": phonetic += 1
        case "t" where cellType == "inlineStr" && phonetic == 0: collecting = .inlineText
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch local(elementName) {
        case "v", "t": collecting = .none
        case "rPh": phonetic -= 1
        case "c": endCell(parser)
        case "row": endRow()
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch collecting {
        case .value: value += string
        case .inlineText: inline += string
        case .none: break
        }
    }

    private func endCell(_ parser: XMLParser) {
        let column: Int
        if let ref = cellRef { column = ref.column } else { column = nextColumn }
        nextColumn = column + 1
        guard !skipRow, stopped == nil else { return }
        guard column <= XLSXReader.maxColumnsRead else {
            if !warnedWide {
                warnedWide = true
                diagnostics.append(Diagnostic(location: SourceLocation(file: file, line: rowNumber, column: column), severity: .warning,
                                              message: "cell \(columnName(column))\(rowNumber) is beyond column \(columnName(XLSXReader.maxColumnsRead)) (\(XLSXReader.maxColumnsRead)), where reading stops; cells that far right are ignored", kind: .row))
            }
            return
        }
        var text: String
        switch cellType {
        case "s":
            guard let i = Int(value.trimmingCharacters(in: .whitespaces)), i >= 0, i < shared.count else {
                diagnostics.append(Diagnostic(location: SourceLocation(file: file, line: rowNumber, column: column), severity: .error,
                                              message: "cell \(columnName(column))\(rowNumber) refers to shared string \(value) but the workbook has \(shared.count); the workbook is corrupt", kind: .row))
                text = ""
                break
            }
            text = shared[i]
        case "inlineStr": text = inline
        case "str", "e": text = value
        case "b": text = value == "1" ? "TRUE" : "FALSE"
        default:
            if value.isEmpty { text = "" }
            else if dateStyles.contains(cellStyle), let d = XLSXReader.dateText(value, date1904: date1904) { text = d }
            else { text = XLSXReader.numberText(value) }
        }
        if cellType == "s", let i = Int(value.trimmingCharacters(in: .whitespaces)), cutShared.contains(i) {
            cutWarning(column)
        } else if text.utf8.count > XLSXReader.maxCellCharacters, text.count > XLSXReader.maxCellCharacters {
            text = String(text.prefix(XLSXReader.maxCellCharacters))
            cutWarning(column)
        }
        cells += max(0, column - fields.count)
        textBytes += text.utf8.count
        if cells > XLSXReader.maxCellsPerSheet || textBytes > XLSXReader.maxSheetText {
            stop(parser, "worksheet holds more than \(XLSXReader.maxCellsPerSheet) cells or \(XLSXReader.maxSheetText >> 20) MB of cell text, the limits for one sheet; reading stopped at row \(rowNumber) (rows above it are kept)")
            return
        }
        if fields.count < column { fields.append(contentsOf: repeatElement("", count: column - fields.count)) }
        fields[column - 1] = text
    }

    private func cutWarning(_ column: Int) {
        diagnostics.append(Diagnostic(location: SourceLocation(file: file, line: rowNumber, column: column), severity: .warning,
                                      message: "cell \(columnName(column))\(rowNumber) holds more than \(XLSXReader.maxCellCharacters) characters (Excel's limit for a cell); its text was cut there", kind: .row))
    }

    private func columnName(_ n: Int) -> String {
        var n = n
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }
}
