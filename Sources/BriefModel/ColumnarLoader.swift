import Dispatch
import Foundation

/// The streaming state of `DatasetLoader.loadColumns`: the columns read so far, the
/// diagnostics kept and counted per kind, the recipient spellings. Its parts: the CSV scanner
/// (`+Scanner`), the column decoders (`+ColumnDecoders`), the spelling table (`+Spellings`),
/// the chunk merge (`+Chunks`), the duplicate and possible-duplicate passes (`+Duplicates`,
/// `+PossibleDuplicates`).
struct ColumnarLoader {
    let validator: RecordValidator
    /// Column mapping and encoding asked for.
    let options: LoadOptions
    /// How many diagnostics of one kind are kept (the rest are counted).
    let cap: Int
    var out = ColumnarRegister()
    var files: [String] = []

    /// type, programme (+ level), year, sector, region.
    var memos = [FieldMemo](repeating: FieldMemo(), count: 5)
    /// Rows whose recipient is still to be looked up: (row, field bytes in the window being read, hash).
    var pending: [(Int, UnsafeBufferPointer<UInt8>, UInt32)] = []
    /// Diagnostic kinds by name, and per kind how many were kept and how many only counted.
    var kindIDs: [String: Int] = [:]
    var kindNames: [String] = []
    var kept: [Int] = []
    var hidden: [Int] = []
    /// Kind of each kept diagnostic (to merge chunks).
    var diagnosticKinds: [Int32] = []
    /// How many chunks a large file's rows are split into, and from what size.
    var chunks = 1
    var parallelMinimum = ColumnarLoader.parallelMinimum
    /// Files whose rows take at least this many bytes are read in chunks.
    static let parallelMinimum = 1 << 20
    /// How many bytes of a file are read at a time (more when a record does not fit).
    var window = ColumnarLoader.window
    static let window = 1 << 20
    var programmeKey: [UInt8] = []
    /// The programmes the programme column indexes (the catalog's, `Programme.all` first).
    let programmeList: [Programme]
    var spellings = ByteInterner(capacity: 1 << 12)
    var spellingNameID: [Int32] = []
    /// Per spelling: whether it is its own comparison key (see `registerSpelling`).
    var spellingOwnKey: [Bool] = []
    /// Per spelling: whether its comparison key may have a looser form (`looseKey`).
    var spellingMayLoosen: [Bool] = []
    /// Per spelling that is its own key and may loosen: its loose form (`looseKey`) in
    /// `looseForms` when that differs from the key, else -1; worked out on registering, while
    /// the bytes are in cache. -1 for spellings that may not loosen, -2 for those that are not
    /// their own key (their key is worked out again in `looseGroups`).
    var spellingLoose: [Int32] = []
    var looseForms = ByteInterner(capacity: 64)
    var looseBuffers: ([UInt8], [UInt8]) = ([], [])
    var nameCount = 0
    var slowKeys = ByteInterner(capacity: 64)
    var slowKeyName: [Int32] = []
    /// Per BMP scalar: 0 not yet known, 1 left alone by `comparisonKey`, 2 changed.
    var scalarState = [UInt8](repeating: 0, count: 0x10000)
    let looseMasks = LooseMasks()
    var sectionDict: [String: Int32] = ["": 0]
    var divisionDict: [String: Int32] = ["": 0]
    var regionDict: [String: Int32] = ["": 0]
    var cityDict: [String: Int32] = ["": 0]
    var sectorTextDict: [String: Int32] = ["": 0]
    /// Recipient column (1-based) of each file, for duplicate diagnostics.
    var iRecipientColumn: [Int32] = []
    /// Credit-code column (1-based) of each file.
    var iCreditColumn: [Int32] = []
    /// Per accepted row, its credit code as kept by the record path (valid or with a wrong
    /// check character), packed (see `PackedCode`); `PackedCode.none` when there is none.
    var creditLo: [UInt64] = []
    var creditHi: [UInt32] = []
    var fileRowStart: [Int] = []
    /// The credit codes seen twice, when worked out during a merge (see `creditFindings`).
    var creditRepeats: CreditRepeats?

    init(validator: RecordValidator, options: LoadOptions = LoadOptions(), cap: Int = DatasetLoader.diagnosticCapPerKind) {
        self.validator = validator
        self.options = options
        self.cap = cap
        programmeList = validator.programmes.programmes
        out.programmes = programmeList
        out.section.values = [""]
        out.division.values = [""]
        out.region.values = [""]
        out.city.values = [""]
        out.sectorText.values = [""]
    }

    static func code(_ dict: inout [String: Int32], _ col: inout CodedColumn, _ s: String) -> Int32 {
        if let c = dict[s] { return c }
        let c = Int32(col.values.count)
        col.values.append(s)
        dict[s] = c
        return c
    }

    /// Counts a diagnostic and keeps it while its kind is under the cap.
    mutating func note(_ kind: String, _ severity: Severity, _ make: () -> Diagnostic) {
        note(kindID(kind), severity, make)
    }

    /// The id of a diagnostic kind.
    mutating func kindID(_ kind: String) -> Int {
        if let k = kindIDs[kind] { return k }
        let k = kindNames.count
        kindIDs[kind] = k
        kindNames.append(kind)
        kept.append(0)
        hidden.append(0)
        return k
    }

    /// Whether a diagnostic of this kind would still be kept (its message is worth building).
    func keeps(_ kind: Int) -> Bool { kept[kind] < cap }

    @inline(__always)
    mutating func note(_ kind: Int, _ severity: Severity, _ make: () -> Diagnostic) {
        if severity == .error { out.errorCount += 1 } else { out.warningCount += 1 }
        if kept[kind] < cap {
            kept[kind] += 1
            out.diagnostics.append(make())
            diagnosticKinds.append(Int32(kind))
        } else {
            hidden[kind] += 1
        }
    }

    /// Starts the columns of a file (its rows follow).
    mutating func addFile(_ file: String) {
        fileRowStart.append(out.programme.count)
        files.append(file)
        iRecipientColumn.append(1)
        iCreditColumn.append(1)
    }

    /// The rows of a file read by the record reader.
    mutating func readRecords(_ url: URL, file: String, fileIndex: Int) {
        absorb(DatasetLoader.readRecords(url, file: file, options: options, validator: validator), fileIndex: fileIndex)
    }

    mutating func read(_ url: URL, fileIndex: Int) {
        let file = url.isFileURL ? url.relativePath : url.absoluteString
        addFile(file)
        let ext = url.pathExtension.lowercased()
        guard ext == "csv" || ext == "txt", options.encoding == nil || options.encoding == .utf8 else {
            return readRecords(url, file: file, fileIndex: fileIndex)
        }
        let saved = self
        let ok: Bool
        if url.isFileURL {
            // (A file that cannot be opened goes to the record path, which words why.)
            guard let source = RegisterBytes(path: url.path) else { return readRecords(url, file: file, fileIndex: fileIndex) }
            ok = readCSV(source, file: file, fileIndex: Int32(fileIndex))
        } else {
            guard let data = try? Data(contentsOf: url) else { return readRecords(url, file: file, fileIndex: fileIndex) }
            ok = data.withUnsafeBytes { raw in readCSV(RegisterBytes(memory: raw), file: file, fileIndex: Int32(fileIndex)) }
        }
        if !ok {
            // Not UTF-8, or no usable header: the record path reads (as GB 18030) and words it.
            self = saved
            memos = [FieldMemo](repeating: FieldMemo(), count: 5)
            readRecords(url, file: file, fileIndex: fileIndex)
        }
    }

    /// Adds the rows the record reader read from a file (duplicates are looked for at the end).
    mutating func absorb(_ d: DatasetLoader.RecordRead, fileIndex: Int) {
        iRecipientColumn[fileIndex] = Int32(d.recipientColumn)
        iCreditColumn[fileIndex] = Int32(d.creditColumn)
        out.rowsRead += d.rowsRead
        for diag in d.diagnostics { note(diag.message, diag.severity) { diag } }
        for r in d.records {
            let name = Array(r.recipient.utf8)
            let sid = name.withUnsafeBufferPointer { spellings.intern($0) }
            if sid.isNew { registerSpelling(sid.id) }
            let p = UInt8(programmeList.firstIndex(of: r.programme) ?? 0)
            let lv: UInt8 = r.level == .award ? 0 : 1
            let credit = r.creditCode.map { Array($0.utf8).withUnsafeBufferPointer { PackedCode(ascii: $0) } } ?? .none
            append(programme: p, level: lv, type: r.recipientType == .organization ? 0 : 1, year: Int16(r.year),
                   section: Self.code(&sectionDict, &out.section, r.sectionCode ?? ""),
                   division: Self.code(&divisionDict, &out.division, r.subsectionCode ?? ""),
                   region: Self.code(&regionDict, &out.region, r.regionCode ?? ""),
                   city: Self.code(&cityDict, &out.city, r.cityCode ?? ""),
                   sectorText: Self.code(&sectorTextDict, &out.sectorText, r.sectorText ?? ""),
                   spelling: sid.id, line: Int32(r.source?.line ?? 0), credit: credit)
            out.ids.append(Array(r.id.utf8))
            out.notes.append(Array((r.note ?? "").utf8))
        }
    }

    mutating func append(programme: UInt8, level: UInt8, type: UInt8, year: Int16, section: Int32, division: Int32,
                         region: Int32, city: Int32, sectorText: Int32, spelling: Int32, line: Int32, credit: PackedCode = .none) {
        creditLo.append(credit.lo)
        creditHi.append(credit.hi)
        out.programme.append(programme)
        out.level.append(level)
        out.recipientType.append(type)
        out.year.append(year)
        out.section.codes.append(section)
        out.division.codes.append(division)
        out.region.codes.append(region)
        out.city.codes.append(city)
        out.sectorText.codes.append(sectorText)
        out.recipient.append(spelling)
        out.line.append(line)
    }

    /// Makes room for `rows` more rows read from `bytes` bytes: the columns, and the recipient
    /// table for three distinct spellings in four rows with their bytes (a third of the text at
    /// most, in registers seen so far; more grows the arrays as usual).
    mutating func reserve(rows: Int, bytes: Int) {
        let n = out.programme.count + rows
        spellings.reserve(spellings.count + rows * 3 / 4, bytes: spellings.bytes.count + bytes / 3)
        out.reserve(n)
        creditLo.reserveCapacity(n)
        creditHi.reserveCapacity(n)
        let s = spellings.count + rows * 3 / 4
        spellingNameID.reserveCapacity(s)
        spellingOwnKey.reserveCapacity(s)
        spellingMayLoosen.reserveCapacity(s)
        spellingLoose.reserveCapacity(s)
    }

    /// Runs the duplicate passes on the columns read and hands the register over.
    mutating func finish() -> ColumnarRegister {
        // The duplicate pass and the two possible-duplicate passes only read the columns:
        // they run side by side; their findings are noted in the order a single pass gives.
        final class Findings: @unchecked Sendable {
            let loader: ColumnarLoader
            var duplicates: (repeats: [Int], first: [Int: Int]) = ([], [:])
            var names = NameFormFindings()
            var credits: [CreditFinding] = []
            init(_ loader: ColumnarLoader) { self.loader = loader }
        }
        LoadTiming.mark("rows read and merged")
        let box = Findings(self)
        DispatchQueue.concurrentPerform(iterations: 3) { task in
            let t0 = LoadTiming.threadCPU()
            switch task {
            // Longest first: the duplicate pass, then the name forms; the credit codes on
            // whichever thread is free first.
            case 0: box.duplicates = box.loader.duplicateFindings()
            case 1: box.names = box.loader.nameFormFindings()
            default: box.credits = box.loader.creditFindings(repeats: box.loader.creditRepeats)
            }
            LoadTiming.note("  task \(task), CPU", since: t0)
        }
        LoadTiming.mark("duplicate passes")
        reportDuplicates(box.duplicates)
        LoadTiming.mark("  duplicates noted")
        reportPossibleDuplicates(names: box.names, credits: box.credits)
        LoadTiming.mark("  possible duplicates noted")
        for (k, n) in hidden.enumerated() where n > 0 { out.suppressed[kindNames[k]] = n }
        for (k, n) in kept.enumerated() where n + hidden[k] > 0 { out.totals[kindNames[k]] = n + hidden[k] }
        // Each kind's first diagnostic is kept (the cap is at least 1), so kept diagnostics
        // give every kind's `DiagnosticKind`.
        var kindOf = [DiagnosticKind?](repeating: nil, count: kindNames.count)
        for (d, k) in zip(out.diagnostics, diagnosticKinds) where kindOf[Int(k)] == nil { kindOf[Int(k)] = d.kind }
        for (k, n) in kept.enumerated() where n + hidden[k] > 0 {
            out.totalsByKind[(kindOf[k] ?? .row).rawValue, default: 0] += n + hidden[k]
        }
        out.diagnostics = Diagnostic.inFileOrder(out.diagnostics, files: files)
        LoadTiming.mark("  diagnostics in file order")
        out.creditLo = creditLo
        out.creditHi = creditHi
        out.files = files
        out.fileRowStart = fileRowStart
        out.count = out.programme.count
        out.spellingBytes = spellings.bytes
        out.spellingEnds = spellings.ends
        out.recipientNameID = spellingNameID
        out.recipientNameCount = nameCount
        LoadTiming.mark("finish")
        return out
    }
}
