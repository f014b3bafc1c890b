import BriefModel

/// Which records to count. Every criterion left nil accepts everything; set criteria must
/// all hold.
public struct RecordFilter: Sendable, Equatable {
    /// Edition years to include.
    public var years: ClosedRange<Int>?
    /// Programme ids ("cqa", "jsgqa", "mayor") to include.
    public var programmeIDs: Set<String>?
    /// Award levels to include.
    public var levels: Set<AwardLevel>?
    /// Prefecture-level city codes to include; records without a city never match.
    public var cityCodes: Set<String>?
    /// Recipient types to include.
    public var recipientTypes: Set<RecipientType>?
    /// GB/T 4754 section letters to include; "" stands for unclassified records.
    public var sections: Set<String>?
    /// GB/T 4754 divisions ("17") to include; "" stands for records without a division.
    public var divisions: Set<String>?
    /// GB/T 4754 groups (中类, "702") to include; "" stands for records without a group.
    public var groups: Set<String>?
    /// GB/T 4754 classes (小类, "7020") to include; "" stands for records without a class.
    public var classes: Set<String>?
    /// Region subtrees to include, at any level: a province code (320000) takes every record
    /// in the province, a city code its city with its counties, a county code that county.
    public var regionCodes: Set<String>?

    /// A filter that accepts every record.
    public init() {}

    /// A filter with the given criteria; nil criteria accept everything.
    public init(
        years: ClosedRange<Int>? = nil, programmeIDs: Set<String>? = nil, levels: Set<AwardLevel>? = nil,
        cityCodes: Set<String>? = nil, recipientTypes: Set<RecipientType>? = nil, sections: Set<String>? = nil,
        divisions: Set<String>? = nil, regionCodes: Set<String>? = nil, groups: Set<String>? = nil, classes: Set<String>? = nil
    ) {
        self.groups = groups
        self.classes = classes
        self.divisions = divisions
        self.regionCodes = regionCodes
        self.years = years
        self.programmeIDs = programmeIDs
        self.levels = levels
        self.cityCodes = cityCodes
        self.recipientTypes = recipientTypes
        self.sections = sections
    }

    /// Whether no criterion is set.
    public var isEmpty: Bool { self == RecordFilter() }

    /// Whether `r` meets every criterion.
    public func matches(_ r: AwardRecord) -> Bool {
        if let years, !years.contains(r.year) { return false }
        if let programmeIDs, !programmeIDs.contains(r.programme.id) { return false }
        if let levels, !levels.contains(r.level) { return false }
        if let cityCodes { guard let c = r.cityCode, cityCodes.contains(c) else { return false } }
        if let recipientTypes, !recipientTypes.contains(r.recipientType) { return false }
        if let sections, !sections.contains(r.sectionCode ?? "") { return false }
        if let divisions, !divisions.contains(r.divisionCode ?? "") { return false }
        if let groups, !groups.contains(r.groupCode ?? "") { return false }
        if let classes, !classes.contains(r.classCode ?? "") { return false }
        if let regionCodes {
            guard let code = r.regionCode, regionCodes.contains(where: { RecordFilter.region(code, city: r.cityCode, isIn: $0) }) else { return false }
        }
        return true
    }

    /// Whether a record registered at `code` (whose city is `city`) lies in the subtree of `root`.
    static func region(_ code: String, city: String?, isIn root: String) -> Bool {
        switch RegionCatalog.region(code: root)?.level {
        case 1?: return code.count == 6 && code.prefix(2) == root.prefix(2)
        case 2?: return city == root || code == root
        default: return code == root
        }
    }
}
