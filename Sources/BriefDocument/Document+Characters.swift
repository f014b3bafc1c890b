/// The characters and bold roles a document can put on a page, so that a renderer can cut its
/// fonts down to them before laying out (see `FontLibrary.subsetFonts(to:boldRoles:)` in
/// BriefCairo).
extension Document {
    /// Every Unicode scalar of every string in the document (text, table cells, chart
    /// labels, memo fields, attachments), ascending and without repeats. Text that the
    /// layout makes up itself (page numbers, 续表, chart ticks) is not included; see
    /// `LayoutText.generatedCharacters` in BriefLayout.
    ///
    /// The walk goes through `Encodable`, so a string field added to any part of the
    /// document is covered without changing this code.
    package func characterScalars() -> [UInt32] {
        let sink = ScalarBitmap()
        // The collector never throws: every container method only records strings.
        try? encode(to: StringCollector(sink: sink))
        return sink.sorted()
    }
}

/// A set of Unicode scalars as one bit per code point (0x110000 bits, 136 KB): inserting the
/// scalars of a 100 000-row table is a pass of shifts and ors, not millions of hash inserts.
final class ScalarBitmap {
    private var words = [UInt64](repeating: 0, count: 0x110000 / 64)

    func insert(_ s: String) {
        words.withUnsafeMutableBufferPointer { w in
            for u in s.unicodeScalars {
                let v = Int(u.value)
                w[v >> 6] |= 1 << UInt64(v & 63)
            }
        }
    }

    func sorted() -> [UInt32] {
        var out: [UInt32] = []
        for (i, word) in words.enumerated() where word != 0 {
            var w = word
            while w != 0 {
                let bit = w.trailingZeroBitCount
                out.append(UInt32(i * 64 + bit))
                w &= w - 1
            }
        }
        return out
    }
}

extension Document {
    /// The roles some style of this document or its attachments sets in bold; the layout
    /// itself adds bold nowhere else.
    package var boldRoles: Set<FontRole> {
        var roles = Set(styles.allStyles.filter(\.bold).map(\.role))
        for a in attachments ?? [] { roles.formUnion(a.boldRoles) }
        return roles
    }
}

/// An `Encoder` that keeps nothing but the strings it is given (values and dictionary keys).
private struct StringCollector: Encoder {
    let sink: ScalarBitmap
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(sink: sink))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(sink: sink) }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(sink: sink) }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: ScalarBitmap
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) {}
        mutating func encode(_ value: String, forKey key: Key) { sink.insert(value) }
        // Numbers and flags carry no text (and must not recurse through `encode(to:)`).
        mutating func encode(_ value: Bool, forKey key: Key) {}
        mutating func encode(_ value: Double, forKey key: Key) {}
        mutating func encode(_ value: Float, forKey key: Key) {}
        mutating func encode(_ value: Int, forKey key: Key) {}
        mutating func encode(_ value: Int8, forKey key: Key) {}
        mutating func encode(_ value: Int16, forKey key: Key) {}
        mutating func encode(_ value: Int32, forKey key: Key) {}
        mutating func encode(_ value: Int64, forKey key: Key) {}
        mutating func encode(_ value: UInt, forKey key: Key) {}
        mutating func encode(_ value: UInt8, forKey key: Key) {}
        mutating func encode(_ value: UInt16, forKey key: Key) {}
        mutating func encode(_ value: UInt32, forKey key: Key) {}
        mutating func encode(_ value: UInt64, forKey key: Key) {}
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            // Table rows are nearly all the text of a long register: straight to the bitmap.
            if let rows = value as? [[String]] {
                for row in rows { for cell in row { sink.insert(cell) } }
                return
            }
            try value.encode(to: StringCollector(sink: sink))
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
            KeyedEncodingContainer(Keyed<N>(sink: sink))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { Unkeyed(sink: sink) }
        mutating func superEncoder() -> any Encoder { StringCollector(sink: sink) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { StringCollector(sink: sink) }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let sink: ScalarBitmap
        var codingPath: [any CodingKey] { [] }
        var count = 0
        mutating func encodeNil() { count += 1 }
        mutating func encode(_ value: String) { sink.insert(value); count += 1 }
        mutating func encode(_ value: Bool) { count += 1 }
        mutating func encode(_ value: Double) { count += 1 }
        mutating func encode(_ value: Float) { count += 1 }
        mutating func encode(_ value: Int) { count += 1 }
        mutating func encode(_ value: Int8) { count += 1 }
        mutating func encode(_ value: Int16) { count += 1 }
        mutating func encode(_ value: Int32) { count += 1 }
        mutating func encode(_ value: Int64) { count += 1 }
        mutating func encode(_ value: UInt) { count += 1 }
        mutating func encode(_ value: UInt8) { count += 1 }
        mutating func encode(_ value: UInt16) { count += 1 }
        mutating func encode(_ value: UInt32) { count += 1 }
        mutating func encode(_ value: UInt64) { count += 1 }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try value.encode(to: StringCollector(sink: sink))
            count += 1
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
            count += 1
            return KeyedEncodingContainer(Keyed<N>(sink: sink))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { count += 1; return Unkeyed(sink: sink) }
        mutating func superEncoder() -> any Encoder { StringCollector(sink: sink) }
    }

    private struct Single: SingleValueEncodingContainer {
        let sink: ScalarBitmap
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil() {}
        mutating func encode(_ value: String) { sink.insert(value) }
        mutating func encode(_ value: Bool) {}
        mutating func encode(_ value: Double) {}
        mutating func encode(_ value: Float) {}
        mutating func encode(_ value: Int) {}
        mutating func encode(_ value: Int8) {}
        mutating func encode(_ value: Int16) {}
        mutating func encode(_ value: Int32) {}
        mutating func encode(_ value: Int64) {}
        mutating func encode(_ value: UInt) {}
        mutating func encode(_ value: UInt8) {}
        mutating func encode(_ value: UInt16) {}
        mutating func encode(_ value: UInt32) {}
        mutating func encode(_ value: UInt64) {}
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: StringCollector(sink: sink)) }
    }
}
