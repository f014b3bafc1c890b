import Foundation

/// Recipient spellings: each distinct spelling registered once, with its comparison key and
/// its looser form (有限责任公司 → 有限公司, brackets) for the possible-duplicate checks.
extension ColumnarLoader {
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
        let r = scalarState.withUnsafeMutableBufferPointer { Self.classify(b, state: $0, masks: looseMasks) }
        guard r & 4 == 0 else { return nil }
        let own = r & 1 != 0
        return (own, own && r & 2 != 0)
    }

    /// The ASCII characters of `looseIgnored`, as two 64-bit masks (below and from 0x40).
    static let looseASCIILow: UInt64 = looseIgnored.unicodeScalars.filter { $0.value < 0x40 }.reduce(0) { $0 | 1 << UInt64($1.value) }
    static let looseASCIIHigh: UInt64 = looseIgnored.unicodeScalars.filter { $0.value >= 0x40 && $0.value < 0x80 }
        .reduce(0) { $0 | 1 << UInt64($1.value - 0x40) }

    /// The three masks `classify` reads: `looseASCIILow`, `looseASCIIHigh`, `looseLeadMask`
    /// (passed in, as reading a global costs a check on each call).
    struct LooseMasks {
        var low = ColumnarLoader.looseASCIILow, high = ColumnarLoader.looseASCIIHigh, lead = ColumnarLoader.looseLeadMask
    }

    /// `classifySpelling` over a non-empty byte string: bit 0 own key, bit 1 may loosen, bit 2 not UTF-8.
    static func classify(_ b: UnsafeBufferPointer<UInt8>, state: UnsafeMutableBufferPointer<UInt8>, masks: LooseMasks) -> Int {
        let n = b.count
        var own = true, loose = false
        var i = 0
        let lowMask = masks.low, highMask = masks.high, leadMask = masks.lead
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
                if (c == 0xE8 && c1 == 0xB4 && c2 == 0xA3) || (leadMask >> UInt64(c - 0xC0)) & 1 != 0 { loose = true }
                v = UInt32(c & 0x0F) << 12 | UInt32(c1 & 0x3F) << 6 | UInt32(c2 & 0x3F)
                i += 3
            } else if c >= 0xC2 && c <= 0xDF {
                guard i + 1 < n && b[i + 1] & 0xC0 == 0x80 else { return 4 }
                if (leadMask >> UInt64(c - 0xC0)) & 1 != 0 { loose = true }
                v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                i += 2
            } else if c >= 0xE0 && c <= 0xEF {
                guard i + 2 < n && b[i + 1] & 0xC0 == 0x80 && b[i + 2] & 0xC0 == 0x80 else { return 4 }
                let c1 = b[i + 1]
                if c == 0xE0 && c1 < 0xA0 { return 4 }
                if c == 0xED && c1 >= 0xA0 { return 4 }
                if (leadMask >> UInt64(c - 0xC0)) & 1 != 0 { loose = true }
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
}
