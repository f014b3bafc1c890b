import Dispatch
import Foundation

/// Reading a large CSV's rows in chunks on several threads.
///
/// The rows are cut at line ends into `chunks` byte ranges. Each range after the first is read
/// by a fresh `ColumnarLoader` on its own thread (its own intern tables, memos, diagnostic
/// caps, lines counted from 1); the first by this loader. The results are then merged in file
/// order: coded values and recipient spellings re-interned in first-appearance order (so the
/// codes are the ones a single pass gives), lines shifted, kept diagnostics re-capped per kind
/// and the rest counted. Duplicates are found after all files, on the merged columns, so
/// "duplicate of line N" still names the first occurrence in file order.
///
/// A cut is only trusted if the chunk before it, read on its own, ends exactly there at a
/// record start with no open quote: then a single pass would be at the same record start at
/// that byte and read the rest the same way. Otherwise the file is read again on one thread.
extension ColumnarLoader {
    /// A loader reading one chunk on another thread.
    final class ChunkBox: @unchecked Sendable {
        var loader: ColumnarLoader
        var end: CSVReader.ScanEnd?
        init(_ loader: ColumnarLoader) { self.loader = loader }
    }

    /// Where each chunk of rows starts: `start`, then the first line start at or after each
    /// equal share of the rest. One element when the rows are too few to split.
    func chunkStarts(_ source: RegisterBytes, from start: Int) -> [Int] {
        let n = source.count
        guard chunks > 1, n - start >= parallelMinimum else { return [start] }
        var starts = [start]
        for j in 1..<chunks {
            let b = source.lineStart(atOrAfter: max(start + (n - start) * j / chunks, starts[starts.count - 1] + 1))
            if b < n && b > starts[starts.count - 1] { starts.append(b) }
        }
        return starts
    }

    /// Reads the chunks concurrently and merges them. False when a cut could not be proven
    /// to fall between records, or a chunk met text that is not UTF-8: nothing is changed,
    /// and the file is read in one pass instead.
    mutating func readChunks(_ source: RegisterBytes, starts: [Int], firstLine: Int,
                             header: CSVHeader, file: String) -> Bool {
        let saved = self
        let k = starts.count
        func end(_ j: Int) -> Int { j + 1 < k ? starts[j + 1] : source.count }
        var fresh = ColumnarLoader(validator: validator, options: options, cap: cap)
        fresh.scalarState = scalarState
        fresh.window = window
        let boxes = (1..<k).map { _ in ChunkBox(fresh) }
        fresh = ColumnarLoader(validator: validator, options: options, cap: cap)
        let group = DispatchGroup()
        for j in 1..<k {
            let box = boxes[j - 1], lo = starts[j], hi = end(j)
            let rows = (hi - lo) / 96 + 16
            DispatchQueue.global().async(group: group) {
                let t0 = LoadTiming.threadCPU()
                box.loader.reserve(rows: rows, bytes: hi - lo)
                box.end = box.loader.readRows(source, from: lo, to: hi, firstLine: 1, header: header, file: file)
                LoadTiming.note("  chunk \(j) parsed, CPU", since: t0)
            }
        }
        let t0 = LoadTiming.threadCPU()
        let first = readRows(source, from: starts[0], to: end(0), firstLine: firstLine, header: header, file: file)
        LoadTiming.note("  chunk 0 parsed, CPU", since: t0)
        LoadTiming.mark("chunk 0 parsed")
        group.wait()
        LoadTiming.mark("other chunks parsed")
        // Every chunk but the last must stop exactly at its end, between records. A chunk
        // that met text that is not UTF-8 sends the file back to one pass as well, which
        // decides whether the record path must read it; so does an unclosed quote (its
        // message names lines, counted from the chunk's start).
        var ends: [CSVReader.ScanEnd?] = [first] + boxes.map(\.end)
        for j in 0..<k {
            guard let e = ends[j], e.problems.isEmpty, j == k - 1 || (e.atRecordStart && e.offset == end(j) - starts[j]) else {
                self = saved
                return false
            }
        }
        var nextLine = ends[0]!.line
        for j in 1..<k {
            let offset = nextLine - 1
            merge(boxes[j - 1].loader, lineOffset: offset, last: j == k - 1)
            LoadTiming.mark("chunk \(j) merged")
            // The chunk's columns are freed on another thread (returning their pages to the
            // system takes milliseconds), while this one goes on: the last reference to them
            // is the closure's.
            let spent = ChunkBox(fresh)
            swap(&spent.loader, &boxes[j - 1].loader)
            DispatchQueue.global().async { withExtendedLifetime(spent) {} }
            LoadTiming.mark("chunk \(j) handed off")
            nextLine = ends[j]!.line + offset
            ends[j] = nil
        }
        return true
    }

    /// Appends the rows and diagnostics a chunk loader read (lines counted from 1 there,
    /// `lineOffset` added here), as if this loader had read them.
    mutating func merge(_ b: ColumnarLoader, lineOffset: Int, last: Bool = false) {
        out.rowsRead += b.out.rowsRead
        out.errorCount += b.out.errorCount
        out.warningCount += b.out.warningCount
        let kindMap = b.kindNames.map { kindID($0) }
        for (d, bk) in zip(b.out.diagnostics, b.diagnosticKinds) {
            let k = kindMap[Int(bk)]
            if kept[k] < cap {
                kept[k] += 1
                let l = d.location
                out.diagnostics.append(Diagnostic(location: SourceLocation(file: l.file, line: l.line + lineOffset, column: l.column),
                                                  severity: d.severity, message: d.message, kind: d.kind))
                diagnosticKinds.append(Int32(k))
            } else {
                hidden[k] += 1
            }
        }
        for (bk, n) in b.hidden.enumerated() { hidden[kindMap[bk]] += n }

        // The plain, coded and text columns are appended on another thread while this one merges
        // the spellings (they share nothing); after the file's last chunk, that thread also
        // finds the credit codes seen twice, for the possible-duplicate pass.
        let cols = MergeColumns(b)
        exchangeColumns(with: cols)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            cols.append(lineOffset: lineOffset)
            if last { cols.repeats = CreditRepeats(lo: cols.creditLo, hi: cols.creditHi) }
        }
        LoadTiming.mark("  merge: diagnostics")
        defer {
            group.wait()
            LoadTiming.mark("  merge: column thread done")
            exchangeColumns(with: cols)
            creditRepeats = cols.repeats
        }
        // Spellings in the chunk's order of first appearance: new ones get the next ids, as
        // they would in one pass. First the chunk's spellings are looked up here, on two
        // threads (read-only; hashes reused); then the absent ones are appended in order.
        // They are distinct (the chunk interned them) and absent, so they need no probe: they
        // are entered in the slots only when the table is next probed (`syncSlots`), which
        // after a file's last chunk is often never.
        let bCount = b.spellings.count
        spellings.reserve(spellings.count + bCount, bytes: spellings.bytes.count + b.spellings.bytes.count)
        spellingNameID.reserveCapacity(spellings.count + bCount)
        spellingOwnKey.reserveCapacity(spellings.count + bCount)
        spellingMayLoosen.reserveCapacity(spellings.count + bCount)
        spellingLoose.reserveCapacity(spellings.count + bCount)
        // The chunk's loose forms, as forms of this loader.
        let looseMap: [Int32] = (0..<b.looseForms.count).map { l in
            b.looseForms.slice(l).withUnsafeBufferPointer { looseForms.intern($0).id }
        }
        var spellingMap = [Int32](repeating: 0, count: bCount)
        final class Lookup: @unchecked Sendable {
            let main: ByteInterner, chunk: ByteInterner, map: UnsafeMutableBufferPointer<Int32>
            init(_ main: ByteInterner, _ chunk: ByteInterner, _ map: UnsafeMutableBufferPointer<Int32>) {
                self.main = main
                self.chunk = chunk
                self.map = map
            }
        }
        spellingMap.withUnsafeMutableBufferPointer { mp in
            let box = Lookup(spellings, b.spellings, mp)
            let parts = bCount >= 1 << 14 ? 2 : 1
            DispatchQueue.concurrentPerform(iterations: parts) { p in
                box.main.lookUp(box.chunk, from: p * bCount / parts, to: (p + 1) * bCount / parts, into: box.map)
            }
        }
        LoadTiming.mark("  merge: looked up")
        b.spellings.bytes.withUnsafeBufferPointer { all in
            b.spellings.ends.withUnsafeBufferPointer { ends in
                b.spellings.hashes.withUnsafeBufferPointer { hashes in
                    for t in 0..<bCount where spellingMap[t] < 0 {
                        let key = UnsafeBufferPointer(rebasing: all[(t == 0 ? 0 : Int(ends[t - 1]))..<Int(ends[t])])
                        let id = spellings.appendUnindexed(key, hash: hashes[t])
                        let form = b.spellingLoose[t]
                        registerSpelling(id, ownKey: b.spellingOwnKey[t], mayLoosen: b.spellingMayLoosen[t],
                                         looseForm: form >= 0 ? looseMap[Int(form)] : form == -1 ? -1 : nil)
                        spellingMap[t] = id
                    }
                }
            }
        }
        LoadTiming.mark("  merge: appended")
        Self.append(b.out.recipient, mappedBy: spellingMap, to: &out.recipient)
        LoadTiming.mark("  merge: recipients mapped")
    }

    /// A merge's columns other than the recipients, appended on another thread.
    /// Swaps this loader's plain, coded and text columns with `cols` (out before the merge thread
    /// appends to them, back in when it is done).
    mutating func exchangeColumns(with cols: MergeColumns) {
        swap(&cols.creditLo, &creditLo); swap(&cols.creditHi, &creditHi)
        swap(&cols.programme, &out.programme); swap(&cols.level, &out.level)
        swap(&cols.recipientType, &out.recipientType); swap(&cols.year, &out.year)
        swap(&cols.section, &out.section); swap(&cols.division, &out.division)
        swap(&cols.region, &out.region); swap(&cols.city, &out.city); swap(&cols.sectorText, &out.sectorText)
        swap(&cols.sectionDict, &sectionDict); swap(&cols.divisionDict, &divisionDict)
        swap(&cols.regionDict, &regionDict); swap(&cols.cityDict, &cityDict); swap(&cols.sectorTextDict, &sectorTextDict)
        swap(&cols.line, &out.line)
        swap(&cols.ids, &out.ids); swap(&cols.notes, &out.notes)
    }

    final class MergeColumns: @unchecked Sendable {
        let b: ColumnarLoader
        var creditLo: [UInt64] = [], creditHi: [UInt32] = []
        var programme: [UInt8] = [], level: [UInt8] = [], recipientType: [UInt8] = [], year: [Int16] = []
        var section = CodedColumn(), division = CodedColumn(), region = CodedColumn(), city = CodedColumn(), sectorText = CodedColumn()
        var sectionDict: [String: Int32] = [:], divisionDict: [String: Int32] = [:]
        var regionDict: [String: Int32] = [:], cityDict: [String: Int32] = [:], sectorTextDict: [String: Int32] = [:]
        var line: [Int32] = []
        var ids = TextColumn(), notes = TextColumn()
        var repeats: CreditRepeats?
        init(_ b: ColumnarLoader) { self.b = b }

        func append(lineOffset: Int) {
            creditLo.append(contentsOf: b.creditLo)
            creditHi.append(contentsOf: b.creditHi)
            programme.append(contentsOf: b.out.programme)
            level.append(contentsOf: b.out.level)
            recipientType.append(contentsOf: b.out.recipientType)
            year.append(contentsOf: b.out.year)
            ColumnarLoader.append(b.out.section, to: &section, &sectionDict)
            ColumnarLoader.append(b.out.division, to: &division, &divisionDict)
            ColumnarLoader.append(b.out.region, to: &region, &regionDict)
            ColumnarLoader.append(b.out.city, to: &city, &cityDict)
            ColumnarLoader.append(b.out.sectorText, to: &sectorText, &sectorTextDict)
            let delta = Int32(lineOffset)
            let base = line.count
            line.append(contentsOf: b.out.line)
            line.withUnsafeMutableBufferPointer { l in
                for i in base..<l.count { l[i] += delta }
            }
            ids.append(b.out.ids)
            notes.append(b.out.notes)
        }
    }

    /// Appends `codes` mapped through `map`.
    static func append(_ codes: [Int32], mappedBy map: [Int32], to column: inout [Int32]) {
        let base = column.count
        column.append(contentsOf: repeatElement(0, count: codes.count))
        column.withUnsafeMutableBufferPointer { dst in
            map.withUnsafeBufferPointer { m in
                codes.withUnsafeBufferPointer { src in
                    for i in 0..<src.count { dst[base + i] = m[Int(src[i])] }
                }
            }
        }
    }

    /// Appends a chunk's coded column, re-coding its values into this loader's.
    static func append(_ from: CodedColumn, to column: inout CodedColumn, _ dict: inout [String: Int32]) {
        let map = from.values.map { code(&dict, &column, $0) }
        append(from.codes, mappedBy: map, to: &column.codes)
    }
}
