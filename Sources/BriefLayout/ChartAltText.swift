import BriefDocument

extension ChartSpec {
    /// What a screen reader says instead of the chart (a tagged PDF's figure /Alt), written from
    /// the chart's own data: the title, then each category with its value, largest first, e.g.
    /// “图1　各设区市获奖数量：苏州67项、南京46项”. Categories that are years (a time series)
    /// keep their order (“2012年：26项、2013年：24项”); with several series each category lists
    /// them by name (“2012年：中国质量奖0项，江苏省省长质量奖10项；…”); an empty chart says 无数据.
    package var alternativeText: String {
        let unit = valueUnit.isEmpty ? "项" : valueUnit
        let title = self.title.isEmpty ? "图" : self.title
        let used = series.filter { !$0.values.isEmpty }
        guard !categories.isEmpty, let first = used.first else { return title + "：无数据" }
        let timeSeries = categories.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        func name(_ category: String) -> String { timeSeries ? category + "年：" : category }
        let single = used.count == 1 || kind == .pie || kind == .donut || kind == .tileMap
        var parts: [String] = []
        if single {
            var order = Array(categories.indices.filter { $0 < first.values.count })
            if !timeSeries { order.sort { first.values[$0] > first.values[$1] } }  // stable: ties keep chart order
            parts = order.map { name(categories[$0]) + ChartFormat.value(first.values[$0]) + unit }
        } else {
            for (i, category) in categories.enumerated() {
                let values = used.compactMap { s in
                    i < s.values.count ? s.name + ChartFormat.value(s.values[i]) + unit : nil
                }
                if !values.isEmpty { parts.append((timeSeries ? category + "年" : category) + "：" + values.joined(separator: "，")) }
            }
        }
        return title + "：" + parts.joined(separator: single ? "、" : "；")
    }
}
