import Foundation
import Dispatch

extension DatasetLoader {
    /// How many diagnostics of one kind `loadColumns` keeps before only counting them.
    public static let diagnosticCapPerKind = 1000

    /// Reads UTF-8 CSV files straight into columns (see `ColumnarRegister`). Files that are not
    /// UTF-8 CSV (JSON, GBK text) go through `load(_:)` and are converted.
    public static func loadColumns(_ urls: [URL]) -> ColumnarRegister {
        loadColumns(urls, chunks: min(ProcessInfo.processInfo.activeProcessorCount, 8), parallelMinimum: ColumnarLoader.parallelMinimum)
    }

    /// `loadColumns(_:)` splitting the rows of a file of at least `parallelMinimum` bytes
    /// into `chunks` chunks read concurrently (1: one thread).
    static func loadColumns(_ urls: [URL], chunks: Int, parallelMinimum: Int) -> ColumnarRegister {
        LoadTiming.start()
        var loader = ColumnarLoader(validator: RecordValidator())
        loader.chunks = chunks
        loader.parallelMinimum = parallelMinimum
        for (fileIndex, url) in urls.enumerated() { loader.read(url, fileIndex: fileIndex) }
        return loader.finish()
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
    var out = ColumnarRegister()
    var files: [String] = []

    /// A field value's outcome.
    struct Outcome {
        var value: Int32 = 0
        var value2: Int32 = 0
        /// (severity, message, kind) at this field's column.
        var diagnostics: [(Severity, String, Int)] = []
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
    /// Recipient column (1-based) of each file, for duplicate diagnostics.
    var iRecipientColumn: [Int32] = []
    /// Credit-code column (1-based) of each file, and whether the file was read by the record
    /// path (which reported its possible duplicates itself).
    var iCreditColumn: [Int32] = []
    var fileAbsorbed: [Bool] = []
    /// Per accepted row, its credit code as kept by the record path (valid or with a wrong
    /// check character), packed (see `PackedCode`); `PackedCode.none` when there is none.
    var creditLo: [UInt64] = []
    var creditHi: [UInt32] = []
    var fileRowStart: [Int] = []
    /// The credit codes seen twice, when worked out during a merge (see `creditFindings`).
    var creditRepeats: CreditRepeats?
    /// The file being read, when this loader mapped it itself (see `dropMappedPages`).
    var mapping: UnsafeRawBufferPointer?

    /// Gives back the mapped file's pages once its rows are all read (a private read-only
    /// mapping: touching it again would only read the file again).
    func dropMappedPages() {
        MappedPages(raw: mapping).drop()
    }

    /// A file mapped read-only with mmap.
    struct MappedFile {
        let raw: UnsafeRawBufferPointer

        init?(path: String) {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var st = stat()
            guard fstat(fd, &st) == 0, st.st_size > 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
            let n = Int(st.st_size)
            guard let p = mmap(nil, n, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
            raw = UnsafeRawBufferPointer(start: p, count: n)
        }

        func unmap() { munmap(UnsafeMutableRawPointer(mutating: raw.baseAddress), raw.count) }
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

    init(validator: RecordValidator) {
        self.validator = validator
        out.section.values = [""]
        out.division.values = [""]
        out.region.values = [""]
        out.city.values = [""]
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
    func keeps(_ kind: Int) -> Bool { kept[kind] < DatasetLoader.diagnosticCapPerKind }

    @inline(__always)
    mutating func note(_ kind: Int, _ severity: Severity, _ make: () -> Diagnostic) {
        if severity == .error { out.errorCount += 1 } else { out.warningCount += 1 }
        if kept[kind] < DatasetLoader.diagnosticCapPerKind {
            kept[kind] += 1
            out.diagnostics.append(make())
            diagnosticKinds.append(Int32(kind))
        } else {
            hidden[kind] += 1
        }
    }

    /// Runs the validator on a row holding this field (and valid stand-ins for the other
    /// required ones) and keeps what it says about this field: the same wording as the
    /// record path, by construction.
    func outcome(_ column: RecordColumn, _ text: String, extra: [RecordColumn: String] = [:]) -> (AwardRecord?, [(Severity, String)]) {
        var fields: [RecordColumn: (value: String, column: Int)] = [
            .recipient: ("甲", 101), .programme: ("中国质量奖", 102), .year: ("2020", 103), .region: ("320100", 104),
        ]
        fields[column] = (text, 1)
        for (c, v) in extra { fields[c] = (v, 1) }
        let (record, diags) = validator.validate(RawRecord(file: "", line: 1, fields: fields))
        return (record, diags.filter { $0.location.column == 1 }.map { ($0.severity, $0.message) })
    }

    mutating func read(_ url: URL, fileIndex: Int) {
        fileRowStart.append(out.programme.count)
        if iRecipientColumn.count <= fileIndex { iRecipientColumn.append(1); iCreditColumn.append(1); fileAbsorbed.append(false) }
        let file = url.isFileURL ? url.relativePath : url.absoluteString
        files.append(file)
        let ext = url.pathExtension.lowercased()
        guard ext == "csv" || ext == "txt" else {
            return absorb(DatasetLoader.load([url], validator: validator), fileIndex: fileIndex)
        }
        let saved = self
        let ok: Bool
        if url.isFileURL, let map = MappedFile(path: url.path) {
            // Mapped here (not through Data) so the pages can be dropped once every row is read:
            // the merge and the duplicate passes then run without the file counting in memory.
            defer { map.unmap() }
            mapping = map.raw
            defer { mapping = nil }
            var b = UnsafeBufferPointer(start: map.raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: map.raw.count)
            if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { b = UnsafeBufferPointer(rebasing: b[3...]) }
            ok = readCSV(b, file: file, fileIndex: Int32(fileIndex))
        } else {
            guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
                return absorb(DatasetLoader.load([url], validator: validator), fileIndex: fileIndex)
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
            absorb(DatasetLoader.load([url], validator: validator), fileIndex: fileIndex)
        }
    }

    /// Adds a dataset read the ordinary way (duplicates within it are already reported; across
    /// files they are checked here).
    mutating func absorb(_ d: Dataset, fileIndex: Int) {
        fileAbsorbed[fileIndex] = true
        out.rowsRead += d.rowsRead
        for diag in d.diagnostics { note(diag.message, diag.severity) { diag } }
        for r in d.records {
            let name = Array(r.recipient.utf8)
            let sid = name.withUnsafeBufferPointer { spellings.intern($0) }
            if sid.isNew { registerSpelling(sid.id) }
            let p = UInt8(Programme.all.firstIndex(of: r.programme) ?? 0)
            let lv: UInt8 = r.level == .award ? 0 : 1
            append(programme: p, level: lv, type: r.recipientType == .organization ? 0 : 1, year: Int16(r.year),
                   section: Self.code(&sectionDict, &out.section, r.sectionCode ?? ""),
                   division: Self.code(&divisionDict, &out.division, r.divisionCode ?? ""),
                   region: Self.code(&regionDict, &out.region, r.regionCode ?? ""),
                   city: Self.code(&cityDict, &out.city, r.cityCode ?? ""), spelling: sid.id, line: Int32(r.source?.line ?? 0))
        }
    }

    mutating func append(programme: UInt8, level: UInt8, type: UInt8, year: Int16, section: Int32, division: Int32,
                         region: Int32, city: Int32, spelling: Int32, line: Int32, credit: PackedCode = .none) {
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
        out.recipient.append(spelling)
        out.line.append(line)
    }

    /// Works out the normalised-name id of a new spelling (once per distinct spelling). A
    /// spelling made only of characters that `TextNormalizer.comparisonKey` leaves alone is its
    /// own key and needs no String; others are normalised, and their keys remembered so that a
    /// later spelling equal to such a key gets the same id.
    mutating func registerSpelling(_ id: Int32, ownKey known: Bool? = nil, mayLoosen knownLoose: Bool? = nil, looseForm knownForm: Int32? = nil) {
        let own: Bool
        if let known {
            own = known
        } else {
            let raw = spellings.slice(Int(id))
            own = !raw.isEmpty && raw.withUnsafeBufferPointer({ isOwnKey($0) })
        }
        spellingOwnKey.append(own)
        if own {
            let loose = knownLoose ?? spellings.slice(Int(id)).withUnsafeBufferPointer { Self.mayLoosen($0) }
            spellingMayLoosen.append(loose)
            spellingLoose.append(loose ? knownForm ?? looseForm(ofSpelling: Int(id)) : -1)
            if slowKeys.count > 0, let k = spellings.slice(Int(id)).withUnsafeBufferPointer({ slowKeys.find($0) }) {
                spellingNameID.append(slowKeyName[Int(k)])
            } else {
                spellingNameID.append(Int32(nameCount))
                nameCount += 1
            }
            return
        }
        let text = String(decoding: spellings.slice(Int(id)), as: UTF8.self)
        let key = Array(TextNormalizer.comparisonKey(text).utf8)
        spellingMayLoosen.append(knownLoose ?? key.withUnsafeBufferPointer { Self.mayLoosen($0) })
        spellingLoose.append(-2)
        spellings.syncSlots()
        let n: Int32 = key.withUnsafeBufferPointer { kb in
            if let k = slowKeys.find(kb) { return slowKeyName[Int(k)] }
            if let t = spellings.find(kb), Int(t) < spellingNameID.count { return spellingNameID[Int(t)] }
            let n = Int32(nameCount)
            nameCount += 1
            _ = slowKeys.intern(kb)
            slowKeyName.append(n)
            return n
        }
        spellingNameID.append(n)
    }

    /// `isValidUTF8`, `isOwnKey` and `mayLoosen` of a new spelling in one pass over its bytes:
    /// nil when it is not UTF-8; else whether it is its own comparison key, and if so whether
    /// that key may loosen (false when it is not its own key: the key decides then).
    @inline(__always)
    mutating func classifySpelling(_ b: UnsafeBufferPointer<UInt8>) -> (own: Bool, loose: Bool)? {
        guard !b.isEmpty else { return (false, false) }
        let r = scalarState.withUnsafeMutableBufferPointer { Self.classify(b, state: $0) }
        guard r & 4 == 0 else { return nil }
        let own = r & 1 != 0
        return (own, own && r & 2 != 0)
    }

    /// ASCII bytes `mayLoosen` stops at, as two 64-bit masks (below and from 0x40).
    static let looseASCIILow: UInt64 = [0x22, 0x27, 0x28, 0x29, 0x2C, 0x2D, 0x2E].reduce(0) { $0 | 1 << UInt64($1) }
    static let looseASCIIHigh: UInt64 = [0x5B, 0x5D, 0x5F].reduce(0) { $0 | 1 << UInt64($1 - 0x40) }

    /// `classifySpelling` over a non-empty byte string: bit 0 own key, bit 1 may loosen, bit 2 not UTF-8.
    static func classify(_ b: UnsafeBufferPointer<UInt8>, state: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let n = b.count
        var own = true, loose = false
        var i = 0
        let lowMask = looseASCIILow, highMask = looseASCIIHigh
        while i < n {
            let c = b[i]
            if c < 0x80 {
                // ASCII: digits, upper-case letters and punctuation other than ( ) and spaces.
                if (c >= 0x61 && c <= 0x7A) || c <= 0x20 || c == 0x28 || c == 0x29 || c == 0x7F { own = false }
                if (c < 0x40 ? lowMask >> UInt64(c) : highMask >> UInt64(c - 0x40)) & 1 != 0 { loose = true }
                i += 1
                continue
            }
            var v: UInt32
            if c >= 0xE4 && c <= 0xE9 && i + 2 < n && b[i + 1] & 0xC0 == 0x80 && b[i + 2] & 0xC0 == 0x80 {
                // A common CJK character (no overlong or surrogate possible); E8 B4 A3 is 责.
                let c1 = b[i + 1], c2 = b[i + 2]
                if c == 0xE8 && c1 == 0xB4 && c2 == 0xA3 { loose = true }
                v = UInt32(c & 0x0F) << 12 | UInt32(c1 & 0x3F) << 6 | UInt32(c2 & 0x3F)
                i += 3
            } else if c >= 0xC2 && c <= 0xDF {
                guard i + 1 < n && b[i + 1] & 0xC0 == 0x80 else { return 4 }
                if c == 0xC2 { loose = true }
                v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                i += 2
            } else if c >= 0xE0 && c <= 0xEF {
                guard i + 2 < n && b[i + 1] & 0xC0 == 0x80 && b[i + 2] & 0xC0 == 0x80 else { return 4 }
                let c1 = b[i + 1]
                if c == 0xE0 && c1 < 0xA0 { return 4 }
                if c == 0xED && c1 >= 0xA0 { return 4 }
                if c == 0xE2 || c == 0xE3 || c == 0xEF { loose = true }
                v = UInt32(c & 0x0F) << 12 | UInt32(c1 & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                i += 3
            } else if c >= 0xF0 && c <= 0xF4 {
                guard i + 3 < n && b[i + 1] & 0xC0 == 0x80 && b[i + 2] & 0xC0 == 0x80 && b[i + 3] & 0xC0 == 0x80 else { return 4 }
                let c1 = b[i + 1]
                if c == 0xF0 && c1 < 0x90 { return 4 }
                if c == 0xF4 && c1 >= 0x90 { return 4 }
                own = false
                i += 4
                continue
            } else {
                return 4
            }
            if own {
                var st = state[Int(v)]
                if st == 0 {
                    let s = String(Character(Unicode.Scalar(v)!))
                    st = TextNormalizer.comparisonKey(s) == s ? 1 : 2
                    state[Int(v)] = st
                }
                if st != 1 { own = false }
            }
        }
        return (own ? 1 : 0) | (loose ? 2 : 0)
    }

    /// The loose form of a spelling that is its own key, entered in `looseForms`; -1 when it
    /// is the key itself.
    mutating func looseForm(ofSpelling id: Int) -> Int32 {
        var (out, scratch) = looseBuffers
        looseBuffers = ([], [])
        defer { looseBuffers = (out, scratch) }
        let start = id == 0 ? 0 : Int(spellings.ends[id - 1]), end = Int(spellings.ends[id])
        if out.count < end - start {
            out = [UInt8](repeating: 0, count: max(256, 2 * (end - start)))
            scratch = out
        }
        let m = spellings.bytes.withUnsafeBufferPointer { b in
            let k = UnsafeBufferPointer(rebasing: b[start..<end])
            let m = out.withUnsafeMutableBufferPointer { ob in scratch.withUnsafeMutableBufferPointer { Self.looseKey(k, into: ob, scratch: $0) } }
            return m == k.count && out.withUnsafeBufferPointer({ UnsafeBufferPointer(rebasing: $0[0..<m]).elementsEqual(k) }) ? -1 : m
        }
        guard m >= 0 else { return -1 }
        return out.withUnsafeBufferPointer { looseForms.intern(UnsafeBufferPointer(rebasing: $0[0..<m])).id }
    }

    /// Whether every scalar of `bytes` (valid UTF-8) is left as it is by `comparisonKey`.
    mutating func isOwnKey(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let c = b[i]
            var v: UInt32
            if c < 0x80 {
                // ASCII: digits, upper-case letters and punctuation other than ( ) and spaces.
                if (c >= 0x61 && c <= 0x7A) || c <= 0x20 || c == 0x28 || c == 0x29 || c == 0x7F { return false }
                i += 1
                continue
            } else if c < 0xE0 { v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2 }
            else if c < 0xF0 { v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3 }
            else { return false }
            var state = scalarState[Int(v)]
            if state == 0 {
                let s = String(Character(Unicode.Scalar(v)!))
                state = TextNormalizer.comparisonKey(s) == s ? 1 : 2
                scalarState[Int(v)] = state
            }
            if state != 1 { return false }
        }
        return true
    }

    /// A masked identity number standing for the real one in `maskedIDMessage`.
    static let sampleMaskedID = "000000********0000"

    /// Memoised outcome of `key` in memo `m`; nil when the text is not UTF-8.
    @inline(__always)
    mutating func memoised(_ m: Int, _ key: UnsafeBufferPointer<UInt8>, _ compute: (inout ColumnarLoader, String) -> Outcome) -> Outcome? {
        let r = memos[m].interner.intern(key)
        if r.isNew {
            guard let text = String(validating: key, as: UTF8.self) else { return nil }
            var o = compute(&self, text)
            o.diagnostics = o.diagnostics.map { ($0.0, $0.1, kindID($0.1)) }
            memos[m].outcomes.append(o)
        }
        return memos[m].outcomes[Int(r.id)]
    }

    /// Which column of a CSV file holds what.
    struct CSVHeader: Sendable {
        var count = 0
        var iRecipient = 0, iProgramme = 0, iYear = 0, iRegion = 0
        var iLevel: Int?, iCredit: Int?, iType: Int?, iSector: Int?, iID: Int?, iNote: Int?
        /// Diagnostic kind per column.
        var columnKinds: [DiagnosticKind] = []
    }

    /// Parses one UTF-8 CSV; false when it must go through the record path instead. With
    /// `chunks` above 1 and enough rows, the rows are split at line ends into that many
    /// chunks read concurrently and merged in file order (see `ColumnarLoader+Chunks.swift`).
    mutating func readCSV(_ bytes: UnsafeBufferPointer<UInt8>, file: String, fileIndex: Int32) -> Bool {
        var header: CSVHeader?
        let headerEnd = CSVReader.scan(bytes, from: 0) { line, fields, scratch in
            header = readHeader(line: line, fields: fields, scratch: scratch, bytes: bytes, file: file)
            return false
        }
        guard let header else { return false }
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
        dropMappedPages()
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

    /// Notes unterminated quotes as errors.
    mutating func noteProblems(_ problems: [CSVReader.Problem], file: String, lineOffset: Int) {
        for p in problems {
            note(p.message, .error) { Diagnostic(location: SourceLocation(file: file, line: p.line + lineOffset, column: 1), severity: .error, message: p.message, kind: .row) }
        }
    }

    /// Maps the header row to columns (the same mapping and wording as DatasetLoader.csvRows);
    /// nil when a cell is not UTF-8 or a required column is missing.
    mutating func readHeader(line: Int, fields: UnsafeBufferPointer<CSVReader.FieldRef>, scratch: UnsafeBufferPointer<UInt8>,
                             bytes: UnsafeBufferPointer<UInt8>, file: String) -> CSVHeader? {
        var cells: [String] = []
        for f in fields {
            guard let s = String(validating: UnsafeBufferPointer(rebasing: (f.inScratch ? scratch : bytes)[f.start..<f.end]), as: UTF8.self) else { return nil }
            cells.append(s)
        }
        var columns: [RecordColumn: Int] = [:]
        for (i, cell) in cells.enumerated() {
            guard let c = RecordColumn.from(header: cell) else {
                note("unknown column", .warning) { Diagnostic(location: SourceLocation(file: file, line: line, column: i + 1), severity: .warning, message: "unknown column “\(cell)” ignored", kind: .header) }
                continue
            }
            if columns[c] != nil {
                note("repeated column", .warning) { Diagnostic(location: SourceLocation(file: file, line: line, column: i + 1), severity: .warning, message: "column “\(cell)” repeats \(c.rawValue); the first one is used", kind: .header) }
                continue
            }
            columns[c] = i
        }
        if RecordColumn.required.contains(where: { columns[$0] == nil }) { return nil }
        var h = CSVHeader()
        h.count = cells.count
        h.iRecipient = columns[.recipient]!; h.iProgramme = columns[.programme]!; h.iYear = columns[.year]!; h.iRegion = columns[.region]!
        h.iLevel = columns[.level]; h.iCredit = columns[.creditCode]; h.iType = columns[.recipientType]; h.iSector = columns[.sector]
        h.iID = columns[.id]; h.iNote = columns[.note]
        h.columnKinds = cells.indices.map { i in columns.first { $0.value == i }?.key.diagnosticKind ?? .row }
        return h
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
        // The validator's words for a masked identity number, worked out once (it resolves a
        // whole stand-in row each time) with a sample standing for the code.
        // (Foundation's replacingOccurrences costs 100 000 instructions a call: split instead.)
        let maskedIDMessage: (String, String) = {
            guard header.iCredit != nil, let m = outcome(.creditCode, Self.sampleMaskedID, extra: [.recipientType: "individual"]).1.first?.1,
                  let r = m.range(of: Self.sampleMaskedID) else { return ("", "") }
            return (String(m[..<r.lowerBound]), String(m[r.upperBound...]))
        }()
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
                add("row has more fields than the header", .warning, headerCount + 1) { "row has \(fields.count) fields but the header has \(headerCount); extra fields ignored" }
            }
            // Recipient.
            // Hash it and load its first slot now; the lookup happens after the other fields, so
            // the likely cache miss on the big table overlaps with that work.
            let rf = field(iRecipient)
            let rHash = ByteInterner.hash(rf)
            let touched: UInt64 = 1
            if isBlank(rf) {
                add("recipient is empty", .error, iRecipient + 1) { "recipient is empty; expected the name of the organisation or person" }
            }
            // Memoised fields, in the validator's order: type, programme (+ level), year, sector, region.
            var type: Int32 = 0
            if let it = iType {
                guard let o = memoised(Self.mType, field(it), { l, t in
                    let (r, d) = l.outcome(.recipientType, t)
                    return Outcome(value: r?.recipientType == .individual ? 1 : 0, diagnostics: d.map { ($0.0, $0.1, 0) })
                }) else { utf8OK = false; return false }
                for (s, m, k) in o.diagnostics { add(k, s, it + 1) { m } }
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
                return Outcome(value: Int32(r.flatMap { Programme.all.firstIndex(of: $0.programme) } ?? 0),
                               value2: r?.level == .nomination ? 1 : 0, diagnostics: d.map { ($0.0, $0.1, 0) })
            }
            let found = lf == nil ? memoised(Self.mProgramme, pf, computeProgramme)
                : keyCopy.withUnsafeBufferPointer { memoised(Self.mProgramme, $0, computeProgramme) }
            guard let po = found, po.value >= 0 else { utf8OK = false; return false }
            for (s, m, k) in po.diagnostics {
                // Programme and level messages were both located at column 1; the level's start "level".
                add(k, s, (m.hasPrefix("level") ? (iLevel ?? iProgramme) : iProgramme) + 1) { m }
            }
            var year: Int32 = 0
            let yf = field(iYear)
            if yf.count == 4, let y = fourDigits(yf), y >= validator.earliestYear, y <= validator.latestYear {
                year = Int32(y)
            } else {
                guard let o = memoised(Self.mYear, yf, { l, t in
                    let (r, d) = l.outcome(.year, t)
                    return Outcome(value: Int32(r?.year ?? 0), diagnostics: d.map { ($0.0, $0.1, 0) })
                }) else { utf8OK = false; return false }
                for (s, m, k) in o.diagnostics { add(k, s, iYear + 1) { m } }
                year = o.value
            }
            var section: Int32 = 0, division: Int32 = 0
            if let isec = iSector {
                guard let o = memoised(Self.mSector, field(isec), { l, t in
                    let (r, d) = l.outcome(.sector, t)
                    return Outcome(value: Self.code(&l.sectionDict, &l.out.section, r?.sectionCode ?? ""),
                                   value2: Self.code(&l.divisionDict, &l.out.division, r?.divisionCode ?? ""), diagnostics: d.map { ($0.0, $0.1, 0) })
                }) else { utf8OK = false; return false }
                for (s, m, k) in o.diagnostics { add(k, s, isec + 1) { m } }
                section = o.value
                division = o.value2
            }
            guard let ro = memoised(Self.mRegion, field(iRegion), { l, t in
                let (r, d) = l.outcome(.region, t)
                return Outcome(value: Self.code(&l.regionDict, &l.out.region, r?.regionCode ?? ""),
                               value2: Self.code(&l.cityDict, &l.out.city, r?.cityCode ?? ""), diagnostics: d.map { ($0.0, $0.1, 0) })
            }) else { utf8OK = false; return false }
            for (s, m, k) in ro.diagnostics { add(k, s, iRegion + 1) { m } }
            // Credit code: checked per row over bytes; wording only for the diagnostics kept.
            var credit = PackedCode.none
            if let ic = iCredit {
                let f = field(ic)
                if !isBlank(f) {
                    if let (expected, found) = fastCreditCheck(f, packed: &credit) {
                        if expected != 0 {
                            add(kindCreditMismatch, .warning, ic + 1) {
                                "credit code “\(String(decoding: f, as: UTF8.self))” ends in “\(Character(Unicode.Scalar(found)))” but its check character should be “\(Character(Unicode.Scalar(expected)))” (GB 32100-2015); kept as registered"
                            }
                        }
                    } else if type == 1 && isMaskedID(f) {
                        add(kindMaskedID, .warning, ic + 1) {
                            maskedIDMessage.0 + String(decoding: f, as: UTF8.self) + maskedIDMessage.1
                        }
                    } else {
                        guard let t = String(validating: f, as: UTF8.self) else { utf8OK = false; return false }
                        let typeText = iType.map { String(decoding: field($0), as: UTF8.self) } ?? ""
                        let (record, messages) = outcome(.creditCode, t, extra: [.recipientType: typeText])
                        if let code = record?.creditCode { credit = Array(code.utf8).withUnsafeBufferPointer { PackedCode(ascii: $0) } }
                        for (s, m) in messages {
                            add(s == .error ? "credit code malformed" : "credit code check character mismatch", s, ic + 1) { m }
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
            rows.add(programme: p, level: lv, type: UInt8(type), year: Int16(year),
                     section: section, division: division, region: ro.value, city: ro.value2, line: Int32(line), credit: credit)
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

    func duplicateMessage(first: (Int32, Int32), file: String, spelling: Int, programme: Int, year: Int, level: Int) -> String {
        let firstFile = files[Int(first.0)]
        let whereText = firstFile == file ? "line \(first.1)" : "\(firstFile):\(first.1)"
        let p = Programme.all[programme]
        let lv = level == 0 ? AwardLevel.award : AwardLevel.nomination
        let name = spellings.slice(spelling).withUnsafeBufferPointer { Self.displayName($0) }
        return "duplicate of \(whereText): “\(name)” already has \(p.name) \(year) (\(lv.rawValue))"
    }

    /// `TextNormalizer.name` of a spelling's bytes (valid UTF-8). Without ( or ) and with no
    /// character `trim` drops at either end (space, tab, CR, LF, U+3000, U+FEFF: one scalar
    /// each, so looking at the first and last scalar is enough), the name is the text itself.
    static func displayName(_ b: UnsafeBufferPointer<UInt8>) -> String {
        @inline(__always) func dropped(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }
        @inline(__always) func wide(_ i: Int) -> Bool {
            (b[i] == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x80) || (b[i] == 0xEF && b[i + 1] == 0xBB && b[i + 2] == 0xBF)
        }
        let n = b.count
        if n > 0 && !dropped(b[0]) && !dropped(b[n - 1]) && !(n >= 3 && (wide(0) || wide(n - 3))) && !b.contains(0x28) && !b.contains(0x29) {
            return String(decoding: b, as: UTF8.self)
        }
        return TextNormalizer.name(String(decoding: b, as: UTF8.self))
    }

    /// Whether a field is empty after `TextNormalizer.trim`, looking at bytes first.
    @inline(__always)
    func isBlank(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        if f.isEmpty { return true }
        let b = f[0]
        if b != 0x20 && b != 0x09 && b != 0x0D && b != 0x0A && b != 0xE3 && b != 0xEF { return false }
        return TextNormalizer.trim(String(decoding: f, as: UTF8.self)).isEmpty
    }

    /// `RecordValidator.isMaskedIdentityNumber` over bytes.
    func isMaskedID(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        guard f.count == 18 else { return false }
        var star = false
        for i in 0..<18 {
            let b = f[i]
            if b == 0x2A { star = true } else if !(b >= 0x30 && b <= 0x39) && !(i == 17 && b == 0x58) { return false }
        }
        return star
    }

    @inline(__always)
    func isUTF8(_ f: UnsafeBufferPointer<UInt8>) -> Bool { ColumnarLoader.isValidUTF8(f) }

    /// Whether `b` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF),
    /// without building a String.
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        guard let base = b.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        while i < n {
            // ASCII eight bytes at a time; a common CJK character (U+4E00–U+9FFF, lead byte
            // E4–E9 and two continuation bytes, no overlong or surrogate possible) in one test.
            let c = b[i]
            if c < 0x80 {
                i += 1
                while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                continue
            }
            if c >= 0xE4 && c <= 0xE9 && i + 2 < n && b[i + 1] & 0xC0 == 0x80 && b[i + 2] & 0xC0 == 0x80 { i += 3; continue }
            @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
            if c >= 0xC2 && c <= 0xDF {
                guard cont(1) else { return false }
                i += 2
            } else if c >= 0xE0 && c <= 0xEF {
                guard cont(1), cont(2) else { return false }
                let c1 = b[i + 1]
                if c == 0xE0 && c1 < 0xA0 { return false }
                if c == 0xED && c1 >= 0xA0 { return false }
                i += 3
            } else if c >= 0xF0 && c <= 0xF4 {
                guard cont(1), cont(2), cont(3) else { return false }
                let c1 = b[i + 1]
                if c == 0xF0 && c1 < 0x90 { return false }
                if c == 0xF4 && c1 >= 0x90 { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }

    func fourDigits(_ f: UnsafeBufferPointer<UInt8>) -> Int? {
        var v = 0
        for b in f {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }

    /// For an 18-character ASCII code of upper-case alphabet characters: (0, 0) when valid,
    /// (expected, found) on a check-character mismatch. Nil when the code needs the slow path.
    @inline(__always)
    func fastCreditCheck(_ f: UnsafeBufferPointer<UInt8>, packed: inout PackedCode) -> (UInt8, UInt8)? {
        Self.fastCreditCheck(f, packed: &packed)
    }

    static let alphabetASCIIStatic = CreditCode.alphabet.map { $0.asciiValue! }

    static func fastCreditCheck(_ f: UnsafeBufferPointer<UInt8>, packed: inout PackedCode) -> (UInt8, UInt8)? {
        guard f.count == 18, let p = f.baseAddress else { return nil }
        let alphabetASCII = alphabetASCIIStatic
        // Σ value × 3^i, taken mod 31 at the end, is Σ value × weight (weight = 3^i mod 31);
        // 30 × Σ 3^i stays far below 2^64. Bad characters (-1) are or-ed into `bad`.
        return ColumnarLoader.alphabetValue.withUnsafeBufferPointer { av -> (UInt8, UInt8)? in
            var bad: Int8 = 0
            var sum: UInt64 = 0, w: UInt64 = 1
            var lo: UInt64 = 0, hi: UInt32 = 0
            for i in 0..<12 {
                let v = av[Int(p[i])]
                bad |= v
                let u = UInt64(UInt8(bitPattern: v))
                sum &+= u &* w
                w &*= 3
                lo = lo << 5 | u
            }
            for i in 12..<17 {
                let v = av[Int(p[i])]
                bad |= v
                let u = UInt64(UInt8(bitPattern: v))
                sum &+= u &* w
                w &*= 3
                hi = hi << 5 | UInt32(truncatingIfNeeded: u)
            }
            let last = av[Int(p[17])]
            guard bad | last >= 0 else { return nil }
            packed = PackedCode(lo: lo, hi: hi << 5 | UInt32(last))
            let c = 31 - Int(sum % 31)
            let expected = alphabetASCII[c == 31 ? 0 : c]
            return expected == p[17] ? (0, 0) : (expected, p[17])
        }
    }

    /// Reports rows that repeat an earlier one (same normalised recipient, programme, year and
    /// level), against the first occurrence, in row order, as `DatasetLoader.load` does. One
    /// pass over the integer columns with a bitmap of seen keys; only keys seen twice are
    /// looked at again. This part finds them (read-only: it runs beside the possible-duplicate
    /// passes): the repeating rows in row order, and the first row of each repeated key.
    func duplicateFindings() -> (repeats: [Int], first: [Int: Int]) {
        let n = out.programme.count
        guard n > 1 else { return ([], [:]) }
        let minYear = Int(out.year.min()!), span = Int(out.year.max()!) - minYear + 1
        let combos = Programme.all.count * 2 * span
        let bits = nameCount * combos
        func key(_ i: Int) -> Int {
            let name = Int(spellingNameID[Int(out.recipient[i])])
            return name * combos + (Int(out.programme[i]) * 2 + Int(out.level[i])) * span + Int(out.year[i]) - minYear
        }
        var repeats: [Int] = []
        if bits <= 1 << 33 {
            var bitmap = [UInt64](repeating: 0, count: bits / 64 + 1)
            bitmap.withUnsafeMutableBufferPointer { bm in
                out.recipient.withUnsafeBufferPointer { rec in
                    spellingNameID.withUnsafeBufferPointer { names in
                        for i in 0..<n {
                            let k = Int(names[Int(rec[i])]) * combos + (Int(out.programme[i]) * 2 + Int(out.level[i])) * span + Int(out.year[i]) - minYear
                            let w = k >> 6, b = UInt64(1) << UInt64(k & 63)
                            if bm[w] & b != 0 { repeats.append(i) } else { bm[w] |= b }
                        }
                    }
                }
            }
        } else {
            var seen = Set<Int>()
            for i in 0..<n where !seen.insert(key(i)).inserted { repeats.append(i) }
        }
        guard !repeats.isEmpty else { return ([], [:]) }
        // First occurrence of each repeated key: a small bitmap over their hashes keeps the
        // dictionary out of the pass for almost every row.
        var first: [Int: Int] = [:]
        let filterBits = 1 << 20
        var filter = [UInt64](repeating: 0, count: filterBits / 64)
        @inline(__always) func hashBit(_ k: Int) -> Int { Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(k)) &* 0x9E37_79B9_7F4A_7C15) >> 44) }
        for i in repeats {
            let k = key(i)
            first[k] = -1
            let h = hashBit(k)
            filter[h >> 6] |= 1 << UInt64(h & 63)
        }
        let last = repeats.last!
        filter.withUnsafeBufferPointer { f in
            for i in 0..<last {
                let k = key(i)
                let h = hashBit(k)
                if f[h >> 6] & (1 << UInt64(h & 63)) != 0, first[k] == -1 { first[k] = i }
            }
        }
        return (repeats, first)
    }

    /// Notes the rows `duplicateFindings` found.
    mutating func reportDuplicates(_ found: (repeats: [Int], first: [Int: Int])) {
        let (repeats, first) = found
        guard !repeats.isEmpty else { return }
        let n = out.programme.count
        let minYear = Int(out.year.min()!), span = Int(out.year.max()!) - minYear + 1
        let combos = Programme.all.count * 2 * span
        func rowFileIndex(_ i: Int) -> Int32 { Int32(fileIndex(ofRow: i)) }
        func key(_ i: Int) -> Int {
            let name = Int(spellingNameID[Int(out.recipient[i])])
            return name * combos + (Int(out.programme[i]) * 2 + Int(out.level[i])) * span + Int(out.year[i]) - minYear
        }
        let kind = kindID("duplicate record")
        for i in repeats {
            let f = first[key(i)]!
            let file = files[Int(rowFileIndex(i))]
            let line = Int(out.line[i])
            let keep = keeps(kind)
            let message = keep ? duplicateMessage(first: (rowFileIndex(f), out.line[f]), file: file, spelling: Int(out.recipient[i]),
                                                  programme: Int(out.programme[i]), year: Int(out.year[i]), level: Int(out.level[i])) : ""
            let column = Int(iRecipientColumn[Int(rowFileIndex(i))])
            note(kind, .warning) {
                Diagnostic(location: SourceLocation(file: file, line: line, column: column), severity: .warning, message: message, kind: .duplicate)
            }
        }
    }

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
        if ProcessInfo.processInfo.environment["QBRIEF_TMP_DUP"] != nil {
            for _ in 0..<5 {
                let t = LoadTiming.threadCPU()
                let r = duplicateFindings()
                let t2 = LoadTiming.threadCPU()
                let c = creditFindings(repeats: creditRepeats)
                let t3 = LoadTiming.threadCPU()
                let nm = nameFormFindings()
                let t4 = LoadTiming.threadCPU()
                FileHandle.standardError.write(Data("tmp dup \(Double(t2 - t) / 1e6) credit \(Double(t3 - t2) / 1e6) names \(Double(t4 - t3) / 1e6) \(r.repeats.count) \(c.count) \(nm.found.count)\n".utf8))
            }
        }
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
            if LoadTiming.enabled {
                FileHandle.standardError.write(Data("load timing:   task \(task) \(Double(LoadTiming.threadCPU() - t0) / 1e6) ms CPU\n".utf8))
            }
        }
        LoadTiming.mark("duplicate passes")
        reportDuplicates(box.duplicates)
        reportPossibleDuplicates(names: box.names, credits: box.credits)
        for (k, n) in hidden.enumerated() where n > 0 { out.suppressed[kindNames[k]] = n }
        for (k, n) in kept.enumerated() where n + hidden[k] > 0 { out.totals[kindNames[k]] = n + hidden[k] }
        out.count = out.programme.count
        out.spellingBytes = spellings.bytes
        out.spellingEnds = spellings.ends
        out.recipientNameID = spellingNameID
        out.recipientNameCount = nameCount
        LoadTiming.mark("finish")
        return out
    }
}

