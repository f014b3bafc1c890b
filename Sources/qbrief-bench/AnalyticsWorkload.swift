import Foundation
import QualityBrief

/// The analytics workload: load a register and compute every aggregate the briefing uses,
/// timing the two phases separately. Run in a child process so its peak memory is its own.
enum AnalyticsWorkload {
    /// Phase timings in seconds, and the answers in the shape `analytics_pandas.py` writes.
    struct Outcome {
        var load: Double
        var stats: Double
        var rows: Int
        var answers: [String: Any]
    }

    static func run(_ path: String) throws -> Outcome {
        let clock = ContinuousClock()
        var table: AwardTable!
        var columns: ColumnarRegister!
        // The columnar path: CSV bytes → columns → AwardTable, no AwardRecord per row.
        let load = clock.measure {
            columns = DatasetLoader.loadColumns([URL(fileURLWithPath: path)])
            let t0 = clock.now
            table = AwardTable(columns)
            if ProcessInfo.processInfo.environment["QBRIEF_LOAD_TIMING"] != nil {
                FileHandle.standardError.write(Data("load timing: AwardTable(columns)      \((clock.now - t0).seconds * 1000) ms\n".utf8))
            }
        }
        if columns.hasErrors {
            throw BenchFailure(message: "register has errors: \(columns.summary)\n" + columns.diagnostics.prefix(5).map(\.description).joined(separator: "\n"))
        }
        var answers: [String: Any] = [:]
        let stats = clock.measure { answers = aggregate(table) }
        FileHandle.standardError.write(Data("diagnostics: \(columns.summary)\n".utf8))
        return Outcome(load: load.seconds, stats: stats.seconds, rows: table.count, answers: answers)
    }

    /// Everything the briefing shows: totals, by programme (award and nomination apart), by
    /// year with growth, by sector, by region with the top ten, and the cross-tabs
    /// region × sector, year × programme, region × programme and region × recipient type.
    static func aggregate(_ table: AwardTable) -> [String: Any] {
        var a: [String: Any] = [:]
        let types = table.counts(by: .recipientType)
        a["n"] = types.total
        a["n_org"] = types.count(RecipientType.organization.rawValue)
        a["n_ind"] = types.count(RecipientType.individual.rawValue)
        let progLevel = table.crossTab(rows: .programme, columns: .level)
        var byProgramme: [String: Int] = [:]
        for (i, key) in progLevel.rowKeys.enumerated() {
            for (j, level) in progLevel.columnKeys.enumerated() {
                byProgramme[peerProgrammeName(key, level)] = progLevel.counts[i][j]
            }
        }
        a["by_programme"] = byProgramme
        let years = table.yearSeries(filter: RecordFilter())
        a["by_year"] = Dictionary(uniqueKeysWithValues: years.rows.map { ($0.key, $0.count) })
        a["yoy_last"] = table.yearChange(filter: RecordFilter())?.rate.map { $0 * 100 } as Any
        let sectors = table.counts(by: .sector)
        a["by_sector"] = Dictionary(uniqueKeysWithValues: sectors.rows.filter { $0.count > 0 }.map { ($0.key, $0.count) })
        let regions = table.counts(by: .region)
        a["by_region"] = Dictionary(uniqueKeysWithValues: regions.rows.map { ($0.key, $0.count) })
        a["top10_regions"] = regions.sortedByCount.prefix(10).map(\.key)
        let rs = table.crossTab(rows: .region, columns: .sector)
        var regionSector: [String: [String: Int]] = [:]
        for (j, s) in rs.columnKeys.enumerated() where rs.columnTotals[j] > 0 {
            var col: [String: Int] = [:]
            for (i, r) in rs.rowKeys.enumerated() { col[r] = rs.counts[i][j] }
            regionSector[s] = col
        }
        a["region_sector"] = regionSector
        let py = table.crossTab(rows: .year, columns: .programme)
        a["prog_year_cells"] = py.total
        _ = table.crossTab(rows: .region, columns: .programme)
        _ = table.crossTab(rows: .region, columns: .recipientType)
        a["distinct_recipients"] = table.distinctRecipients(filter: RecordFilter())
        return a
    }

    /// The programme label the peers use: 中国质量奖, 中国质量奖提名奖, ….
    static func peerProgrammeName(_ id: String, _ level: String) -> String {
        let name = Programme.all.first { $0.id == id }?.name ?? id
        return level == AwardLevel.nomination.rawValue ? name + "提名奖" : name
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
