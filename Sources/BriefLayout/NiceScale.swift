/// A "nice" linear axis scale: ticks on steps of 1, 2 or 5 × 10ⁿ that cover the data.
///
/// Follows Heckbert's "nice numbers for graph labels": the data range is rounded up to a
/// nice number, divided by `targetTicks − 1` and that step rounded to the nearest nice
/// number. For counts (`integer: true`) the step is never below 1, so a maximum of 3 gives
/// ticks 0, 1, 2, 3 rather than 0, 0.5, … 3.
package struct NiceScale: Sendable, Equatable {
    /// The first tick (≤ the data minimum).
    public let lower: Double
    /// The last tick (≥ the data maximum).
    public let upper: Double
    /// Distance between ticks.
    public let step: Double

    /// Creates a scale covering `min…max` with about `targetTicks` ticks. Non-finite input is
    /// treated as 0; an empty range (max ≤ min) is widened to one step above `min`.
    public init(min: Double, max: Double, targetTicks: Int = 5, integer: Bool = false) {
        var lo = min.isFinite ? min : 0
        var hi = max.isFinite ? max : 0
        if hi < lo { swap(&lo, &hi) }
        if hi == lo {
            // A flat range: make room for one step above it.
            hi = lo + (lo == 0 ? 1 : Swift.abs(lo))
        }
        let target = Swift.max(2, targetTicks)
        let range = NiceScale.nice(hi - lo, round: false)
        var step = NiceScale.nice(range / Double(target - 1), round: true)
        if integer { step = Swift.max(1, step.rounded()) }
        self.step = step
        self.lower = (lo / step).rounded(.down) * step
        self.upper = ((hi / step) - 1e-9).rounded(.up) * step
    }

    /// The tick values, `lower`, `lower + step`, … `upper`.
    public var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded()) + 1
        return (0..<count).map { lower + Double($0) * step }
    }

    /// Decimals needed to print the ticks (0 for steps ≥ 1).
    public var fractionDigits: Int {
        step >= 1 ? 0 : Swift.max(0, Int((-log10Approx(step)).rounded(.up)))
    }

    /// Position of `value` as a fraction of the scale (0 at `lower`, 1 at `upper`).
    public func fraction(_ value: Double) -> Double {
        upper > lower ? (value - lower) / (upper - lower) : 0
    }

    /// The nice number (1, 2, 5 or 10 × 10ⁿ) nearest to (`round`) or at least (`!round`) `x`.
    static func nice(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        var exponent = 0
        var f = x
        while f >= 10 { f /= 10; exponent += 1 }
        while f < 1 { f *= 10; exponent -= 1 }
        let niceF: Double
        if round {
            niceF = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10
        } else {
            niceF = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10
        }
        return exponent >= 0 ? niceF * pow10(exponent) : niceF / pow10(-exponent)
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }

    private func log10Approx(_ x: Double) -> Double {
        var e = 0.0
        var f = x
        while f < 1 { f *= 10; e -= 1 }
        while f >= 10 { f /= 10; e += 1 }
        return e
    }
}
