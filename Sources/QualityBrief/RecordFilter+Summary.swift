import BriefAnalytics

extension RecordFilter {
    /// A short description of the filter for messages.
    public var summary: String {
        var parts: [String] = []
        if let y = years {
            switch (y.lowerBound <= 1900, y.upperBound >= 2200) {
            case (true, true): break
            case (false, true): parts.append("years from \(y.lowerBound)")
            case (true, false): parts.append("years up to \(y.upperBound)")
            case (false, false): parts.append("years \(y.lowerBound)–\(y.upperBound)")
            }
        }
        if let p = programmeIDs { parts.append("programme \(p.sorted().joined(separator: ","))") }
        if let c = cityCodes { parts.append("region \(c.sorted().joined(separator: ","))") }
        if let l = levels { parts.append("level \(l.map(\.rawValue).sorted().joined(separator: ","))") }
        if let s = sections { parts.append("sector \(s.sorted().joined(separator: ","))") }
        if let d = divisions { parts.append("sector division \(d.sorted().joined(separator: ","))") }
        if let t = recipientTypes { parts.append("type \(t.map(\.rawValue).sorted().joined(separator: ","))") }
        if let r = regionCodes { parts.append("within \(r.sorted().joined(separator: ","))") }
        return parts.isEmpty ? "no filter" : parts.joined(separator: "; ")
    }
}
