import Foundation

/// After the last file: exact duplicates found on the merged columns and reported against
/// their first occurrence, then the register handed over.
extension ColumnarLoader {
    func duplicateMessage(first: (Int32, Int32), file: String, spelling: Int, programme: Int, year: Int, level: Int) -> String {
        let firstFile = files[Int(first.0)]
        let whereText = firstFile == file ? "line \(first.1)" : "\(firstFile):\(first.1)"
        let p = programmeList[programme]
        let lv = level == 0 ? AwardLevel.award : AwardLevel.nomination
        let name = spellings.slice(spelling).withUnsafeBufferPointer { Self.displayName($0) }
        return "duplicate of \(whereText): “\(name)” already has \(p.name) \(year) (\(lv.rawValue))"
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
        let combos = programmeList.count * 2 * span
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
        let combos = programmeList.count * 2 * span
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
        // Each kind's first diagnostic is kept (the cap is at least 1), so kept diagnostics
        // give every kind's `DiagnosticKind`.
        var kindOf = [DiagnosticKind?](repeating: nil, count: kindNames.count)
        for (d, k) in zip(out.diagnostics, diagnosticKinds) where kindOf[Int(k)] == nil { kindOf[Int(k)] = d.kind }
        for (k, n) in kept.enumerated() where n + hidden[k] > 0 {
            out.totalsByKind[(kindOf[k] ?? .row).rawValue, default: 0] += n + hidden[k]
        }
        out.diagnostics = Diagnostic.inFileOrder(out.diagnostics, files: files)
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
