import Foundation

/// Up to `capacity` rows' plain and coded columns (not the recipient), appended to a loader's
/// columns together. Local to one `readRows` call; freed with `release()`.
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

    @inline(__always)
    mutating func add(programme p: UInt8, level l: UInt8, type t: UInt8, year y: Int16, section s: Int32, division d: Int32,
                      region r: Int32, city c: Int32, sectorText t2: Int32, line n: Int32, credit: PackedCode) {
        let k = count
        programme[k] = p; level[k] = l; type[k] = t; year[k] = y
        section[k] = s; division[k] = d; region[k] = r; city[k] = c; sectorText[k] = t2; line[k] = n
        creditLo[k] = credit.lo; creditHi[k] = credit.hi
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
        count = 0
    }

    func release() {
        programme.deallocate(); level.deallocate(); type.deallocate(); year.deallocate()
        section.deallocate(); division.deallocate(); region.deallocate(); city.deallocate(); sectorText.deallocate(); line.deallocate()
        creditLo.deallocate(); creditHi.deallocate()
    }
}
