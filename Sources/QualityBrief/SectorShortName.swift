/// Short labels for GB/T 4754-2017 sections where a chart has no room for the full name
/// (信息传输、软件和信息技术服务业 → 信息技术服务). Tables and text keep the full names.
enum SectorShortName {
    static let bySection: [String: String] = [
        "A": "农林牧渔", "B": "采矿", "C": "制造业", "D": "电力燃气水", "E": "建筑业",
        "F": "批发零售", "G": "交通运输", "H": "住宿餐饮", "I": "信息技术服务", "J": "金融",
        "K": "房地产", "L": "租赁商务", "M": "科研技术服务", "N": "水利环境", "O": "居民服务",
        "P": "教育", "Q": "卫生社会工作", "R": "文体娱乐", "S": "公共管理", "T": "国际组织",
    ]

    /// The short label of a section key, or `fallback` (其他, 未分类, unknown keys).
    static func label(key: String, fallback: String) -> String { bySection[key] ?? fallback }
}
