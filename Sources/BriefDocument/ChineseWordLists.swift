/// Small Chinese word lists the typesetting rules consult. They are matched against the
/// document's own text, never written by themselves.
package enum ChineseWordLists {
    /// Units and measure words a number is kept with ("199项", "12家", "2024年").
    public static let units: Set<Character> = Set("项家年个名位届次件份人元万亿月日%％")

    /// Name parts a table cell is not broken inside (clreq: break between words).
    public static let nameParts = ["股份有限公司", "有限责任公司", "有限公司", "股份", "集团", "研究所", "研究院",
                                   "创新团队", "中国质量奖", "质量奖", "提名奖", "省长", "市长", "科技", "技术",
                                   "电子", "电气", "机械", "工程", "医院", "大学"]

    /// Document kinds (文种) a 公文 title ends with ("…的通知"); a title line breaks before 的.
    public static let documentKinds = ["通知", "通报", "报告", "意见", "请示", "批复", "函", "决定", "办法", "方案",
                                       "规定", "纪要", "公告", "通告"]

    /// The word a 公文 title opens with (关于 …), after which a title line may break.
    public static let titleOpening = "关于"

    /// The particle that joins a 公文 title to its kind (…的通知).
    public static let kindParticle = "的"

    /// Verbs after 关于 that introduce the name of a transmitted document ("关于印发…").
    public static let transmittingVerbs = ["印发", "转发", "批转", "发布", "公布", "开展", "做好", "加强", "进一步"]

    /// Words a 公文 title may break before (关系词): 和, 及, 与.
    public static let conjunctions: Set<Character> = Set("和及与")
}
