// The programmes a Jiangsu register names: the national award, the province's, the 13 city
// mayors' awards (counted together as 市长质量奖, city level) and the county-level cities'
// mayors' awards (counted together as 县级市市长质量奖, county level — 宜兴市市长质量奖 is
// 宜兴市's, not 无锡市's). County-level cities as in GB/T 2260 (see RegionCatalog+Jiangsu):
// the 21 of today and 海门市, 金坛市, 大丰市, which became districts (2020, 2015, 2015).

extension ProgrammeCatalog {
    /// The 13 prefecture-level cities: (name without 市, GB/T 2260 code).
    static let jiangsuCities: [(String, String)] = [
        ("南京", "320100"), ("无锡", "320200"), ("徐州", "320300"), ("常州", "320400"), ("苏州", "320500"),
        ("南通", "320600"), ("连云港", "320700"), ("淮安", "320800"), ("盐城", "320900"), ("扬州", "321000"),
        ("镇江", "321100"), ("泰州", "321200"), ("宿迁", "321300"),
    ]

    /// County-level cities, current and former: (name without 市, GB/T 2260 code).
    static let jiangsuCountyCities: [(String, String)] = [
        ("江阴", "320281"), ("宜兴", "320282"), ("新沂", "320381"), ("邳州", "320382"), ("溧阳", "320481"),
        ("金坛", "320482"), ("常熟", "320581"), ("张家港", "320582"), ("昆山", "320583"), ("太仓", "320585"),
        ("启东", "320681"), ("如皋", "320682"), ("海门", "320684"), ("海安", "320685"), ("东台", "320981"),
        ("大丰", "320982"), ("仪征", "321081"), ("高邮", "321084"), ("丹阳", "321181"), ("扬中", "321182"),
        ("句容", "321183"), ("兴化", "321281"), ("靖江", "321282"), ("泰兴", "321283"),
    ]

    /// The shipped catalog: 中国质量奖; 江苏省省长质量奖 (江苏省质量奖 until 2014); the 13 city
    /// mayors' awards as 市长质量奖; the county-level cities' as 县级市市长质量奖.
    public static let jiangsu: ProgrammeCatalog = {
        func mayorForms(_ place: String) -> [String] { ["\(place)市市长质量奖", "\(place)市长质量奖"] }
        let entries: [Entry] = [
            Entry(programme: .chinaQualityAward, region: "100000"),
            Entry(programme: .jiangsuGovernorAward, aliases: ["江苏省长质量奖", "省长质量奖"],
                  formerNames: [FormerName(name: "江苏省质量奖", until: 2014)], region: "320000"),
            Entry(programme: .mayorAward, aliases: jiangsuCities.flatMap { mayorForms($0.0) }),
            Entry(programme: .countyMayorAward, aliases: jiangsuCountyCities.flatMap { mayorForms($0.0) } + ["县级市长质量奖"]),
        ]
        // The shipped entries do not clash (a test checks it).
        return (try? ProgrammeCatalog(entries: entries)) ?? ProgrammeCatalog()
    }()
}
