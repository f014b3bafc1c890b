import BriefDocument

/// Something positioned on a page. The renderer draws these and nothing else.
package enum PageItem: Sendable, Equatable {
    /// One line of text.
    case text(TextItem)
    /// A straight line.
    case line(LineItem)
    /// A rectangle, filled and/or stroked.
    case rect(RectItem)
    /// A general path (pie slices, polylines, markers).
    case path(PathItem)
}

/// A single line of text placed at a baseline.
package struct TextItem: Sendable, Equatable {
    /// The text (no line breaks).
    public var text: String
    /// The font.
    public var font: FontSpec
    /// Colour.
    public var color: RGBColor
    /// Left end of the baseline.
    public var origin: Point
    /// If set, the renderer spreads the text to exactly this width (justified lines).
    public var justifyWidth: Double?
    /// Natural width measured by layout.
    public var width: Double
    /// Rotation in degrees, counter-clockwise, around `origin` (0 for normal text).
    public var rotation: Double
    /// Per-character changes of advance in points (negative: squeezed punctuation, clreq
    /// 标点挤压), applied before justification; empty for none. `width` includes them.
    public var squeezes: [Double] = []

    /// Creates a text item.
    public init(
        text: String, font: FontSpec, color: RGBColor = .black, origin: Point,
        width: Double, justifyWidth: Double? = nil, rotation: Double = 0, squeezes: [Double] = []
    ) {
        self.squeezes = squeezes
        self.text = text
        self.font = font
        self.color = color
        self.origin = origin
        self.width = width
        self.justifyWidth = justifyWidth
        self.rotation = rotation
    }
}

/// A straight line.
package struct LineItem: Sendable, Equatable {
    /// Start.
    public var from: Point
    /// End.
    public var to: Point
    /// Stroke width in points.
    public var width: Double
    /// Colour.
    public var color: RGBColor
    /// Dash pattern in points (empty = solid).
    public var dash: [Double]
    /// Creates a line.
    public init(from: Point, to: Point, width: Double, color: RGBColor = .black, dash: [Double] = []) {
        self.from = from; self.to = to; self.width = width; self.color = color; self.dash = dash
    }
}

/// A rectangle.
package struct RectItem: Sendable, Equatable {
    /// Geometry.
    public var rect: Rect
    /// Fill colour, if filled.
    public var fill: RGBColor?
    /// Stroke colour, if stroked.
    public var stroke: RGBColor?
    /// Stroke width.
    public var strokeWidth: Double
    /// Line pattern drawn over the fill, inside the rectangle, if any.
    public var hatch: Hatch?
    /// Creates a rectangle item.
    public init(rect: Rect, fill: RGBColor? = nil, stroke: RGBColor? = nil, strokeWidth: Double = 0.5,
                hatch: Hatch? = nil) {
        self.rect = rect; self.fill = fill; self.stroke = stroke; self.strokeWidth = strokeWidth; self.hatch = hatch
    }
}

/// Path construction steps.
package enum PathElement: Sendable, Equatable {
    /// Start a new sub-path.
    case move(Point)
    /// Straight segment.
    case line(Point)
    /// Circular arc around `center`, from `start` to `end` radians (clockwise on the page,
    /// angle 0 pointing right, as cairo's `arc`).
    case arc(center: Point, radius: Double, start: Double, end: Double)
    /// Arc drawn the other way (cairo's `arc_negative`).
    case arcNegative(center: Point, radius: Double, start: Double, end: Double)
    /// Close the sub-path.
    case close
}

/// A general path.
package struct PathItem: Sendable, Equatable {
    /// Steps.
    public var elements: [PathElement]
    /// Fill colour, if filled.
    public var fill: RGBColor?
    /// Stroke colour, if stroked.
    public var stroke: RGBColor?
    /// Stroke width.
    public var strokeWidth: Double
    /// Line pattern drawn over the fill, inside the path, if any.
    public var hatch: Hatch?
    /// Creates a path item.
    public init(elements: [PathElement], fill: RGBColor? = nil, stroke: RGBColor? = nil, strokeWidth: Double = 1,
                hatch: Hatch? = nil) {
        self.elements = elements; self.fill = fill; self.stroke = stroke; self.strokeWidth = strokeWidth; self.hatch = hatch
    }
}

/// Parallel lines drawn inside a filled shape (clipped to it), for charts that must survive
/// a grey photocopy. Two angles make a cross-hatch.
package struct Hatch: Sendable, Equatable {
    /// Line angles in degrees, counter-clockwise from the horizontal.
    public var angles: [Double]
    /// Distance between lines in points.
    public var spacing: Double
    /// Line width in points.
    public var lineWidth: Double
    /// Line colour.
    public var color: RGBColor
    /// Creates a hatch.
    public init(angles: [Double], spacing: Double = 4, lineWidth: Double = 0.6, color: RGBColor = .white) {
        self.angles = angles; self.spacing = spacing; self.lineWidth = lineWidth; self.color = color
    }
}
