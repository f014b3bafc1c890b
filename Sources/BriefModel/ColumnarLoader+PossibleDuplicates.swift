import Foundation

/// The "possible duplicate" warnings of both readers, worked out over the columns once every
/// row is read: names that differ only in 有限公司 / 有限责任公司,
/// parentheses or spaces (looked at once per distinct name, and only names whose key holds
/// such characters at all), and one credit code under two names (a bitmap over the codes'
/// hashes finds the few codes seen twice; only those are looked at exactly).
extension ColumnarLoader {
    /// Whether a comparison key holds a character `looseKey` may drop or change (see
    /// `mayLoosenByte`).
    static func mayLoosen(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        return mayLoosenByte.withUnsafeBufferPointer { t in
            for i in 0..<n {
                let c = b[i]
                if t[Int(c)] {
                    if c != 0xE8 { return true }
                    if i + 2 < n && b[i + 1] == 0xB4 && b[i + 2] == 0xA3 { return true }
                }
            }
            return false
        }
    }

    /// Bytes `mayLoosen` stops at: the ASCII characters of `looseIgnored`, the lead bytes of
    /// its others (`looseLeadByte`), and E8 for 责 (checked further).
    static let mayLoosenByte: [Bool] = {
        var t = looseLeadByte
        for u in looseIgnored.unicodeScalars where u.isASCII { t[Int(u.value)] = true }
        t[Int(longForm[6])] = true
        return t
    }()

    /// The lead bytes of the characters of `looseIgnored` outside ASCII.
    static let looseLeadByte: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for seq in looseIgnoredSequences { t[Int(seq[0])] = true }
        return t
    }()

    /// `looseLeadByte` for the lead bytes C0–FF, as bits (bit k for byte C0 + k).
    static let looseLeadMask: UInt64 = (0xC0...0xFF).filter { looseLeadByte[$0] }.reduce(0) { $0 | 1 << UInt64($1 - 0xC0) }

    /// The loose form of a comparison key (UTF-8 bytes): the `looseIgnored` characters dropped,
    /// then 有限责任公司 read as 有限公司, so names that differ only in those forms meet. (UTF-8 is
    /// self-synchronising, so removing and replacing byte sequences is removing and replacing
    /// characters.)
    static func looseKey(_ key: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: key.count), kept = out
        let m = key.withUnsafeBufferPointer { k in
            out.withUnsafeMutableBufferPointer { ob in kept.withUnsafeMutableBufferPointer { looseKey(k, into: ob, scratch: $0) } }
        }
        return Array(out[0..<m])
    }

    /// `looseKey(_:)` into `dst` (at least as long as `k`, as is `scratch`); its length. The
    /// long form is 有限 + 责任 + 公司 in 18 bytes (有 starts with E6), the short one the same
    /// without its middle six bytes.
    static func looseKey(_ k: UnsafeBufferPointer<UInt8>, into dst: UnsafeMutableBufferPointer<UInt8>, scratch kept: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let ascii = looseIgnoredASCIITable, sequences = looseIgnoredSequences
        let n = k.count
        var i = 0, m = 0
        outer: while i < n {
            let c = k[i]
            if c < 0x80 {
                if !ascii[Int(c)] { kept[m] = c; m += 1 }
                i += 1
                continue
            }
            if looseLeadByte[Int(c)] {
                for seq in sequences where seq[0] == c && i + seq.count <= n {
                    var same = true
                    for j in 1..<seq.count where k[i + j] != seq[j] { same = false; break }
                    if same { i += seq.count; continue outer }
                }
            }
            kept[m] = c
            m += 1
            i += 1
        }
        // 有限责任公司 → 有限公司: 有限 (six bytes) kept, 责任 (six bytes) dropped.
        let long = longForm
        var o = 0
        i = 0
        while i < m {
            let c = kept[i]
            if c == 0xE6 && i + 18 <= m && kept[i + 1] == long[1] {
                var same = true
                for j in 2..<18 where kept[i + j] != long[j] { same = false; break }
                if same {
                    for j in 0..<6 { dst[o + j] = long[j] }
                    for j in 12..<18 { dst[o + j - 6] = long[j] }
                    o += 12
                    i += 18
                    continue
                }
            }
            dst[o] = c
            o += 1
            i += 1
        }
        return o
    }

    /// The characters a loose name ignores: the one list every loose-name table is made from.
    static let looseIgnored = "（）()【】[]·.,，、-—_“”\"'"
    static let looseIgnoredASCIITable: [Bool] = {
        var t = [Bool](repeating: false, count: 128)
        for u in looseIgnored.unicodeScalars where u.isASCII { t[Int(u.value)] = true }
        return t
    }()
    static let looseIgnoredSequences = looseIgnored.unicodeScalars.filter { !$0.isASCII }.map { Array(String($0).utf8) }
    static let longForm = Array("有限责任公司".utf8)
    static let shortForm = Array("有限公司".utf8)


    func fileIndex(ofRow row: Int) -> Int {
        var f = fileRowStart.count - 1
        while f > 0 && fileRowStart[f] > row { f -= 1 }
        return f
    }

    func place(row first: Int, from row: Int) -> String {
        let ff = files[fileIndex(ofRow: first)], fr = files[fileIndex(ofRow: row)]
        return ff == fr ? "line \(out.line[first])" : "\(ff):\(out.line[first])"
    }

    func displayName(row: Int) -> String {
        spellings.slice(Int(out.recipient[row])).withUnsafeBufferPointer { Self.displayName($0) }
    }

    /// Loose group of each name that shares its loose key with another name (others: none).
    /// A group is the name whose key is the loose form itself, if there is one, else
    /// `nameCount` plus the loose form's index. The loose forms are collected first (once per
    /// name; spellings that are their own key had theirs worked out on registering); the names
    /// whose key is a loose form are then found in one pass over the spellings' stored hashes
    /// against the small table of loose forms, instead of one probe of the big spelling table
    /// per loose form.
    func looseGroups() -> [Int32: Int32] {
        let names = nameCount
        var byLoose = looseForms
        // (name, loose form) for each name whose key has a looser form, in spelling order.
        var pairs: [(name: Int32, loose: Int32)] = []
        var done = [UInt64](repeating: 0, count: names / 64 + 1)
        var loose = [UInt8](repeating: 0, count: 256), scratch = [UInt8](repeating: 0, count: 256)
        /// Notes (name, loose form of key `k`) unless the loose form is `k` itself.
        func note(_ name: Int32, _ k: UnsafeBufferPointer<UInt8>) {
            if loose.count < k.count {
                loose = [UInt8](repeating: 0, count: 2 * k.count)
                scratch = loose
            }
            loose.withUnsafeMutableBufferPointer { lb in
                let m = scratch.withUnsafeMutableBufferPointer { Self.looseKey(k, into: lb, scratch: $0) }
                let form = UnsafeBufferPointer(rebasing: lb[0..<m])
                if m != k.count || !form.elementsEqual(k) { pairs.append((name, byLoose.intern(form).id)) }
            }
        }
        spellingMayLoosen.withUnsafeBufferPointer { mayLoosen in
            for s in 0..<mayLoosen.count where mayLoosen[s] {
                let name = spellingNameID[s]
                let bit: UInt64 = 1 << UInt64(name & 63)
                guard done[Int(name) >> 6] & bit == 0 else { continue }
                done[Int(name) >> 6] |= bit
                let form = spellingLoose[s]
                if form >= 0 {
                    pairs.append((name, form))
                } else if form == -1 {
                    continue
                } else if spellingOwnKey[s] {
                    spellings.bytes.withUnsafeBufferPointer { b in
                        note(name, UnsafeBufferPointer(rebasing: b[(s == 0 ? 0 : Int(spellings.ends[s - 1]))..<Int(spellings.ends[s])]))
                    }
                } else {
                    let key = Array(TextNormalizer.comparisonKey(String(decoding: spellings.slice(s), as: UTF8.self)).utf8)
                    key.withUnsafeBufferPointer { note(name, $0) }
                }
            }
        }
        guard !pairs.isEmpty else { return [:] }
        // The name whose key is each loose form: a spelling that is its own key, else a
        // normalised key (`slowKeys`); -1 when there is none.
        var plain = [Int32](repeating: -1, count: byLoose.count)
        // A bitmap over the loose forms' hashes (it stays in cache) keeps the table lookup
        // out of the pass for almost every spelling.
        let filterBits = 20
        var filter = [UInt64](repeating: 0, count: (1 << filterBits) / 64)
        for h in byLoose.hashes {
            let b = Int(h >> UInt32(32 - filterBits))
            filter[b >> 6] |= 1 << UInt64(b & 63)
        }
        spellings.bytes.withUnsafeBufferPointer { bytes in
            spellings.ends.withUnsafeBufferPointer { ends in
                spellings.hashes.withUnsafeBufferPointer { hashes in
                    spellingOwnKey.withUnsafeBufferPointer { own in
                        filter.withUnsafeBufferPointer { filter in
                            for t in 0..<ends.count {
                                let h = hashes[t], b = Int(h >> UInt32(32 - filterBits))
                                guard filter[b >> 6] & (1 << UInt64(b & 63)) != 0, own[t] else { continue }
                                let key = UnsafeBufferPointer(rebasing: bytes[(t == 0 ? 0 : Int(ends[t - 1]))..<Int(ends[t])])
                                if let l = byLoose.find(key, hash: h) { plain[Int(l)] = spellingNameID[t] }
                            }
                        }
                    }
                }
            }
        }
        if slowKeys.count > 0 {
            for l in 0..<byLoose.count where plain[l] < 0 {
                if let k = byLoose.slice(l).withUnsafeBufferPointer({ slowKeys.find($0) }) { plain[l] = slowKeyName[Int(k)] }
            }
        }
        var groupOf = [Int32](repeating: -1, count: names)
        var members = [Int32](repeating: 0, count: names)
        var looseMembers = [Int32](repeating: 0, count: byLoose.count)
        var grouped: [Int32] = []
        for (name, l) in pairs {
            let g: Int32
            let p = plain[Int(l)]
            if p >= 0 {
                g = p
                if groupOf[Int(p)] < 0 { groupOf[Int(p)] = p; members[Int(p)] += 1; grouped.append(p) }
            } else {
                g = Int32(names) + l
            }
            if groupOf[Int(name)] < 0 { grouped.append(name) }
            groupOf[Int(name)] = g
            if Int(g) < names { members[Int(g)] += 1 } else { looseMembers[Int(g) - names] += 1 }
        }
        var result: [Int32: Int32] = [:]
        result.reserveCapacity(grouped.count)
        for name in grouped {
            let g = groupOf[Int(name)]
            if (Int(g) < names ? members[Int(g)] : looseMembers[Int(g) - names]) > 1 { result[name] = g }
        }
        return result
    }

    /// What the name-form pass found: (row, first row) pairs in row order, and the loose group
    /// of each name that shares its loose key with another name.
    struct NameFormFindings {
        var found: [(row: Int32, first: Int32)] = []
        var groups: [Int32: Int32] = [:]
    }

    /// A row whose credit code was first seen under another name: kept if the two names are
    /// not merely two forms of one loose name (decided once the name groups are known).
    struct CreditFinding {
        var row: Int32, first: Int32, firstName: Int32, name: Int32
    }

    /// Names differing only in 有限公司 / 有限责任公司, parentheses or spaces (read-only).
    func nameFormFindings() -> NameFormFindings {
        var result = NameFormFindings()
        let n = out.programme.count
        guard n > 1 else { return result }
        let groups = looseGroups()
        result.groups = groups
        if !groups.isEmpty {
            var filter = [UInt64](repeating: 0, count: nameCount / 64 + 1)
            for name in groups.keys { filter[Int(name) >> 6] |= 1 << UInt64(name & 63) }
            var first: [Int32: (row: Int32, name: Int32)] = [:]
            var reported = Set<Int64>()
            out.recipient.withUnsafeBufferPointer { rec in
                spellingNameID.withUnsafeBufferPointer { names in
                    for i in 0..<n {
                        let name = names[Int(rec[i])]
                        guard filter[Int(name) >> 6] & (1 << UInt64(name & 63)) != 0, let g = groups[name] else { continue }
                        if let f = first[g] {
                            if f.name != name && reported.insert(Int64(f.name) << 32 | Int64(name)).inserted { result.found.append((Int32(i), f.row)) }
                        } else {
                            first[g] = (Int32(i), name)
                        }
                    }
                }
            }
        }
        return result
    }

    /// Credit-code hashes (the top bits of `PackedCode.mixed`) seen on more than one row of the
    /// first `rows` rows: two bits a hash (seen, seen twice) side by side, so each row touches
    /// one word. About 16 hashes a row, at most 2^24 (4 MiB): a small register does not clear
    /// megabytes for it.
    struct CreditRepeats {
        var rows: Int
        var bits: [UInt64]
        var any: Bool
        let hashBits: Int

        init(lo: [UInt64], hi: [UInt32]) {
            rows = lo.count
            var b = 12
            while b < 24 && 1 << b < 16 * rows { b += 1 }
            let hashBits = b
            self.hashBits = hashBits
            var bits = [UInt64](repeating: 0, count: (1 << hashBits) / 32)
            var any = false
            bits.withUnsafeMutableBufferPointer { bm in
                lo.withUnsafeBufferPointer { lo in
                    hi.withUnsafeBufferPointer { hi in
                        for i in 0..<lo.count where hi[i] != UInt32.max {
                            let h = Self.hash(PackedCode(lo: lo[i], hi: hi[i]), bits: hashBits)
                            let w = h >> 5, seen: UInt64 = 1 << UInt64((h & 31) << 1)
                            if bm[w] & seen != 0 { bm[w] |= seen << 1; any = true } else { bm[w] |= seen }
                        }
                    }
                }
            }
            self.bits = bits
            self.any = any
        }

        @inline(__always) static func hash(_ code: PackedCode, bits: Int) -> Int { Int(truncatingIfNeeded: code.mixed >> UInt64(64 - bits)) }

        /// Whether the hash of `code` was seen twice.
        @inline(__always) func twice(_ code: PackedCode) -> Bool {
            let h = Self.hash(code, bits: hashBits)
            return bits[h >> 5] & (2 << UInt64((h & 31) << 1)) != 0
        }
    }

    /// One credit code under two names, in row order (read-only). A (code, name) pair is
    /// looked at once: the first row of its code is fixed, so a later row with the same pair
    /// would be judged the same way. `repeats` is used when it covers every row (the merge of
    /// a file's last chunk works it out beside the merge of the spellings).
    func creditFindings(repeats known: CreditRepeats? = nil) -> [CreditFinding] {
        let n = out.programme.count
        guard n > 1 else { return [] }
        var found: [CreditFinding] = []
        let repeats = known.flatMap { $0.rows == n ? $0 : nil } ?? CreditRepeats(lo: creditLo, hi: creditHi)
        guard repeats.any else { return [] }
        // The rows whose code's hash was seen twice, then the first row and name of each such
        // code in an open-addressing table keyed by the code (hi == UInt32.max: empty slot).
        var rows: [Int32] = []
        creditLo.withUnsafeBufferPointer { lo in
            creditHi.withUnsafeBufferPointer { hi in
                for i in 0..<n where hi[i] != UInt32.max && repeats.twice(PackedCode(lo: lo[i], hi: hi[i])) { rows.append(Int32(i)) }
            }
        }
        var size = 16
        while size < rows.count * 2 { size <<= 1 }
        let mask = size - 1
        var keyLo = [UInt64](repeating: 0, count: size), keyHi = [UInt32](repeating: .max, count: size)
        var firstRow = [Int32](repeating: 0, count: size), firstName = [Int32](repeating: 0, count: size)
        var reportedPairs = Set<[UInt64]>()
        for r in rows {
            let i = Int(r)
            let code = PackedCode(lo: creditLo[i], hi: creditHi[i])
            let name = spellingNameID[Int(out.recipient[i])]
            var slot = Int(truncatingIfNeeded: code.mixed) & mask
            while keyHi[slot] != .max && (keyHi[slot] != code.hi || keyLo[slot] != code.lo) { slot = (slot + 1) & mask }
            if keyHi[slot] == .max {
                keyLo[slot] = code.lo; keyHi[slot] = code.hi; firstRow[slot] = r; firstName[slot] = name
                continue
            }
            let fName = firstName[slot]
            guard fName != name, reportedPairs.insert([code.lo, UInt64(code.hi), UInt64(name)]).inserted else { continue }
            found.append(CreditFinding(row: r, first: firstRow[slot], firstName: fName, name: name))
        }
        return found
    }

    /// Notes what `nameFormFindings` and `creditFindings` found, in row order.
    mutating func reportPossibleDuplicates(names: NameFormFindings, credits: [CreditFinding]) {
        // (row, 0 name forms | 1 credit code, first row); messages are worded only for the kept.
        var found: [(row: Int32, order: Int32, first: Int32)] = names.found.map { ($0.row, 0, $0.first) }
        let groups = names.groups
        for c in credits where (groups[c.firstName] ?? c.firstName) != (groups[c.name] ?? c.name) {
            found.append((c.row, 1, c.first))
        }
        found.sort { $0.row != $1.row ? $0.row < $1.row : $0.order < $1.order }
        let kinds = [kindID("possible duplicate (name forms)"), kindID("possible duplicate (credit code)")]
        for (r, order, f) in found {
            let i = Int(r), first = Int(f), fi = fileIndex(ofRow: i)
            let kind = kinds[Int(order)]
            var message = ""
            if keeps(kind) {
                message = order == 0
                    ? "possible duplicate of \(place(row: first, from: i)): “\(displayName(row: i))” and “\(displayName(row: first))” differ only in 有限公司/有限责任公司, parentheses or spaces"
                    : "possible duplicate of \(place(row: first, from: i)): credit code \(PackedCode(lo: creditLo[i], hi: creditHi[i]).text) is registered to both “\(displayName(row: first))” and “\(displayName(row: i))”"
            }
            let location = SourceLocation(file: files[fi], line: Int(out.line[i]), column: Int(order == 0 ? iRecipientColumn[fi] : iCreditColumn[fi]))
            note(kind, .warning) { Diagnostic(location: location, severity: .warning, message: message, kind: .possibleDuplicate) }
        }
    }
}
