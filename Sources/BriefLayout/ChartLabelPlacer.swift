import BriefDocument
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A convex quadrilateral on the page: the ink box of a (possibly rotated) text line.
struct ChartQuad: Sendable, Equatable {
    /// Corners in order around the quad.
    var corners: [Point]

    /// An axis-aligned rectangle as a quad.
    init(_ r: Rect) {
        corners = [Point(x: r.x, y: r.y), Point(x: r.maxX, y: r.y),
                   Point(x: r.maxX, y: r.maxY), Point(x: r.x, y: r.maxY)]
    }

    init(corners: [Point]) { self.corners = corners }

    /// The box of `text` given the font's metrics: baseline from `origin` for `width`,
    /// `ascent` above and `descent` below, turned `rotation` degrees counter-clockwise (as
    /// seen on the page, y down) around the origin.
    init(text: TextItem, metrics: FontMetrics) {
        let t = text.rotation * Double.pi / 180
        let dir = Point(x: cosApprox(t), y: -sinApprox(t))
        let up = Point(x: -sinApprox(t), y: -cosApprox(t))
        let o = text.origin, w = text.width, a = metrics.ascent, d = metrics.descent
        func p(_ s: Double, _ u: Double) -> Point {
            Point(x: o.x + s * dir.x + u * up.x, y: o.y + s * dir.y + u * up.y)
        }
        corners = [p(0, a), p(w, a), p(w, -d), p(0, -d)]
    }

    /// The smallest axis-aligned rectangle around the quad.
    var bounds: Rect {
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let minX = xs.min() ?? 0, minY = ys.min() ?? 0
        return Rect(x: minX, y: minY, width: (xs.max() ?? 0) - minX, height: (ys.max() ?? 0) - minY)
    }

    /// Whether the quads overlap by more than `slack` (separating-axis test; touching or
    /// nearly touching quads do not count).
    func intersects(_ other: ChartQuad, slack: Double = 1e-6) -> Bool {
        for quad in [self, other] {
            let n = quad.corners.count
            for i in 0..<n {
                let a = quad.corners[i], b = quad.corners[(i + 1) % n]
                let axis = Point(x: -(b.y - a.y), y: b.x - a.x)
                let len = (axis.x * axis.x + axis.y * axis.y).squareRoot()
                guard len > 0 else { continue }
                func project(_ q: ChartQuad) -> (Double, Double) {
                    let v = q.corners.map { ($0.x * axis.x + $0.y * axis.y) / len }
                    return (v.min() ?? 0, v.max() ?? 0)
                }
                let (minA, maxA) = project(self), (minB, maxB) = project(other)
                if maxA <= minB + slack || maxB <= minA + slack { return false }
            }
        }
        return true
    }
}

/// Keeps the text boxes already placed in a chart so that optional labels (values,
/// thinned axis labels) can be dropped instead of drawn over another label or outside the
/// frame.
struct ChartLabelPlacer {
    /// Where labels may go.
    let bounds: Rect
    /// Boxes placed so far.
    private(set) var boxes: [ChartQuad] = []

    init(bounds: Rect) { self.bounds = bounds }

    /// Whether `quad` lies inside the bounds and clear of every placed box.
    func fits(_ quad: ChartQuad) -> Bool {
        let b = quad.bounds
        let eps = 1e-6
        guard b.x >= bounds.x - eps, b.maxX <= bounds.maxX + eps,
              b.y >= bounds.y - eps, b.maxY <= bounds.maxY + eps else { return false }
        return !boxes.contains { $0.intersects(quad) }
    }

    /// Records a box unconditionally.
    mutating func add(_ quad: ChartQuad) { boxes.append(quad) }

    /// Records and returns true if the box fits; otherwise returns false.
    mutating func tryAdd(_ quad: ChartQuad) -> Bool {
        guard fits(quad) else { return false }
        boxes.append(quad)
        return true
    }
}

/// Cosine with exact values at multiples of 90° (so that 0° and 90° text boxes stay
/// axis-aligned without rounding noise).
func cosApprox(_ t: Double) -> Double {
    let q = t / (Double.pi / 2)
    if Swift.abs(q - q.rounded()) < 1e-12 {
        switch ((Int(q.rounded()) % 4) + 4) % 4 { case 0: return 1; case 2: return -1; default: return 0 }
    }
    return cos(t)
}

/// Sine with exact values at multiples of 90°.
func sinApprox(_ t: Double) -> Double {
    let q = t / (Double.pi / 2)
    if Swift.abs(q - q.rounded()) < 1e-12 {
        switch ((Int(q.rounded()) % 4) + 4) % 4 { case 1: return 1; case 3: return -1; default: return 0 }
    }
    return sin(t)
}
