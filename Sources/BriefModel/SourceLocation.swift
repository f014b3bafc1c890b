/// Where a value came from: a file, a 1-based physical line, and a 1-based column (the field's
/// position in the CSV header, or the key's position in the column list for JSON).
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The file path as given to the loader.
    public let file: String
    /// 1-based line; for a CSV record, the physical line where the record starts.
    public let line: Int
    /// 1-based column.
    public let column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}
