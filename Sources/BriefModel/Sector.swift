/// A GB/T 4754-2017 section (门类, a letter A–T) or division (大类, two digits 01–97).
public struct Sector: Sendable, Hashable, Codable {
    /// "C" for a section, "17" for a division.
    public let code: String
    /// Chinese name, e.g. 制造业 or 纺织业.
    public let name: String
    /// The section letter; a section's own code.
    public let section: String

    /// Creates a sector.
    public init(code: String, name: String, section: String) {
        self.code = code
        self.name = name
        self.section = section
    }
}
