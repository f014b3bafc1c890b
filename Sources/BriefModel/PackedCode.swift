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
