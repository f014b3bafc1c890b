import ArgumentParser
import Foundation
import QualityBrief

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count awards by region, sector, programme, year, level or recipient type.",
        discussion: """
        Examples:
          qbrief stats --data awards.csv --by region
          qbrief stats --data awards.csv --by sector --from 2020 --format csv > sectors.csv
          qbrief stats --data awards.csv --by year --programme 中国质量奖 --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var input: DataOptions
    @Option(name: .long, help: "region | sector | programme | year | level | recipientType.")
    var by: BriefAnalytics.Dimension
    @Option(name: .long, help: "table | csv | json.")
    var format: Format = .table
    @OptionGroup var filters: FilterOptions

    func run() throws {
        try reportingErrors {
            let register = try input.register()
            let table = by == .year
                ? register.table.yearSeries(filter: try filters.filter())
                : register.table.counts(by: by, filter: try filters.filter())
            let shares = table.shares(digits: 1)
            switch format {
            case .table:
                var rows = [["代码", "名称", "数量", "占比"]]
                for (row, share) in zip(table.rows, shares) {
                    rows.append([row.key, row.label, String(row.count), ChineseNumbers.fixed(share, digits: 1) + "%"])
                }
                rows.append(["", "合计", String(table.total), table.total > 0 ? "100.0%" : "—"])
                print(TerminalTable.render(rows, rightAligned: [2, 3]), terminator: "")
            case .csv:
                print("key,label,count,share_percent")
                for (row, share) in zip(table.rows, shares) {
                    print([row.key, row.label, String(row.count), ChineseNumbers.fixed(share, digits: 1)]
                        .map(csvField).joined(separator: ","))
                }
            case .json:
                struct Out: Encodable {
                    struct Row: Encodable { let key: String; let label: String; let count: Int; let share: Double }
                    let dimension: String; let total: Int; let rows: [Row]
                }
                let out = Out(dimension: by.rawValue, total: table.total,
                              rows: zip(table.rows, shares).map { Out.Row(key: $0.key, label: $0.label, count: $0.count, share: $1) })
                let enc = JSONEncoder()
                enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try enc.encode(out), as: UTF8.self))
            }
        }
    }

    private func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

extension BriefAnalytics.Dimension: ExpressibleByArgument {}
