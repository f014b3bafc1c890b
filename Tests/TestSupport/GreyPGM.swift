import Foundation

/// A PGM file that is not what the tests expect.
public struct PGMError: Error, CustomStringConvertible {
    public var description: String
}

/// Reads a binary grey PGM (P5, 8-bit) as `pdftoppm -gray` writes it: width, height and one
/// byte per pixel, row by row. Shared by the test targets that compare rendered pages with
/// reference images.
public func readGreyPGM(_ url: URL) throws -> (width: Int, height: Int, pixels: [UInt8]) {
    let data = [UInt8](try Data(contentsOf: url))
    guard data.count > 2, data[0] == UInt8(ascii: "P"), data[1] == UInt8(ascii: "5") else {
        throw PGMError(description: "\(url.lastPathComponent) is not a P5 PGM")
    }
    var fields: [Int] = []
    var i = 2
    while fields.count < 3 && i < data.count {
        while i < data.count && [32, 10, 13, 9].contains(data[i]) { i += 1 }
        if i < data.count && data[i] == UInt8(ascii: "#") { while i < data.count && data[i] != 10 { i += 1 }; continue }
        var v = 0
        while i < data.count && data[i] >= 48 && data[i] <= 57 { v = v * 10 + Int(data[i] - 48); i += 1 }
        fields.append(v)
    }
    i += 1
    guard fields.count == 3, fields[2] <= 255, data.count >= i + fields[0] * fields[1] else {
        throw PGMError(description: "\(url.lastPathComponent): short or not 8-bit")
    }
    return (fields[0], fields[1], Array(data[i..<(i + fields[0] * fields[1])]))
}

/// How two grey images of the same size differ, pixel by pixel.
public struct GreyDifference {
    /// Mean absolute difference in grey levels (0–255).
    public let mean: Double
    /// The largest difference of any pixel.
    public let worst: Int
    private let differences: [Int]

    /// Compares `a` with `b`; nil when their sizes differ.
    public init?(_ a: (width: Int, height: Int, pixels: [UInt8]), _ b: (width: Int, height: Int, pixels: [UInt8])) {
        guard a.width == b.width, a.height == b.height, a.pixels.count == b.pixels.count, !a.pixels.isEmpty else { return nil }
        differences = zip(a.pixels, b.pixels).map { abs(Int($0) - Int($1)) }
        mean = Double(differences.reduce(0, +)) / Double(differences.count)
        worst = differences.max() ?? 0
    }

    /// How many pixels differ by more than `levels`.
    public func count(over levels: Int) -> Int { differences.filter { $0 > levels }.count }

    /// The share of pixels (0–1) that differ by more than `levels`.
    public func share(over levels: Int) -> Double { Double(count(over: levels)) / Double(differences.count) }
}
