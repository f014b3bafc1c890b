import Foundation

/// Exact duplicates, found on the merged columns once every row is read and reported against
/// their first occurrence.
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
}
