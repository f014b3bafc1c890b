/// The award programmes a register may name, with their aliases, former names and level: the
/// shipped Jiangsu catalog (`jiangsu`), extended with another province's programmes from a
/// programmes file (QualityBrief reads the YAML) or through `adding(_:)`.
public struct ProgrammeCatalog: Sendable {
    /// One programme and every way registers write it.
    public struct Entry: Sendable, Equatable {
        /// What records carry and counts list.
        public var programme: Programme
        /// Other names written for it (the official name is always recognised).
        public var aliases: [String]
        /// Earlier names with the last year each was used (江苏省质量奖 until 2014).
        public var formerNames: [FormerName]
        /// GB/T 2260 code of the awarding government's region, when known ("320282").
        public var region: String?

        /// Creates an entry.
        public init(programme: Programme, aliases: [String] = [], formerNames: [FormerName] = [], region: String? = nil) {
            self.programme = programme
            self.aliases = aliases
            self.formerNames = formerNames
            self.region = region
        }
    }

    /// An earlier name of a programme.
    public struct FormerName: Sendable, Equatable {
        /// The name as it was.
        public var name: String
        /// The last edition year it was used for, when known.
        public var until: Int?

        /// Creates a former name.
        public init(name: String, until: Int? = nil) {
            self.name = name
            self.until = until
        }
    }

    /// A programme that cannot be added: its id or one of its names already belongs to another.
    public struct Conflict: Error, CustomStringConvertible, Sendable {
        /// What clashes with what.
        public let description: String
    }

    /// At most this many distinct programmes (the columnar loader keeps one byte per row).
    package static let maxProgrammes = 250

    /// Every entry, shipped ones first.
    public private(set) var entries: [Entry] = []
    private var byKey: [String: Int] = [:]
    private var byID: [String: Int] = [:]

    /// An empty catalog (`jiangsu` is the shipped one).
    public init() {}

    /// A catalog of these entries; throws `Conflict` when two claim the same id or name.
    public init(entries: [Entry]) throws {
        self = try ProgrammeCatalog().adding(entries)
    }

    /// The distinct programmes: `Programme.all` first (always, in that order), then the others
    /// by rank and id. Counts by programme follow this order.
    public var programmes: [Programme] {
        var seen = Set(Programme.all.map(\.id))
        var extra: [Programme] = []
        for e in entries where !seen.contains(e.programme.id) {
            seen.insert(e.programme.id)
            extra.append(e.programme)
        }
        return Programme.all + extra.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
    }

    /// The entries added to the shipped Jiangsu ones.
    package var addedEntries: [Entry] {
        let shipped = Set(Self.jiangsu.entries.map(\.programme.id))
        return entries.filter { !shipped.contains($0.programme.id) }
    }

    /// This catalog with `more` entries; an entry whose programme id is already present adds
    /// its names to that programme (its name, rank and level must then agree). Throws
    /// `Conflict` when a name already stands for another programme.
    public func adding(_ more: [Entry]) throws -> ProgrammeCatalog {
        var c = self
        for e in more {
            let id = e.programme.id.lowercased()
            guard !id.isEmpty, !TextNormalizer.trim(e.programme.name).isEmpty else {
                throw Conflict(description: "a programme needs an id and a name")
            }
            if let i = c.byID[id], c.entries[i].programme != e.programme {
                let old = c.entries[i].programme
                throw Conflict(description: "programme id “\(e.programme.id)” is already \(old.name) (rank \(old.rank), \(old.level.rawValue)); give another id")
            }
            let index = c.entries.count
            if c.byID[id] == nil {
                guard c.byID.count < Self.maxProgrammes else {
                    throw Conflict(description: "more than \(Self.maxProgrammes) programmes; a register's programmes must fit in one byte per row")
                }
                c.byID[id] = index
            }
            c.entries.append(e)
            for name in [e.programme.name] + e.aliases + e.formerNames.map(\.name) {
                let key = Self.key(name)
                guard !key.isEmpty else { continue }
                if let j = c.byKey[key], c.entries[j].programme.id != e.programme.id {
                    throw Conflict(description: "programme name “\(name)” already stands for \(c.entries[j].programme.name) (\(c.entries[j].programme.id))")
                }
                c.byKey[key] = index
            }
        }
        return c
    }

    /// The entry of a programme id.
    public func entry(id: String) -> Entry? { byID[id.lowercased()].map { entries[$0] } }

    /// Recognises a programme written as its id, its name, an alias or a former name. A
    /// trailing 提名奖 (or 提名, in brackets or not) gives `.nomination`; otherwise `level` is
    /// nil (not stated). An edition before the name ("2020年度", "第三届"), a trailing 获奖,
    /// full-width letters, spaces, U+3000 and traditional characters are tolerated.
    public func resolve(_ text: String) -> (programme: Programme, level: AwardLevel?)? {
        var t = Self.key(text)
        t = Self.stripEdition(t)
        var level: AwardLevel?
        for suffix in ["（提名奖）", "(提名奖)", "（提名）", "(提名)", "提名奖", "提名"] where t.hasSuffix(suffix) {
            t = String(t.dropLast(suffix.count))
            level = .nomination
            break
        }
        if level == nil, t.hasSuffix("获奖") { t = String(t.dropLast(2)) }
        if t.isEmpty { return nil }
        if let i = byID[t.lowercased()] ?? byKey[t] { return (entries[i].programme, level) }
        return nil
    }

    /// What the unknown-programme error lists as expected.
    package var expectedText: String {
        var s = "中国质量奖, 江苏省省长质量奖 (formerly 江苏省质量奖), 市长质量奖 (a Jiangsu city's, e.g. 苏州市市长质量奖) or a county-level city's (e.g. 宜兴市市长质量奖)"
        let added = addedEntries.map(\.programme.name)
        if !added.isEmpty { s += ", or " + added.joined(separator: ", ") }
        return s
    }

    /// How to add a programme, for the unknown-programme error.
    package static let howToAdd = "to add a programme, list it in a YAML programmes file (id, name, level: national|provincial|city|county, region, aliases, former_names; see Reports/programmes-zhejiang.yaml) and pass --programmes FILE"

    /// The comparison form of a name: full-width forms as ASCII, spaces removed, traditional
    /// characters simplified.
    static func key(_ text: String) -> String {
        TextNormalizer.simplified(TextNormalizer.code(text)).filter { $0 != " " }
    }

    /// Drops an edition written before the name: "2020年度", "2020年", "第三届", "第3届".
    static func stripEdition(_ text: String) -> String {
        var t = Substring(text)
        if t.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }), t.count > 4 {
            let rest = t.dropFirst(4)
            if rest.hasPrefix("年度") { t = rest.dropFirst(2) } else if rest.hasPrefix("年") { t = rest.dropFirst() }
        }
        if t.hasPrefix("第"), let end = t.firstIndex(of: "届"),
           t[t.index(after: t.startIndex)..<end].allSatisfy({ "0123456789一二三四五六七八九十".contains($0) }) {
            t = t[t.index(after: end)...]
        }
        return String(t)
    }
}
