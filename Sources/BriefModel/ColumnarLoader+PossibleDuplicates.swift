import Foundation

/// A credit code of 18 characters of the GB 32100-2015 alphabet, five bits a character:
/// the first twelve in `lo`, the last six in `hi` (`hi == UInt32.max`: no code).
struct PackedCode: Hashable {
    var lo: UInt64
    var hi: UInt32

    static let none = PackedCode(lo: 0, hi: .max)

    init(lo: UInt64, hi: UInt32) {
        self.lo = lo
        self.hi = hi
    }

    /// Packs 18 ASCII characters of the alphabet; `.none` for anything else.
    init(ascii f: UnsafeBufferPointer<UInt8>) {
        self = .none
        guard f.count == 18 else { return }
        var lo: UInt64 = 0, hi: UInt32 = 0
        for i in 0..<18 {
            let v = ColumnarLoader.alphabetValue[Int(f[i])]
            if v < 0 { return }
            if i < 12 { lo = lo << 5 | UInt64(v) } else { hi = hi << 5 | UInt32(v) }
        }
        self.lo = lo
        self.hi = hi
    }

    var text: String {
        let a = Array(CreditCode.alphabet)
        var out = ""
        for i in (0..<12).reversed() { out.append(a[Int(lo >> UInt64(5 * i) & 31)]) }
        for i in (0..<6).reversed() { out.append(a[Int(hi >> UInt32(5 * i) & 31)]) }
        return out
    }

    /// A well-mixed hash for the bitmaps.
    @inline(__always) var mixed: UInt64 {
        var h = (lo ^ UInt64(hi) &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }
}

/// The record path's "possible duplicate" warnings (`DuplicateTracker`), worked out over
/// the columns once every row is read: names that differ only in 有限公司 / 有限责任公司,
/// parentheses or spaces (looked at once per distinct name, and only names whose key holds
/// such characters at all), and one credit code under two names (a bitmap over the codes'
/// hashes finds the few codes seen twice; only those are looked at exactly). Rows of files the
/// record path read are left out: it reported theirs.
extension ColumnarLoader {
    /// Whether a comparison key holds a character `DuplicateTracker.looseKey` may drop or
    /// change: ASCII ( ) [ ] . , - _ " ', a multi-byte punctuation lead (C2, E2, E3, EF) or 责.
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

    /// Bytes `mayLoosen` stops at (E8 for 责, checked further).
    static let mayLoosenByte: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for c in [0x22, 0x27, 0x28, 0x29, 0x2C, 0x2D, 0x2E, 0x5B, 0x5D, 0x5F, 0xC2, 0xE2, 0xE3, 0xEF, 0xE8] { t[c] = true }
        return t
    }()

    /// `DuplicateTracker.looseKey(comparisonKey:)` over UTF-8 bytes (UTF-8 is self-synchronising,
    /// so removing and replacing byte sequences is removing and replacing characters): the
    /// same ignored characters dropped, then 有限责任公司 read as 有限公司.
    static func looseKey(_ key: [UInt8]) -> [UInt8] {
        let ascii = looseIgnoredASCIITable, sequences = looseIgnoredSequences
        let long = longForm, short = shortForm
        return key.withUnsafeBufferPointer { k -> [UInt8] in
            var kept: [UInt8] = []
            kept.reserveCapacity(k.count)
            var i = 0
            let n = k.count
            outer: while i < n {
                let c = k[i]
                if c < 0x80 {
                    if !ascii[Int(c)] { kept.append(c) }
                    i += 1
                    continue
                }
                if c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF {
                    for seq in sequences where seq[0] == c && i + seq.count <= n {
                        var same = true
                        for j in 1..<seq.count where k[i + j] != seq[j] { same = false; break }
                        if same { i += seq.count; continue outer }
                    }
                }
                kept.append(c)
                i += 1
            }
            // 有限责任公司 → 有限公司.
            guard kept.count >= long.count else { return kept }
            var out: [UInt8] = []
            out.reserveCapacity(kept.count)
            i = 0
            while i < kept.count {
                if kept[i] == long[0] && i + long.count <= kept.count && kept[i..<(i + long.count)].elementsEqual(long) {
                    out.append(contentsOf: short)
                    i += long.count
                } else {
                    out.append(kept[i])
                    i += 1
                }
            }
            return out
        }
    }

    /// The characters `DuplicateTracker.looseKey` ignores (the same list).
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
        TextNormalizer.name(String(decoding: spellings.slice(Int(out.recipient[row])), as: UTF8.self))
    }

    /// Loose group of each name that shares its loose key with another name (others: none).
    func looseGroups() -> [Int32: Int32] {
        var groupOf: [Int32: Int32] = [:]
        var members: [Int32: Int32] = [:]
        groupOf.reserveCapacity(1024)
        members.reserveCapacity(1024)
        var byLoose = ByteInterner(capacity: 1024)
        var done = [UInt64](repeating: 0, count: nameCount / 64 + 1)
        for s in 0..<spellingMayLoosen.count where spellingMayLoosen[s] {
            let name = spellingNameID[s]
            let bit: UInt64 = 1 << UInt64(name & 63)
            guard done[Int(name) >> 6] & bit == 0 else { continue }
            done[Int(name) >> 6] |= bit
            let key = spellingOwnKey[s] ? Array(spellings.slice(s))
                : Array(TextNormalizer.comparisonKey(String(decoding: spellings.slice(s), as: UTF8.self)).utf8)
            let lb = Self.looseKey(key)
            guard lb != key else { continue }
            // The name whose key is the loose form itself, if any; else a group of its own.
            let plain: Int32? = lb.withUnsafeBufferPointer { kb in
                if let t = spellings.find(kb), spellingOwnKey[Int(t)] { return spellingNameID[Int(t)] }
                if slowKeys.count > 0, let k = slowKeys.find(kb) { return slowKeyName[Int(k)] }
                return nil
            }
            let g: Int32
            if let plain {
                g = plain
                if groupOf[plain] == nil { groupOf[plain] = plain; members[plain, default: 0] += 1 }
            } else {
                g = Int32(nameCount) + lb.withUnsafeBufferPointer { byLoose.intern($0).id }
            }
            groupOf[name] = g
            members[g, default: 0] += 1
        }
        return groupOf.filter { members[$0.value, default: 0] > 1 }
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
        func counted(_ row: Int) -> Bool { !fileAbsorbed[fileIndex(ofRow: row)] }
        let anyAbsorbed = fileAbsorbed.contains(true)
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
                        guard filter[Int(name) >> 6] & (1 << UInt64(name & 63)) != 0, let g = groups[name], !anyAbsorbed || counted(i) else { continue }
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

    /// One credit code under two names, in row order (read-only). A (code, name) pair is
    /// looked at once: the first row of its code is fixed, so a later row with the same pair
    /// would be judged the same way.
    func creditFindings() -> [CreditFinding] {
        let n = out.programme.count
        guard n > 1 else { return [] }
        func counted(_ row: Int) -> Bool { !fileAbsorbed[fileIndex(ofRow: row)] }
        let anyAbsorbed = fileAbsorbed.contains(true)
        var found: [CreditFinding] = []
        let bits = 1 << 24
        var seen = [UInt64](repeating: 0, count: bits / 64)
        var twice = [UInt64](repeating: 0, count: bits / 64)
        var anyTwice = false
        creditLo.withUnsafeBufferPointer { lo in
            creditHi.withUnsafeBufferPointer { hi in
                for i in 0..<n where hi[i] != UInt32.max {
                    let h = Int(truncatingIfNeeded: PackedCode(lo: lo[i], hi: hi[i]).mixed >> 40)
                    let w = h >> 6, b: UInt64 = 1 << UInt64(h & 63)
                    if seen[w] & b != 0 { twice[w] |= b; anyTwice = true } else { seen[w] |= b }
                }
            }
        }
        if anyTwice {
            seen = []
            var first: [PackedCode: (row: Int, name: Int32)] = [:]
            var reportedPairs = Set<[UInt64]>()
            for i in 0..<n where creditHi[i] != UInt32.max {
                let code = PackedCode(lo: creditLo[i], hi: creditHi[i])
                let h = Int(truncatingIfNeeded: code.mixed >> 40)
                guard twice[h >> 6] & (1 << UInt64(h & 63)) != 0, !anyAbsorbed || counted(i) else { continue }
                let name = spellingNameID[Int(out.recipient[i])]
                guard let f = first[code] else { first[code] = (i, name); continue }
                guard f.name != name, reportedPairs.insert([code.lo, UInt64(code.hi), UInt64(name)]).inserted else { continue }
                found.append(CreditFinding(row: Int32(i), first: Int32(f.row), firstName: f.name, name: name))
            }
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
