/// Rounding of shares by the largest-remainder (Hamilton) method, in integer arithmetic.
package enum LargestRemainder {
    /// Percentages of `counts` with `digits` decimals that sum to exactly 100 (all 0 when
    /// the counts sum to 0). Leftover units go to the largest remainders, earlier rows first.
    public static func percentages(_ counts: [Int], digits: Int) -> [Double] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts.map { _ in 0 } }
        var scale = 1
        for _ in 0..<max(0, digits) { scale *= 10 }
        let units = 100 * scale
        var floors = counts.map { $0 * units / total }
        let remainders = counts.map { $0 * units % total }
        var left = units - floors.reduce(0, +)
        let order = remainders.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for i in order where left > 0 {
            floors[i] += 1
            left -= 1
        }
        return floors.map { Double($0) / Double(scale) }
    }
}
