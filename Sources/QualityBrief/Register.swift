import BriefAnalytics
import BriefModel
import Foundation

/// A loaded register: the records, the diagnostics found while reading them, and the
/// columnar table the statistics run on.
public struct Register: Sendable {
    /// Records and diagnostics as read.
    public let dataset: Dataset
    /// Columnar store for counting.
    public let table: AwardTable

    /// Wraps a dataset.
    public init(dataset: Dataset) {
        self.dataset = dataset
        table = AwardTable(dataset.records)
    }

    /// Reads CSV and JSON files; throws `QualityBriefError.invalidData` if any row has an
    /// error (warnings are kept in `dataset.diagnostics`).
    public static func load(_ paths: [String]) throws -> Register {
        try load(urls: paths.map { URL(fileURLWithPath: $0) })
    }

    /// Reads CSV and JSON files from URLs; see `load(_:)`.
    public static func load(urls: [URL]) throws -> Register {
        let dataset = DatasetLoader.load(urls)
        if dataset.hasErrors { throw QualityBriefError.invalidData(dataset.diagnostics) }
        return Register(dataset: dataset)
    }

    /// Reads files and keeps every record that loaded, errors or not (for `validate`).
    public static func loadLeniently(urls: [URL]) -> Register {
        Register(dataset: DatasetLoader.load(urls))
    }
}

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
        return parts.isEmpty ? "no filter" : parts.joined(separator: "; ")
    }
}
