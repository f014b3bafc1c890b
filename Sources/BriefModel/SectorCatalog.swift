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

    private static func nameKey(_ name: String) -> String {
        TextNormalizer.simplified(name).filter { !"、，, ".contains($0) }
    }
}
