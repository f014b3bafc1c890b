import Foundation

/// The CSV scanner: finds the header as the record reader does, then reads the rows into
/// columns over the file's bytes, without a String per field.
extension ColumnarLoader {
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
    mutating func readCSV(_ source: RegisterBytes, file: String, fileIndex: Int32) -> Bool {
        let start = source.bytes(at: 0, count: 3) == [0xEF, 0xBB, 0xBF] ? 3 : 0
        // The header as the record reader finds it (`RegisterHeader`) in the first records
        // (read from the first window, larger if they do not fit); a file without a usable
        // one (or not UTF-8 there) is left to the record reader.
        var top: [(line: Int, fields: [String])] = []
        var utf8 = true
        var headerEnd = CSVReader.ScanEnd(offset: 0, line: 1, atRecordStart: true, problems: [])
        var size = window
        var found: RegisterHeader
        while true {
            let head = source.bytes(at: start, count: size)
            let whole = start + head.count >= source.count || head.count < size
            top = []
            head.withUnsafeBufferPointer { bytes in
                _ = CSVReader.scan(bytes, from: 0, atFileEnd: whole) { line, fields, scratch in
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
            }
            guard utf8 else { return false }
            guard whole || top.count >= RegisterHeader.searchDepth else { size *= 4; continue }
            guard !top.isEmpty else { return false }
            found = RegisterHeader.find(top, file: file, options: options)
            guard found.isUsable else { return false }
            var seen = 0
            headerEnd = head.withUnsafeBufferPointer { bytes in
                CSVReader.scan(bytes, from: 0, atFileEnd: whole) { _, _, _ in
                    seen += 1
                    return seen <= found.index
                }
            }
            break
        }
        for d in found.diagnostics { note(d.message, d.severity) { d } }
        let rowsStart = start + headerEnd.offset
        let header = CSVHeader(found)
        iRecipientColumn[Int(fileIndex)] = Int32(header.iRecipient + 1)
        iCreditColumn[Int(fileIndex)] = Int32((header.iCredit ?? 0) + 1)
        // About 100 bytes a row: size the columns once, and the recipient table for three
        // distinct spellings in four rows (a table twice as big only costs cache misses and
        // memory; more spellings than that grow it once).
        let rows = (source.count - rowsStart) / 96 + 16
        reserve(rows: rows, bytes: source.count - rowsStart)
        let starts = chunkStarts(source, from: rowsStart)
        if starts.count > 1 && readChunks(source, starts: starts, firstLine: headerEnd.line, header: header, file: file) {
            return true
        }
        guard let end = readRows(source, from: rowsStart, to: source.count, firstLine: headerEnd.line, header: header, file: file) else {
            return false
        }
        noteProblems(end.problems, file: file, lineOffset: 0)
        return true
    }

    /// Notes unterminated quotes as errors and quotes that took record-like lines as warnings.
    mutating func noteProblems(_ problems: [CSVReader.Problem], file: String, lineOffset: Int) {
        for p in problems {
            let severity: Severity = p.isWarning ? .warning : .error
            note(p.message, severity) { Diagnostic(location: SourceLocation(file: file, line: p.line + lineOffset, column: p.column), severity: severity, message: p.message, kind: .row) }
        }
    }

    /// Reads the rows in bytes `start..<end` of `source`, which begin at a record start on
    /// line `firstLine`, window by window. Nil when a field is not UTF-8 (the file must go
    /// through the record path); otherwise where the scan stopped (counted from `start`),
    /// with its problems (not yet noted).
    mutating func readRows(_ source: RegisterBytes, from start: Int, to end: Int, firstLine: Int,
                           header: CSVHeader, file: String) -> CSVReader.ScanEnd? {
        source.scanWindows(from: start, to: end, window: window, firstLine: firstLine) { bytes, line, atFileEnd in
            readRows(bytes, firstLine: line, atFileEnd: atFileEnd, header: header, file: file)
        }
    }

    /// Reads the rows of one window, which begins at a record start on line `firstLine`
    /// (see `CSVReader.scan(_:from:firstLine:atFileEnd:_:)`).
    mutating func readRows(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, atFileEnd: Bool,
                           header: CSVHeader, file: String) -> CSVReader.ScanEnd? {
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
        let creditValues = Self.alphabetValue, creditAlphabet = Self.alphabetASCIIStatic
        // Accepted rows' columns other than the recipient go through a small batch (appending
        // to eleven arrays row by row costs a uniqueness check each).
        var rows = RowBatch()
        defer { rows.release() }
        let scanned = CSVReader.scan(bytes, from: 0, firstLine: firstLine, atFileEnd: atFileEnd) { line, fields, scratch in
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
                    if let (expected, found) = Self.fastCreditCheck(f, packed: &credit, values: creditValues, alphabet: creditAlphabet) {
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
            if let i = iID, !Self.isValidUTF8(field(i)) { utf8OK = false; return false }
            if let i = iNote, !Self.isValidUTF8(field(i)) { utf8OK = false; return false }
            if hasError {
                if !ColumnarLoader.isValidUTF8(rf) { utf8OK = false; return false }
                return true
            }
            let p = UInt8(po.value), lv = UInt8(po.value2)
            rows.add(programme: p, level: lv, type: UInt8(type), year: Int16(year), section: section, division: division,
                     region: ro.value, city: ro.value2, sectorText: sectorText, line: Int32(line), credit: credit,
                     // (A column the file lacks: an index past the row, read as empty.)
                     id: field(iID ?? fields.count), note: field(iNote ?? fields.count))
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
