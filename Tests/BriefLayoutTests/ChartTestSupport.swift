import BriefDocument
import BriefLayout
import Foundation
import Testing

/// Deterministic metrics for chart tests: full-width (non-ASCII) characters 1 em, ASCII
/// ½ em; ascent 0.88 em, descent 0.12 em.
struct FixedMetricMeasurer: TextMeasuring {
    func metrics(_ font: FontSpec) -> FontMetrics {
        FontMetrics(ascent: 0.88 * font.size, descent: 0.12 * font.size)
    }
    func advances(_ text: String, font: FontSpec) -> [Double] {
        text.map { ch in ch.unicodeScalars.allSatisfy { $0.isASCII } ? 0.5 * font.size : font.size }
    }
}

enum ChartFixture {
    static let measurer = FixedMetricMeasurer()
    static let styles = StyleSheet.briefing
    /// The type block of an A4 公文 page is 156 mm ≈ 442 pt wide.
    static let frame = Rect(x: 79.37, y: 120, width: 442.2, height: 260)

    static let cities = ["南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城",
                         "扬州", "镇江", "泰州", "宿迁"]
    static let cityValues: [Double] = [12, 9, 3, 7, 15, 6, 2, 4, 5, 6, 3, 4, 1]
    static let years = (2012...2024).map(String.init)
    static let longNames = ["南京市市场监督管理局", "无锡市市场监督管理局", "徐州市市场监督管理局",
                            "常州市市场监督管理局", "苏州市市场监督管理局", "南通市市场监督管理局",
                            "连云港市市场监督管理局", "淮安市市场监督管理局", "盐城市市场监督管理局",
                            "扬州市市场监督管理局", "镇江市市场监督管理局", "泰州市市场监督管理局",
                            "宿迁市市场监督管理局"]

    static func layout(_ spec: ChartSpec, frame: Rect = frame) -> [PageItem] {
        ChartLayout.items(for: spec, in: frame, styles: styles, measurer: measurer)
    }

    static func texts(_ items: [PageItem]) -> [TextItem] {
        items.compactMap { if case .text(let t) = $0 { t } else { nil } }
    }
    static func rects(_ items: [PageItem]) -> [RectItem] {
        items.compactMap { if case .rect(let r) = $0 { r } else { nil } }
    }
    static func lines(_ items: [PageItem]) -> [LineItem] {
        items.compactMap { if case .line(let l) = $0 { l } else { nil } }
    }
    static func paths(_ items: [PageItem]) -> [PathItem] {
        items.compactMap { if case .path(let p) = $0 { p } else { nil } }
    }

    /// The four corners of a text's ink box (rotation counter-clockwise on the page).
    static func corners(_ t: TextItem) -> [(Double, Double)] {
        let m = measurer.metrics(t.font)
        let th = t.rotation * .pi / 180
        let dir = (cos(th), -sin(th)), up = (-sin(th), -cos(th))
        func p(_ s: Double, _ u: Double) -> (Double, Double) {
            (t.origin.x + s * dir.0 + u * up.0, t.origin.y + s * dir.1 + u * up.1)
        }
        return [p(0, m.ascent), p(t.width, m.ascent), p(t.width, -m.descent), p(0, -m.descent)]
    }

    /// Whether two convex polygons overlap by more than a hair (separating axes).
    static func overlap(_ a: [(Double, Double)], _ b: [(Double, Double)]) -> Bool {
        for poly in [a, b] {
            for i in poly.indices {
                let p = poly[i], q = poly[(i + 1) % poly.count]
                let axis = (-(q.1 - p.1), q.0 - p.0)
                let len = (axis.0 * axis.0 + axis.1 * axis.1).squareRoot()
                let pa = a.map { ($0.0 * axis.0 + $0.1 * axis.1) / len }
                let pb = b.map { ($0.0 * axis.0 + $0.1 * axis.1) / len }
                if pa.max()! <= pb.min()! + 1e-6 || pb.max()! <= pa.min()! + 1e-6 { return false }
            }
        }
        return true
    }

    /// Bounding box (minX, minY, maxX, maxY) of an item, strokes included.
    static func bounds(_ item: PageItem) -> (Double, Double, Double, Double) {
        switch item {
        case .text(let t):
            let c = corners(t)
            return (c.map(\.0).min()!, c.map(\.1).min()!, c.map(\.0).max()!, c.map(\.1).max()!)
        case .line(let l):
            let h = l.width / 2
            return (min(l.from.x, l.to.x) - h, min(l.from.y, l.to.y) - h,
                    max(l.from.x, l.to.x) + h, max(l.from.y, l.to.y) + h)
        case .rect(let r):
            let h = r.stroke == nil ? 0 : r.strokeWidth / 2
            return (r.rect.x - h, r.rect.y - h, r.rect.maxX + h, r.rect.maxY + h)
        case .path(let p):
            var xs: [Double] = [], ys: [Double] = []
            for e in p.elements {
                switch e {
                case .move(let q), .line(let q): xs.append(q.x); ys.append(q.y)
                case .arc(let c, let r, _, _), .arcNegative(let c, let r, _, _):
                    xs += [c.x - r, c.x + r]; ys += [c.y - r, c.y + r]
                case .close: break
                }
            }
            let h = p.stroke == nil ? 0 : p.strokeWidth / 2
            return (xs.min()! - h, ys.min()! - h, xs.max()! + h, ys.max()! + h)
        }
    }

    /// Everything inside the frame, every text measured, no two text boxes overlapping.
    static func checkInvariants(_ items: [PageItem], frame: Rect = frame,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        for item in items {
            let b = bounds(item)
            let inside = b.0 >= frame.x - 1e-6 && b.1 >= frame.y - 1e-6
                && b.2 <= frame.maxX + 1e-6 && b.3 <= frame.maxY + 1e-6
            #expect(inside, "outside the frame: \(item)", sourceLocation: sourceLocation)
        }
        let ts = texts(items)
        for t in ts {
            #expect(Swift.abs(t.width - measurer.width(t.text, font: t.font)) < 1e-9,
                    "unmeasured \(t.text)", sourceLocation: sourceLocation)
        }
        for i in ts.indices {
            for j in ts.indices where j > i {
                #expect(!overlap(corners(ts[i]), corners(ts[j])),
                        "“\(ts[i].text)” overlaps “\(ts[j].text)”", sourceLocation: sourceLocation)
            }
        }
    }
}
