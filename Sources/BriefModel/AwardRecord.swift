/// One line of an award register: who received which programme's award, when, where and in
/// which sector.
public struct AwardRecord: Sendable, Hashable, Codable {
    /// Identifier from the register, or "FILE:LINE" when it has none.
    public var id: String
    /// Recipient name, trimmed, with full-width parentheses.
    public var recipient: String
    /// Organisation or individual.
    public var recipientType: RecipientType
    /// The programme.
    public var programme: Programme
    /// Award or nomination.
    public var level: AwardLevel
    /// Edition year.
    public var year: Int
    /// GB/T 4754-2017 section letter, nil when unclassified.
    public var sectionCode: String?
    /// GB/T 4754-2017 division code ("17"), when given (also when only a group or class is).
    public var divisionCode: String?
    /// GB/T 4754-2017 group code (中类, "702"), when a group or class is given.
    public var groupCode: String?
    /// GB/T 4754-2017 class code (小类, "7020"), when given.
    public var classCode: String?
    /// The sector as written when it matched no GB/T 4754-2017 category (the record is
    /// counted under 未分类 and keeps the text).
    public var sectorText: String?
    /// The region code as registered (may be a county, statistical or retired code).
    public var regionCode: String?
    /// The prefecture-level city the region belongs to.
    public var cityCode: String?
    /// Unified social credit code, when given.
    public var creditCode: String?
    /// Free-text note.
    public var note: String?
    /// Where the record was read from.
    public var source: SourceLocation?

    /// Creates a record; optional fields default to nil.
    public init(
        id: String, recipient: String, recipientType: RecipientType = .organization,
        programme: Programme, level: AwardLevel = .award, year: Int,
        sectionCode: String? = nil, divisionCode: String? = nil,
        regionCode: String? = nil, cityCode: String? = nil,
        creditCode: String? = nil, note: String? = nil, source: SourceLocation? = nil,
        groupCode: String? = nil, classCode: String? = nil, sectorText: String? = nil
    ) {
        self.id = id
        self.recipient = recipient
        self.recipientType = recipientType
        self.programme = programme
        self.level = level
        self.year = year
        self.sectionCode = sectionCode
        self.divisionCode = divisionCode
        self.regionCode = regionCode
        self.cityCode = cityCode
        self.creditCode = creditCode
        self.note = note
        self.source = source
        self.groupCode = groupCode
        self.classCode = classCode
        self.sectorText = sectorText
    }

    /// The finest GB/T 4754-2017 code given: class, group, division or section; nil when
    /// unclassified.
    public var sectorCode: String? { classCode ?? groupCode ?? divisionCode ?? sectionCode }

    /// The finest code below the section (class, group or division), as the columnar loader
    /// stores it; nil when only a section or nothing is given.
    var subsectionCode: String? { classCode ?? groupCode ?? divisionCode }
}
