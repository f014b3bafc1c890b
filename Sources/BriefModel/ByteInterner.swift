import Foundation

/// Byte-keyed interning: distinct byte strings get consecutive ids. Each slot holds the
/// hash and the id together, so a probe for a new key touches one cache line.
struct ByteInterner {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int32] = []
    /// Hash of each key (to re-intern a chunk's keys without hashing them again).
    private(set) var hashes: [UInt32] = []
    /// hash << 32 | (id + 1); 0 is empty.
    private var slots: [UInt64]
    private var mask: Int
    /// How many keys (the first ones) are in `slots`: keys added by `appendUnindexed` are
    /// only entered by `syncSlots`, which `intern`, `reserve` and `syncSlots` callers run
    /// before probing (`find` needs every key it may meet entered).
    private(set) var indexed = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { ends.count }

    func slice(_ id: Int) -> ArraySlice<UInt8> {
        bytes[(id == 0 ? 0 : Int(ends[id - 1]))..<Int(ends[id])]
    }

    /// A fast hash of a short byte string: eight bytes at a time, multiply and fold.
    @inline(__always) static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(p.count)
        guard let base = p.baseAddress else { return UInt32(truncatingIfNeeded: h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = p.count
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            if n - i >= 4 { w = UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt32.self)); shift = 32; i += 4 }
            if n - i >= 2 { w |= UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt16.self)) << shift; shift += 16; i += 2 }
            if i < n { w |= UInt64(base[i]) << shift }
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
        }
        h ^= h >> 29
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }

    /// Probes for `key`: (slot index, id if present).
    @inline(__always)
    private func probe(_ key: UnsafeBufferPointer<UInt8>, _ h: UInt32) -> (Int, Int32?) {
        var i = Int(h) & mask
        let m = mask
        let tag = UInt64(h) << 32
        return slots.withUnsafeBufferPointer { sl in
            ends.withUnsafeBufferPointer { en in
                bytes.withUnsafeBufferPointer { b in
                    while true {
                        let e = sl[i]
                        if e == 0 { return (i, nil) }
                        if e & 0xFFFF_FFFF_0000_0000 == tag {
                            let s = Int(e & 0xFFFF_FFFF) - 1
                            let st = s == 0 ? 0 : Int(en[s - 1])
                            if Int(en[s]) - st == key.count && ByteInterner.equal(b.baseAddress! + st, key) { return (i, Int32(s)) }
                        }
                        i = (i + 1) & m
                    }
                }
            }
        }
    }

    /// Byte equality, eight bytes at a time (keys are short: no call into memcmp).
    @inline(__always) static func equal(_ a: UnsafePointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = key.count
        guard n > 0, let kb = key.baseAddress else { return true }
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(kb)
        var i = 0
        while i + 8 <= n {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        if n - i >= 4 {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt32.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt32.self) { return false }
            i += 4
        }
        while i < n {
            if a[i] != kb[i] { return false }
            i += 1
        }
        return true
    }

    /// Makes room for `n` keys (and `byteCount` bytes of keys) without growing. Room that is
    /// never used costs address space only: its pages are not touched.
    mutating func reserve(_ n: Int, bytes byteCount: Int = 0) {
        syncSlots()
        if byteCount > bytes.capacity { bytes.reserveCapacity(byteCount) }
        var size = slots.count
        while size < n * 2 { size <<= 1 }
        guard size > slots.count else { return }
        rehash(size)
        ends.reserveCapacity(n)
        hashes.reserveCapacity(n)
    }

    /// The id of `key`, if present.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        probe(key, ByteInterner.hash(key)).1
    }

    /// The id of `key`, whose `hash(_:)` is known, if present.
    @inline(__always) func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32? {
        probe(key, hash).1
    }

    /// For each key `t` in `lo..<hi` of `other`: its id here, or -1 (read-only: several
    /// threads may look up at once). In batches whose first slots are loaded before any is
    /// used, so the cache misses overlap.
    func lookUp(_ other: ByteInterner, from lo: Int, to hi: Int, into map: UnsafeMutableBufferPointer<Int32>) {
        precondition(indexed == ends.count)
        other.bytes.withUnsafeBufferPointer { all in
            other.ends.withUnsafeBufferPointer { ends in
                other.hashes.withUnsafeBufferPointer { hashes in
                    slots.withUnsafeBufferPointer { sl in
                        var touched: UInt64 = 0
                        var j = lo
                        while j < hi {
                            let e = min(j + 32, hi)
                            for t in j..<e { touched &+= sl[Int(hashes[t]) & mask] }
                            for t in j..<e {
                                let key = UnsafeBufferPointer(rebasing: all[(t == 0 ? 0 : Int(ends[t - 1]))..<Int(ends[t])])
                                map[t] = probe(key, hashes[t]).1 ?? -1
                            }
                            j = e
                        }
                        if touched == 1 && ends.count == Int.max { map[lo] = 0 }  // never true: keeps the loads
                    }
                }
            }
        }
    }

    /// Adds a key known to be absent, without entering it in the slots yet (see `indexed`).
    @inline(__always)
    mutating func appendUnindexed(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> Int32 {
        let id = Int32(ends.count)
        bytes.append(contentsOf: key)
        ends.append(Int32(bytes.count))
        hashes.append(h)
        return id
    }

    /// Enters the keys added by `appendUnindexed` in the slots (no key comparisons: they are
    /// all distinct), growing the table first if they need it.
    mutating func syncSlots() {
        guard indexed < ends.count else { return }
        if ends.count * 2 > slots.count {
            var size = slots.count
            while size < ends.count * 2 { size <<= 1 }
            return rehash(size)
        }
        let m = mask
        slots.withUnsafeMutableBufferPointer { sl in
            hashes.withUnsafeBufferPointer { hs in
                for id in indexed..<hs.count {
                    var i = Int(hs[id]) & m
                    while sl[i] != 0 { i = (i + 1) & m }
                    sl[i] = UInt64(hs[id]) << 32 | UInt64(id + 1)
                }
            }
        }
        indexed = ends.count
    }

    /// Loads the first slot `hash` probes (to be passed to `intern(_:hash:touched:)`).
    @inline(__always) func touch(_ hash: UInt32) -> UInt64 {
        slots.withUnsafeBufferPointer { $0[Int(hash) & mask] }
    }

    /// The id of `key`, and whether it is new.
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        intern(key, hash: ByteInterner.hash(key), touched: 1)
    }

    /// `intern(_:)` with the hash known and the first slot already loaded (`touched`, used
    /// only so the early load is not optimised away).
    @inline(__always)
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt32, touched: UInt64) -> (id: Int32, isNew: Bool) {
        if touched == 0 && ends.count == Int.max { return (0, false) }  // never true
        if indexed < ends.count { syncSlots() }
        let (i, found) = probe(key, h)
        if let found { return (found, false) }
        let id = Int32(ends.count)
        bytes.append(contentsOf: key)
        ends.append(Int32(bytes.count))
        hashes.append(h)
        slots[i] = UInt64(h) << 32 | UInt64(id + 1)
        indexed = ends.count
        if ends.count * 2 > slots.count { grow() }
        return (id, true)
    }

    private mutating func grow() { rehash(slots.count * 2) }

    /// Enters every key into a new table of `size` slots (a power of two).
    private mutating func rehash(_ size: Int) {
        slots = []
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        indexed = 0
        syncSlots()
    }
}
