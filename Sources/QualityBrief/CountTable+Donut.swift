import BriefAnalytics

extension CountTable {
    /// The first `atLeast` rows by count, then as many more as it takes for the remainder
    /// (其他, `otherLabel`) to be no larger than the smallest named slice before it, so that a
    /// pie or donut never shows 其他 outranking a category it names.
    func topWithSmallOther(atLeast n: Int, otherLabel: String) -> CountTable {
        let ranked = sortedByCount.filter { $0.count > 0 }
        var k = Swift.max(0, Swift.min(n, ranked.count))
        while k < ranked.count {
            let rest = ranked.dropFirst(k).reduce(0) { $0 + $1.count }
            if k > 0 && rest <= ranked[k - 1].count { break }
            k += 1
        }
        return top(k, otherLabel: otherLabel)
    }
}
