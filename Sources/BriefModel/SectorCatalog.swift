import Foundation

/// GB/T 4754-2017 industrial classification: the 20 sections, 97 divisions, 473 groups and
/// 1381 classes, found by code (with or without the section letter) or by name.
public enum SectorCatalog {
    /// The categories by level and by code. Names are indexed apart (`names`), on first use:
    /// registers that write codes never pay for reading 1 854 names.
    private struct Index: Sendable {
        var sections: [Sector] = []
        var divisions: [Sector] = []
        var groups: [Sector] = []
        var classes: [Sector] = []
        var byCode: [String: Sector] = [:]
    }

    private static let index: Index = {
        var ix = Index()
        ix.byCode.reserveCapacity(entries.count + fineEntries.count)
        for (code, name, section) in entries {
            let s = Sector(code: code, name: name, section: section)
            if code.count == 1 { ix.sections.append(s) } else { ix.divisions.append(s) }
            ix.byCode[code] = s
        }
        for (code, name, _) in fineEntries {
            guard let d = ix.byCode[String(code.prefix(2))] else { continue }
            let s = Sector(code: code, name: name, section: d.section)
            if code.count == 3 { ix.groups.append(s) } else { ix.classes.append(s) }
            ix.byCode[code] = s
        }
        return ix
    }()

    /// Every category by the comparison key of its name and aliases.
    private static let names: [String: Sector] = {
        var byName: [String: Sector] = [:]
        byName.reserveCapacity(2 * (entries.count + fineEntries.count))
        for (code, name, _) in entries {
            if let s = index.byCode[code] { byName[nameKey(name)] = s }
        }
        for (code, name, aliases) in fineEntries {
            guard let s = index.byCode[code] else { continue }
            // A name shared by a category and the one below it (物业管理: group 702 and class
            // 7020) names the finer one; an alias never displaces a name.
            for (i, n) in ([name] + aliases).enumerated() {
                let key = nameKey(n)
                if let old = byName[key], i > 0 || !code.hasPrefix(old.code) { continue }
                byName[key] = s
            }
        }
        return byName
    }()

    /// The 20 sections A–T in order.
    public static var sections: [Sector] { index.sections }

    /// The 97 divisions 01–97 in order.
    public static var divisions: [Sector] { index.divisions }

    /// The 473 groups (中类) in code order.
    public static var groups: [Sector] { index.groups }

    /// The 1381 classes (小类) in code order.
    public static var classes: [Sector] { index.classes }

    /// The section with this letter ("C"), or nil.
    public static func section(_ code: String) -> Sector? {
        let c = TextNormalizer.code(code).uppercased()
        guard c.count == 1, let s = index.byCode[c] else { return nil }
        return s
    }

    /// The division with this two-digit code ("17"), or nil.
    public static func division(_ code: String) -> Sector? {
        let c = TextNormalizer.code(code)
        guard c.count == 2, let s = index.byCode[c] else { return nil }
        return s
    }

    /// The category with this code at any level ("C", "17", "702", "7020"), or nil.
    public static func sector(code: String) -> Sector? {
        index.byCode[TextNormalizer.code(code).uppercased()]
    }

    /// Reads a code at any level with or without its section letter ("C", "C17", "17",
    /// "K7020", "7020", "541") or a name at any level (制造业, 纺织业, 软件开发, 物业管理) and
    /// gives the finest category it names. A letter that disagrees with the code ("A17") is
    /// rejected.
    public static func category(_ text: String) -> Sector? {
        let t = TextNormalizer.code(text).filter { $0 != " " }.uppercased()
        if t.isEmpty { return nil }
        if t.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard t.count >= 2, t.count <= 4 else { return nil }
            return index.byCode[t]
        }
        if t.count == 1 { return index.byCode[t] }
        if let first = t.first, first.isASCII, first.isLetter, t.count >= 3, t.count <= 5 {
            let digits = String(t.dropFirst())
            if digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                guard let s = index.byCode[digits], s.section == String(first) else { return nil }
                return s
            }
        }
        return names[nameKey(t)]
    }

    /// Like `category(_:)`, giving the section and, below section level, the division.
    public static func resolve(_ text: String) -> (section: String, division: String?)? {
        guard let s = category(text) else { return nil }
        return (s.section, s.division)
    }

    /// The outcome of `lookup(_:)`.
    package enum Lookup: Sendable, Equatable {
        /// A section, perhaps a division; `nameMismatch` is the name written after the code
        /// when it is not the code's name ("C35 纺织业").
        case found(section: String, division: String?, nameMismatch: String?)
        /// Not a code, a name, or a code followed by a name.
        case notFound
    }

    /// The outcome of `classify(_:)`: the finest category named, and the name written after
    /// the code when it is not the code's name ("C35 纺织业").
    package struct Classification: Sendable, Equatable {
        /// The category at the finest level written.
        public let sector: Sector
        /// The name written after a code when it differs from the code's own name.
        public let nameMismatch: String?
    }

    /// Like `category(_:)`, and also reads a code followed by its name, or a name followed by
    /// its code, as registers often write them: "C35 专用设备制造业", "K7020 物业管理",
    /// "35-专用设备制造业", "C 制造业", "物业管理 7020", "软件开发（651）".
    package static func classify(_ text: String) -> Classification? {
        if let s = category(text) { return Classification(sector: s, nameMismatch: nil) }
        let t = TextNormalizer.code(text).uppercased()
        let separators = CharacterSet(charactersIn: " -—–_:：、.．|/()（）")
        // Code first.
        var i = t.startIndex
        if i < t.endIndex, t[i].isASCII, t[i].isLetter { i = t.index(after: i) }
        while i < t.endIndex, t[i].isASCII, t[i].isNumber { i = t.index(after: i) }
        var code = String(t[..<i])
        var name = String(t[i...]).trimmingCharacters(in: separators)
        if code.isEmpty || name.isEmpty || category(code) == nil {
            // Name first: the code is the trailing ASCII letter-and-digits, perhaps in brackets.
            let body = t.trimmingCharacters(in: CharacterSet(charactersIn: " )）"))
            var j = body.endIndex
            while j > body.startIndex, body[body.index(before: j)].isASCII, body[body.index(before: j)].isNumber { j = body.index(before: j) }
            if j > body.startIndex, j < body.endIndex, body[body.index(before: j)].isASCII, body[body.index(before: j)].isLetter {
                j = body.index(before: j)
            }
            code = String(body[j...])
            name = String(body[..<j]).trimmingCharacters(in: separators)
        }
        guard !code.isEmpty, !name.isEmpty, let own = category(code) else { return nil }
        let named = category(name)
        let matches = nameKey(own.name) == nameKey(name) || named?.code == own.code
        return Classification(sector: own, nameMismatch: matches ? nil : name)
    }

    /// Like `resolve(_:)`, and also reads a code followed by its name (see `classify(_:)`).
    package static func lookup(_ text: String) -> Lookup {
        guard let c = classify(text) else { return .notFound }
        return .found(section: c.sector.section, division: c.sector.division, nameMismatch: c.nameMismatch)
    }

    /// A name as looked up: simplified characters, without 、，, and spaces, with full-width
    /// parentheses.
    private static func nameKey(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for ch in TextNormalizer.simplified(name).unicodeScalars {
            switch ch {
            case "、", "，", ",", " ": continue
            case "(": out.append("（")
            case ")": out.append("）")
            default: out.append(ch)
            }
        }
        return String(out)
    }
}
