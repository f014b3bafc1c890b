import Foundation

/// Up to `capacity` rows' plain, coded and text columns (not the recipient), appended to a
/// loader's columns together. Local to one `readRows` call; freed with `release()`.
struct RowBatch {
    static let capacity = 256
    var count = 0
    let programme = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    let level = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    let type = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    let year = UnsafeMutablePointer<Int16>.allocate(capacity: capacity)
    let section = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    let division = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    let region = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    let city = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    let sectorText = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    let line = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    let creditLo = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
    let creditHi = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
    var ids = TextBatch(), notes = TextBatch()

    /// Adds a row; `id` and `note` are its text fields as written (empty when the file has no
    /// such column), copied here.
    @inline(__always)
    mutating func add(programme p: UInt8, level l: UInt8, type t: UInt8, year y: Int16, section s: Int32, division d: Int32,
                      region r: Int32, city c: Int32, sectorText t2: Int32, line n: Int32, credit: PackedCode,
                      id: UnsafeBufferPointer<UInt8>, note: UnsafeBufferPointer<UInt8>) {
        let k = count
        programme[k] = p; level[k] = l; type[k] = t; year[k] = y
        section[k] = s; division[k] = d; region[k] = r; city[k] = c; sectorText[k] = t2; line[k] = n
        creditLo[k] = credit.lo; creditHi[k] = credit.hi
        ids.add(id, row: k)
        notes.add(note, row: k)
        count = k + 1
    }

    /// Appends the rows to `loader`'s columns and empties the batch.
    mutating func flush(into loader: inout ColumnarLoader) {
        let k = count
        guard k > 0 else { return }
        loader.out.programme.append(contentsOf: UnsafeBufferPointer(start: programme, count: k))
        loader.out.level.append(contentsOf: UnsafeBufferPointer(start: level, count: k))
        loader.out.recipientType.append(contentsOf: UnsafeBufferPointer(start: type, count: k))
        loader.out.year.append(contentsOf: UnsafeBufferPointer(start: year, count: k))
        loader.out.section.codes.append(contentsOf: UnsafeBufferPointer(start: section, count: k))
        loader.out.division.codes.append(contentsOf: UnsafeBufferPointer(start: division, count: k))
        loader.out.region.codes.append(contentsOf: UnsafeBufferPointer(start: region, count: k))
        loader.out.city.codes.append(contentsOf: UnsafeBufferPointer(start: city, count: k))
        loader.out.sectorText.codes.append(contentsOf: UnsafeBufferPointer(start: sectorText, count: k))
        loader.out.line.append(contentsOf: UnsafeBufferPointer(start: line, count: k))
        loader.creditLo.append(contentsOf: UnsafeBufferPointer(start: creditLo, count: k))
        loader.creditHi.append(contentsOf: UnsafeBufferPointer(start: creditHi, count: k))
        ids.flush(rows: k, into: &loader.out.ids)
        notes.flush(rows: k, into: &loader.out.notes)
        count = 0
    }

    func release() {
        programme.deallocate(); level.deallocate(); type.deallocate(); year.deallocate()
        section.deallocate(); division.deallocate(); region.deallocate(); city.deallocate(); sectorText.deallocate(); line.deallocate()
        creditLo.deallocate(); creditHi.deallocate()
        ids.release(); notes.release()
    }
}

/// One text column (ids or notes) of a `RowBatch`: the rows' bytes one after another and where
/// each row ends (appending each row's bytes to a `TextColumn` costs an array append and a
/// uniqueness check per row).
struct TextBatch {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes held.
    private var length = 0
    /// Per row of the batch, `length` after it.
    private let ends = UnsafeMutablePointer<Int>.allocate(capacity: RowBatch.capacity)

    init() {
        capacity = 4096
        bytes = .allocate(capacity: capacity)
    }

    @inline(__always)
    mutating func add(_ field: UnsafeBufferPointer<UInt8>, row k: Int) {
        let n = field.count
        if n > 0 {
            if length + n > capacity { grow(to: length + n) }
            // Ids and notes are short: a loop, not a memcpy call per row.
            let src = field.baseAddress!, dst = bytes + length
            for i in 0..<n { dst[i] = src[i] }
            length += n
        }
        ends[k] = length
    }

    private mutating func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        larger.update(from: bytes, count: length)
        bytes.deallocate()
        bytes = larger
        capacity = size
    }

    /// Appends the batch's `rows` rows to `column` and empties it.
    mutating func flush(rows: Int, into column: inout TextColumn) {
        column.append(UnsafeBufferPointer(start: bytes, count: length), ends: UnsafeBufferPointer(start: ends, count: rows), rows: rows)
        length = 0
    }

    func release() {
        bytes.deallocate()
        ends.deallocate()
    }
}
