import Foundation

/// GB/T 4754-2017 industrial classification: the 20 sections and 97 divisions.
public enum SectorCatalog {
    private struct Index: Sendable {
        var sections: [Sector] = []
        var divisions: [Sector] = []
        var byCode: [String: Sector] = [:]
        var byName: [String: Sector] = [:]
    }

    private static let index: Index = {
        var ix = Index()
        for (code, name, section) in entries {
            let s = Sector(code: code, name: name, section: section)
            if code.count == 1 { ix.sections.append(s) } else { ix.divisions.append(s) }
            ix.byCode[code] = s
            ix.byName[nameKey(name)] = s
        }
        return ix
    }()

    /// The 20 sections A–T in order.
    public static var sections: [Sector] { index.sections }

    /// The 97 divisions 01–97 in order.
    public static var divisions: [Sector] { index.divisions }

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

    /// Reads a section letter ("C"), a division with or without its letter ("C17", "17"), or
    /// a section or division name (制造业, 纺织业). A division implies its section; a letter
    /// that disagrees with the division ("A17") is rejected.
    public static func resolve(_ text: String) -> (section: String, division: String?)? {
        let t = TextNormalizer.code(text).filter { $0 != " " }.uppercased()
        if t.isEmpty { return nil }
        if let s = section(t) { return (s.code, nil) }
        if let d = division(t) { return (d.section, d.code) }
        if t.count == 3, let first = t.first, first.isLetter, let d = division(String(t.dropFirst())), d.section == String(first) {
            return (d.section, d.code)
        }
        if let s = index.byName[nameKey(t)] {
            return s.code.count == 1 ? (s.code, nil) : (s.section, s.code)
        }
        return nil
    }

    /// The outcome of `lookup(_:)`.
    public enum Lookup: Sendable, Equatable {
        /// A section, perhaps a division; `nameMismatch` is the name written after the code
        /// when it is not the code's name ("C35 纺织业").
        case found(section: String, division: String?, nameMismatch: String?)
        /// Not a code, a name, or a code followed by a name.
        case notFound
    }

    /// Like `resolve(_:)`, and also reads a code followed by its name, as registers often
    /// write it: "C35 专用设备制造业", "C35专用设备制造业", "35-专用设备制造业", "C 制造业".
    public static func lookup(_ text: String) -> Lookup {
        if let r = resolve(text) { return .found(section: r.section, division: r.division, nameMismatch: nil) }
        let t = TextNormalizer.code(text).uppercased()
        var i = t.startIndex
        if i < t.endIndex, t[i].isASCII, t[i].isLetter { i = t.index(after: i) }
        while i < t.endIndex, t[i].isASCII, t[i].isNumber { i = t.index(after: i) }
        let code = String(t[..<i])
        let name = String(t[i...]).trimmingCharacters(in: CharacterSet(charactersIn: " -—–_:：、.．|/"))
        guard !code.isEmpty, !name.isEmpty, let r = resolve(code) else { return .notFound }
        let own = r.division.flatMap { division($0) } ?? section(r.section)
        let matches = own.map { nameKey($0.name) == nameKey(name) } ?? false
        return .found(section: r.section, division: r.division, nameMismatch: matches ? nil : name)
    }

    private static func nameKey(_ name: String) -> String {
        TextNormalizer.simplified(name).filter { !"、，, ".contains($0) }
    }
}
