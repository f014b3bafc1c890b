import Foundation

/// The per-text outcomes of one column, worked out once per distinct text.
struct FieldMemo {
    var interner = ByteInterner(capacity: 64)
    var outcomes: [ColumnarLoader.Outcome] = []
}

/// The column decoders: each field's text worked out once per distinct text (through the
/// record validator, so the rules and words are the record reader's), and the checks done on a
/// field's raw bytes in the row loop (blanks, UTF-8, four-digit years, the credit-code check
/// character, display names).
extension ColumnarLoader {
    /// A field value's outcome.
    struct Outcome {
        var value: Int32 = 0
        var value2: Int32 = 0
        var value3: Int32 = 0
        /// What the validator says about the field (and the level, with the programme).
        var diagnostics: [FieldFinding] = []
    }

    /// One thing the validator says about a field: severity, message, the column it is about,
    /// and the kind id it is capped under.
    struct FieldFinding {
        var severity: Severity
        var message: String
        var column: RecordColumn
        var kind = 0
    }

    /// Memos by column: type, programme (+ level), year, sector, region.
    static let mType = 0, mProgramme = 1, mYear = 2, mSector = 3, mRegion = 4

    /// Runs the validator on a row holding this field (and `extra` ones, and valid stand-ins
    /// for the other required ones) and keeps what it says about this field and the extra
    /// ones: the same rules and wording as the record reader, by construction.
    func outcome(_ column: RecordColumn, _ text: String, extra: [RecordColumn: String] = [:]) -> (AwardRecord?, [FieldFinding]) {
        var fields: [RecordColumn: (value: String, column: Int)] = [
            .recipient: ("甲", 101), .programme: ("中国质量奖", 102), .year: ("2020", 103), .region: ("320100", 104),
        ]
        fields[column] = (text, column.ordinal)
        for (c, v) in extra { fields[c] = (v, c.ordinal) }
        let (record, diags) = validator.validate(RawRecord(file: "", line: 1, fields: fields))
        let asked = Set([column.ordinal] + extra.keys.map(\.ordinal))
        return (record, diags.filter { asked.contains($0.location.column) }.map {
            FieldFinding(severity: $0.severity, message: $0.message, column: RecordColumn.allCases[$0.location.column - 1])
        })
    }

    /// Memoised outcome of `key` in memo `m`; nil when the text is not UTF-8.
    @inline(__always)
    mutating func memoised(_ m: Int, _ key: UnsafeBufferPointer<UInt8>, _ compute: (inout ColumnarLoader, String) -> Outcome) -> Outcome? {
        let r = memos[m].interner.intern(key)
        if r.isNew {
            guard let text = String(validating: key, as: UTF8.self) else { return nil }
            var o = compute(&self, text)
            for i in o.diagnostics.indices { o.diagnostics[i].kind = kindID(o.diagnostics[i].message) }
            memos[m].outcomes.append(o)
        }
        return memos[m].outcomes[Int(r.id)]
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

    static let alphabetASCIIStatic = CreditCode.alphabet.map { $0.asciiValue! }

    /// `CreditCode.check` for an 18-character ASCII code of upper-case alphabet characters:
    /// (0, 0) when valid, (expected, found) on a check-character mismatch (the same weights,
    /// 3^i mod 31). Nil when the code needs the full check. (The tables are parameters so that
    /// a caller checking many codes reads the two statics once.)
    static func fastCreditCheck(_ f: UnsafeBufferPointer<UInt8>, packed: inout PackedCode,
                                values: [Int8] = alphabetValue, alphabet alphabetASCII: [UInt8] = alphabetASCIIStatic) -> (UInt8, UInt8)? {
        guard f.count == 18, let p = f.baseAddress else { return nil }
        // Σ value × 3^i, taken mod 31 at the end, is Σ value × weight (weight = 3^i mod 31);
        // 30 × Σ 3^i stays far below 2^64. Bad characters (-1) are or-ed into `bad`.
        return values.withUnsafeBufferPointer { av -> (UInt8, UInt8)? in
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

    static let alphabetValue: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        for (i, c) in CreditCode.alphabet.enumerated() { t[Int(c.asciiValue!)] = Int8(i) }
        return t
    }()
}
