/// A point in page coordinates: points (1/72 in), origin at the top-left, y growing down.
package struct Point: Sendable, Equatable, Hashable {
    /// Horizontal position.
    public var x: Double
    /// Vertical position (down).
    public var y: Double
    /// Creates a point.
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A size in points.
package struct Size: Sendable, Equatable, Hashable {
    /// Width.
    public var width: Double
    /// Height.
    public var height: Double
    /// Creates a size.
    public init(width: Double, height: Double) { self.width = width; self.height = height }
}

/// A rectangle in page coordinates.
package struct Rect: Sendable, Equatable, Hashable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width.
    public var width: Double
    /// Height.
    public var height: Double
    /// Creates a rectangle.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    /// Right edge.
    public var maxX: Double { x + width }
    /// Bottom edge.
    public var maxY: Double { y + height }
    /// Whether two rectangles overlap (touching edges do not count).
    public func intersects(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }
}

/// Millimetres to points.
@inlinable package func mm(_ value: Double) -> Double { value * 72 / 25.4 }
