import Foundation
import Dispatch

extension DatasetLoader {
    /// How many diagnostics of one kind `loadColumns` keeps before only counting them.
    public static let diagnosticCapPerKind = 1000

    /// Reads UTF-8 CSV files straight into columns (see `ColumnarRegister`). Files that are not
    /// UTF-8 CSV (JSON, GBK text) go through `load(_:)` and are converted.
    public static func loadColumns(_ urls: [URL], programmes: ProgrammeCatalog = .jiangsu) -> ColumnarRegister {
        loadColumns(urls, homeProvinceCode: "320000", programmes: programmes)
    }

    /// `loadColumns(_:)` with a home province: regions outside `homeProvinceCode` get a
    /// warning, as in `load(_:options:)`.
    public static func loadColumns(_ urls: [URL], homeProvinceCode: String, programmes: ProgrammeCatalog = .jiangsu) -> ColumnarRegister {
        loadColumns(urls, chunks: min(ProcessInfo.processInfo.activeProcessorCount, 8), parallelMinimum: ColumnarLoader.parallelMinimum,
                    homeProvinceCode: homeProvinceCode, programmes: programmes)
    }

    /// `loadColumns(_:)` with `options` (home province and programmes), splitting the rows as
    /// `loadColumns(_:chunks:parallelMinimum:)` does.
    static func loadColumns(_ urls: [URL], options: LoadOptions, chunks: Int, parallelMinimum: Int) -> ColumnarRegister {
        LoadTiming.start()
        var loader = ColumnarLoader(validator: RecordValidator(homeProvinceCode: options.homeProvinceCode, programmes: options.programmes),
                                    options: options, cap: diagnosticCapPerKind)
        loader.chunks = chunks
        loader.parallelMinimum = parallelMinimum
        for (fileIndex, url) in urls.enumerated() { loader.read(url, fileIndex: fileIndex) }
        return loader.finish()
    }

    /// Reads `urls` into columns with `options` (encoding, column mapping, home province,
    /// programmes): plain UTF-8 CSV straight into columns, other files through the record
    /// reader's rows.
    public static func loadColumns(_ urls: [URL], options: LoadOptions) -> ColumnarRegister {
        loadColumns(urls, options: options, chunks: min(ProcessInfo.processInfo.activeProcessorCount, 8), parallelMinimum: ColumnarLoader.parallelMinimum)
    }

    /// `loadColumns(_:)` splitting the rows of a file of at least `parallelMinimum` bytes
    /// into `chunks` chunks read concurrently (1: one thread).
    static func loadColumns(_ urls: [URL], chunks: Int, parallelMinimum: Int, homeProvinceCode: String = "320000",
                            programmes: ProgrammeCatalog = .jiangsu) -> ColumnarRegister {
        var options = LoadOptions(programmes: programmes)
        options.homeProvinceCode = homeProvinceCode
        return loadColumns(urls, options: options, chunks: chunks, parallelMinimum: parallelMinimum)
    }
}

/// The per-text outcomes of one column, worked out once per distinct text.
struct FieldMemo {
    var interner = ByteInterner(capacity: 64)
    var outcomes: [ColumnarLoader.Outcome] = []
}

/// The streaming state of `DatasetLoader.loadColumns`.
struct ColumnarLoader {
    let validator: RecordValidator
    /// Column mapping and encoding asked for.
    let options: LoadOptions
    /// How many diagnostics of one kind are kept (the rest are counted).
    let cap: Int
    var out = ColumnarRegister()
    var files: [String] = []

    /// A field value's outcome.
    struct Outcome {
        var value: Int32 = 0
        var value2: Int32 = 0
        var value3: Int32 = 0
        /// What the validator says about the field (and the level, with the programme).
        var diagnostics: [FieldFinding] = []
    }

    /// One thing the validator says about a field: severity, message, the column it is about,
    /// and the kind id it is capped under.
    struct FieldFinding {
        var severity: Severity
        var message: String
        var column: RecordColumn
        var kind = 0
    }

    /// type, programme (+ level), year, sector, region.
    var memos = [FieldMemo](repeating: FieldMemo(), count: 5)
    static let mType = 0, mProgramme = 1, mYear = 2, mSector = 3, mRegion = 4
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
    var programmeKey: [UInt8] = []
    /// The programmes the programme column indexes (the catalog's, `Programme.all` first).
    let programmeList: [Programme]
    var spellings = ByteInterner(capacity: 1 << 12)
    var spellingNameID: [Int32] = []
    /// Per spelling: whether it is its own comparison key (see `registerSpelling`).
    var spellingOwnKey: [Bool] = []
    /// Per spelling: whether its comparison key may have a looser form (`DuplicateTracker.looseKey`).
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

    /// A file read whole into memory with read(2) (not mapped: a register truncated by another
    /// program while being read would kill a process that mapped it with SIGBUS).
    struct MappedFile {
        let raw: UnsafeRawBufferPointer

        init?(path: String) {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var st = stat()
            guard fstat(fd, &st) == 0, st.st_size > 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
            let n = Int(st.st_size)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: n, alignment: 16)
            var got = 0
            while got < n {
                let r = readFile(fd, buffer.baseAddress! + got, n - got)
                if r < 0 && errno == EINTR { continue }
                if r <= 0 { break }
                got += r
            }
            guard got > 0 else { buffer.deallocate(); return nil }
            raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<got])
        }

        func unmap() { UnsafeMutableRawPointer(mutating: raw.baseAddress)?.deallocate() }
    }

    static let alphabetValue: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        for (i, c) in CreditCode.alphabet.enumerated() { t[Int(c.asciiValue!)] = Int8(i) }
        return t
    }()
    static let weights: [Int] = {
        var w: [Int] = []
        var p = 1
        for _ in 0..<17 { w.append(p); p = p * 3 % 31 }
        return w
    }()

    let alphabetValue = ColumnarLoader.alphabetValue
    let weights = ColumnarLoader.weights
    let alphabetASCII = CreditCode.alphabet.map { $0.asciiValue! }

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

    /// Rows whose recipient is still to be looked up: (row, field bytes in the mapped file, hash).
    var pending: [(Int, UnsafeBufferPointer<UInt8>, UInt32)] = []

    /// Looks up the pending recipients, in row order; false if one is not UTF-8.
    mutating func flushPending() -> Bool {
        defer { pending.removeAll(keepingCapacity: true) }
        // Load every first slot of the batch before using any: the cache misses overlap.
        var touched = [UInt64](repeating: 0, count: pending.count)
        for (k, e) in pending.enumerated() { touched[k] = spellings.touch(e.2) }
        for (k, (row, f, h)) in pending.enumerated() {
            let sid = spellings.intern(f, hash: h, touched: touched[k])
            if sid.isNew {
                guard let c = classifySpelling(f) else { return false }
                registerSpelling(sid.id, ownKey: c.own, mayLoosen: c.own ? c.loose : nil)
            }
            out.recipient[row] = sid.id
        }
        return true
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

    /// Runs the validator on a row holding this field (and `extra` ones, and valid stand-ins
    /// for the other required ones) and keeps what it says about this field and the extra
    /// ones: the same rules and wording as the record reader, by construction.
    func outcome(_ column: RecordColumn, _ text: String, extra: [RecordColumn: String] = [:]) -> (AwardRecord?, [FieldFinding]) {
        var fields: [RecordColumn: (value: String, column: Int)] = [
            .recipient: ("甲", 101), .programme: ("中国质量奖", 102), .year: ("2020", 103), .region: ("320100", 104),
        ]
        fields[column] = (text, column.ordinal)
        for (c, v) in extra { fields[c] = (v, c.ordinal) }
        let (record, diags) = validator.validate(RawRecord(file: "", line: 1, fields: fields))
        let asked = Set([column.ordinal] + extra.keys.map(\.ordinal))
        return (record, diags.filter { asked.contains($0.location.column) }.map {
            FieldFinding(severity: $0.severity, message: $0.message, column: RecordColumn.allCases[$0.location.column - 1])
        })
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
        if url.isFileURL, let map = MappedFile(path: url.path) {
            defer { map.unmap() }
            var b = UnsafeBufferPointer(start: map.raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: map.raw.count)
            if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { b = UnsafeBufferPointer(rebasing: b[3...]) }
            ok = readCSV(b, file: file, fileIndex: Int32(fileIndex))
        } else {
            // (A file URL that could not be read whole goes to the record path, which words why.)
            guard !url.isFileURL, let data = try? Data(contentsOf: url) else {
                return readRecords(url, file: file, fileIndex: fileIndex)
            }
            ok = data.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return false }
                var b = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: raw.count)
                if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { b = UnsafeBufferPointer(rebasing: b[3...]) }
                return readCSV(b, file: file, fileIndex: Int32(fileIndex))
            }
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

    /// Memoised outcome of `key` in memo `m`; nil when the text is not UTF-8.
    @inline(__always)
    mutating func memoised(_ m: Int, _ key: UnsafeBufferPointer<UInt8>, _ compute: (inout ColumnarLoader, String) -> Outcome) -> Outcome? {
        let r = memos[m].interner.intern(key)
        if r.isNew {
            guard let text = String(validating: key, as: UTF8.self) else { return nil }
            var o = compute(&self, text)
            for i in o.diagnostics.indices { o.diagnostics[i].kind = kindID(o.diagnostics[i].message) }
            memos[m].outcomes.append(o)
        }
        return memos[m].outcomes[Int(r.id)]
    }

    /// Which column of a CSV file holds what.
    struct CSVHeader: Sendable {
        var count = 0
        /// The header it was made from.
        var register: RegisterHeader
        var iRecipient = 0, iProgramme = 0, iYear = 0
        var iRegion: Int?, iLevel: Int?, iCredit: Int?, iType: Int?, iSector: Int?, iID: Int?, iNote: Int?
        /// Diagnostic kind per column.
        var columnKinds: [DiagnosticKind] = []

        init(_ h: RegisterHeader) {
            register = h
            let columns = h.columns
            count = h.width
            iRecipient = columns[.recipient]!; iProgramme = columns[.programme]!; iYear = columns[.year]!; iRegion = columns[.region]
            iLevel = columns[.level]; iCredit = columns[.creditCode]; iType = columns[.recipientType]; iSector = columns[.sector]
            iID = columns[.id]; iNote = columns[.note]
            columnKinds = (0..<h.width).map { i in columns.first { $0.value == i }?.key.diagnosticKind ?? .row }
        }
    }

    /// Parses one UTF-8 CSV; false when it must go through the record path instead. With
    /// `chunks` above 1 and enough rows, the rows are split at line ends into that many
    /// chunks read concurrently and merged in file order (see `ColumnarLoader+Chunks.swift`).
    mutating func readCSV(_ bytes: UnsafeBufferPointer<UInt8>, file: String, fileIndex: Int32) -> Bool {
        // The header as the record reader finds it (`RegisterHeader`) in the first records;
        // a file without a usable one (or not UTF-8 there) is left to the record reader.
        var top: [(line: Int, fields: [String])] = []
        var utf8 = true
        _ = CSVReader.scan(bytes, from: 0) { line, fields, scratch in
            var cells: [String] = []
            for f in fields {
                guard let s = String(validating: UnsafeBufferPointer(rebasing: (f.inScratch ? scratch : bytes)[f.start..<f.end]), as: UTF8.self) else {
                    utf8 = false
                    return false
                }
                cells.append(s)
            }
            top.append((line, cells))
            return top.count < RegisterHeader.searchDepth
        }
        guard utf8, !top.isEmpty else { return false }
        let found = RegisterHeader.find(top, file: file, options: options)
        guard found.isUsable else { return false }
        for d in found.diagnostics { note(d.message, d.severity) { d } }
        var seen = 0
        let headerEnd = CSVReader.scan(bytes, from: 0) { _, _, _ in
            seen += 1
            return seen <= found.index
        }
        let header = CSVHeader(found)
        iRecipientColumn[Int(fileIndex)] = Int32(header.iRecipient + 1)
        iCreditColumn[Int(fileIndex)] = Int32((header.iCredit ?? 0) + 1)
        // About 100 bytes a row: size the columns once, and the recipient table for three
        // distinct spellings in four rows (a table twice as big only costs cache misses and
        // memory; more spellings than that grow it once).
        let rows = (bytes.count - headerEnd.offset) / 96 + 16
        reserve(rows: rows, bytes: bytes.count - headerEnd.offset)
        let starts = chunkStarts(bytes, from: headerEnd.offset)
        if starts.count > 1 && readChunks(bytes, starts: starts, firstLine: headerEnd.line, header: header, file: file) {
            return true
        }
        guard let end = readRows(bytes, from: headerEnd.offset, to: bytes.count, firstLine: headerEnd.line, header: header, file: file) else {
            return false
        }
        noteProblems(end.problems, file: file, lineOffset: 0)
        return true
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

    /// Notes unterminated quotes as errors and quotes that took record-like lines as warnings.
    mutating func noteProblems(_ problems: [CSVReader.Problem], file: String, lineOffset: Int) {
        for p in problems {
            let severity: Severity = p.isWarning ? .warning : .error
            note(p.message, severity) { Diagnostic(location: SourceLocation(file: file, line: p.line + lineOffset, column: p.column), severity: severity, message: p.message, kind: .row) }
        }
    }

    /// Reads the rows in `bytes[start..<end]`, which begins at a record start on line
    /// `firstLine`. Nil when a field is not UTF-8 (the file must go through the record path);
    /// otherwise where the scan stopped, with its problems (not yet noted).
    mutating func readRows(_ whole: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, firstLine: Int,
                           header: CSVHeader, file: String) -> CSVReader.ScanEnd? {
        let bytes = UnsafeBufferPointer(rebasing: whole[start..<end])
        var utf8OK = true
        let headerCount = header.count
        let iRecipient = header.iRecipient, iProgramme = header.iProgramme, iYear = header.iYear, iRegion = header.iRegion
        let iLevel = header.iLevel, iCredit = header.iCredit, iType = header.iType, iSector = header.iSector
        let iID = header.iID, iNote = header.iNote
        let columnKinds = header.columnKinds
        let kindCreditMismatch = kindID("credit code check character mismatch")
        let kindMaskedID = kindID("credit code of an individual is a masked identity number")
        let kindExtraFields = kindID("row has more fields than the header")
        let kindEmptyRecipient = kindID("recipient is empty")
        // Accepted rows' columns other than the recipient go through a small batch (appending
        // to eleven arrays row by row costs a uniqueness check each).
        var rows = RowBatch()
        defer { rows.release() }
        let scanned = CSVReader.scan(bytes, from: 0, firstLine: firstLine) { line, fields, scratch in
            @inline(__always) func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
                guard i < fields.count else { return UnsafeBufferPointer(start: nil, count: 0) }
                let f = fields[i]
                return UnsafeBufferPointer(rebasing: (f.inScratch ? scratch : bytes)[f.start..<f.end])
            }
            // Blank rows (every field empty after trimming) are skipped.
            var allBlank = true
            for k in 0..<fields.count where !isBlank(field(k)) { allBlank = false; break }
            if allBlank { return true }
            out.rowsRead += 1
            var hasError = false
            func add(_ kind: Int, _ sev: Severity, _ column: Int, _ message: () -> String) {
                if sev == .error { hasError = true }
                note(kind, sev) {
                    Diagnostic(location: SourceLocation(file: file, line: line, column: column), severity: sev, message: message(),
                               kind: column <= columnKinds.count ? columnKinds[column - 1] : .row)
                }
            }
            func add(_ kind: String, _ sev: Severity, _ column: Int, _ message: () -> String) {
                add(kindID(kind), sev, column, message)
            }
            if fields.count > headerCount {
                var extra = false
                for k in headerCount..<fields.count where !isBlank(field(k)) { extra = true; break }
                if extra {
                    let count = fields.count
                    note(kindExtraFields, .warning) { header.register.extraFields(count, line: line, file: file) }
                }
            }
            // Recipient.
            // Hash it and load its first slot now; the lookup happens after the other fields, so
            // the likely cache miss on the big table overlaps with that work.
            let rf = field(iRecipient)
            let rHash = ByteInterner.hash(rf)
            let touched: UInt64 = 1
            if isBlank(rf) {
                add(kindEmptyRecipient, .error, iRecipient + 1) { RecordValidator.emptyRecipientMessage }
            }
            // Memoised fields, in the validator's order: type, programme (+ level), year, sector, region.
            var type: Int32 = 0
            if let it = iType {
                guard let o = memoised(Self.mType, field(it), { l, t in
                    let (r, d) = l.outcome(.recipientType, t)
                    return Outcome(value: r?.recipientType == .individual ? 1 : 0, diagnostics: d)
                }) else { utf8OK = false; return false }
                for f in o.diagnostics { add(f.kind, f.severity, it + 1) { f.message } }
                type = o.value
            }
            let pf = field(iProgramme)
            let lf = iLevel.map { field($0) }
            var keyCopy: [UInt8] = []
            if let lf {
                programmeKey.removeAll(keepingCapacity: true)
                programmeKey.append(contentsOf: pf)
                programmeKey.append(0)
                programmeKey.append(contentsOf: lf)
                keyCopy = programmeKey
            }
            let computeProgramme = { (l: inout ColumnarLoader, _: String) -> Outcome in
                guard let p = String(validating: pf, as: UTF8.self) else { return Outcome(value: -1) }
                var extra: [RecordColumn: String] = [:]
                if let lf {
                    guard let lt = String(validating: lf, as: UTF8.self) else { return Outcome(value: -1) }
                    extra[.level] = lt
                }
                let (r, d) = l.outcome(.programme, p, extra: extra)
                return Outcome(value: Int32(r.flatMap { l.programmeList.firstIndex(of: $0.programme) } ?? 0),
                               value2: r?.level == .nomination ? 1 : 0, diagnostics: d)
            }
            let found = lf == nil ? memoised(Self.mProgramme, pf, computeProgramme)
                : keyCopy.withUnsafeBufferPointer { memoised(Self.mProgramme, $0, computeProgramme) }
            guard let po = found, po.value >= 0 else { utf8OK = false; return false }
            for f in po.diagnostics { add(f.kind, f.severity, (f.column == .level ? (iLevel ?? iProgramme) : iProgramme) + 1) { f.message } }
            var year: Int32 = 0
            let yf = field(iYear)
            if yf.count == 4, let y = fourDigits(yf), y >= validator.earliestYear, y <= validator.latestYear {
                year = Int32(y)
            } else {
                guard let o = memoised(Self.mYear, yf, { l, t in
                    let (r, d) = l.outcome(.year, t)
                    return Outcome(value: Int32(r?.year ?? 0), diagnostics: d)
                }) else { utf8OK = false; return false }
                for f in o.diagnostics { add(f.kind, f.severity, iYear + 1) { f.message } }
                year = o.value
            }
            var section: Int32 = 0, division: Int32 = 0, sectorText: Int32 = 0
            if let isec = iSector {
                guard let o = memoised(Self.mSector, field(isec), { l, t in
                    let (r, d) = l.outcome(.sector, t)
                    return Outcome(value: Self.code(&l.sectionDict, &l.out.section, r?.sectionCode ?? ""),
                                   value2: Self.code(&l.divisionDict, &l.out.division, r?.subsectionCode ?? ""),
                                   value3: Self.code(&l.sectorTextDict, &l.out.sectorText, r?.sectorText ?? ""), diagnostics: d)
                }) else { utf8OK = false; return false }
                for f in o.diagnostics { add(f.kind, f.severity, isec + 1) { f.message } }
                section = o.value
                division = o.value2
                sectorText = o.value3
            }
            var ro = Outcome()
            if let iRegion {
                guard let o = memoised(Self.mRegion, field(iRegion), { l, t in
                    let (r, d) = l.outcome(.region, t)
                    return Outcome(value: Self.code(&l.regionDict, &l.out.region, r?.regionCode ?? ""),
                                   value2: Self.code(&l.cityDict, &l.out.city, r?.cityCode ?? ""), diagnostics: d)
                }) else { utf8OK = false; return false }
                for f in o.diagnostics { add(f.kind, f.severity, iRegion + 1) { f.message } }
                ro = o
            }
            // Credit code: checked per row over bytes; wording only for the diagnostics kept.
            var credit = PackedCode.none
            if let ic = iCredit {
                let f = field(ic)
                if !isBlank(f) {
                    if let (expected, found) = fastCreditCheck(f, packed: &credit) {
                        if expected != 0 {
                            add(kindCreditMismatch, .warning, ic + 1) {
                                RecordValidator.checkCharacterMessage(String(decoding: f, as: UTF8.self), expected: Character(Unicode.Scalar(expected)),
                                                                      found: Character(Unicode.Scalar(found)))
                            }
                        }
                    } else if type == 1 && RecordValidator.isMaskedIdentityNumber(f) {
                        add(kindMaskedID, .warning, ic + 1) { RecordValidator.maskedIDMessage(String(decoding: f, as: UTF8.self)) }
                    } else {
                        guard let t = String(validating: f, as: UTF8.self) else { utf8OK = false; return false }
                        let (record, findings) = outcome(.creditCode, t, extra: [.recipientType: type == 1 ? "individual" : "organization"])
                        if let code = record?.creditCode { credit = Array(code.utf8).withUnsafeBufferPointer { PackedCode(ascii: $0) } }
                        for f in findings where f.column == .creditCode {
                            add(f.severity == .error ? "credit code malformed" : "credit code check character mismatch", f.severity, ic + 1) { f.message }
                        }
                    }
                }
            }
            if let i = iID, !isUTF8(field(i)) { utf8OK = false; return false }
            if let i = iNote, !isUTF8(field(i)) { utf8OK = false; return false }
            if hasError {
                if !ColumnarLoader.isValidUTF8(rf) { utf8OK = false; return false }
                return true
            }
            let p = UInt8(po.value), lv = UInt8(po.value2)
            rows.add(programme: p, level: lv, type: UInt8(type), year: Int16(year), section: section, division: division,
                     region: ro.value, city: ro.value2, sectorText: sectorText, line: Int32(line), credit: credit)
            if let i = iID { out.ids.append(field(i)) } else { out.ids.appendEmpty() }
            if let i = iNote { out.notes.append(field(i)) } else { out.notes.appendEmpty() }
            out.recipient.append(-1)
            if rows.count == RowBatch.capacity { rows.flush(into: &self) }
            // The recipient's id is filled in a batch later: by then the slots touched for the
            // batch's rows are in cache, so the misses overlap instead of queueing.
            if fields[iRecipient].inScratch || rf.baseAddress == nil {
                // Spellings are interned in row order (the same ids however the rows are chunked).
                if !pending.isEmpty && !flushPending() { utf8OK = false; return false }
                let sid = spellings.intern(rf, hash: rHash, touched: touched)
                if sid.isNew {
                    guard let c = classifySpelling(rf) else { utf8OK = false; return false }
                    registerSpelling(sid.id, ownKey: c.own, mayLoosen: c.own ? c.loose : nil)
                }
                out.recipient[out.recipient.count - 1] = sid.id
            } else {
                pending.append((out.recipient.count - 1, rf, rHash))
                if pending.count == 64 && !flushPending() { utf8OK = false; return false }
            }
            return true
        }
        rows.flush(into: &self)
        guard utf8OK, flushPending() else { return nil }
        return scanned
    }
}


/// read(2), named so that it is not taken for `ColumnarLoader.read`.
private func readFile(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
