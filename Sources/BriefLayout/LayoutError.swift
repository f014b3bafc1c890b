/// Why a document could not be laid out.
package enum LayoutError: Error, Equatable, CustomStringConvertible {
    /// A block is taller than an empty type block.
    case tooLarge(what: String, page: Int, height: Double, available: Double)

    /// A readable message with the page and sizes.
    public var description: String {
        switch self {
        case let .tooLarge(what, page, height, available):
            return "\(what) is too large on page \(page): needs \(Int(height.rounded())) pt, "
                + "the type block has \(Int(available.rounded())) pt"
        }
    }
}
