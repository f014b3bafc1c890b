import BriefAnalytics
import BriefModel

/// Fifteen hand-written records; the counts the tests expect are worked out in the comments.
///
///  #  recipient  programme level  year section city    type
///  1  A公司      cqa       award  2016 C       320500  org
///  2  B公司      cqa       nom    2016 C       320100  org
///  3  C公司      jsgqa     award  2014 C       320200  org
///  4  D公司      jsgqa     nom    2014 E       320500  org
///  5  张三       jsgqa     award  2018 —       320500  individual
///  6  E公司      mayor     award  2016 C       320500  org
///  7  F公司      mayor     award  2015 G       320400  org
///  8  G公司      mayor     nom    2018 C       320100  org
///  9  H公司      mayor     award  2018 I       330100  org   (杭州, outside Jiangsu)
/// 10  L公司      mayor     nom    2016 C       320500  org
/// 11  Ａ公司     mayor     award  2013 C       320500  org   (same body as #1, full-width A)
/// 12  I公司      mayor     award  2013 —       —       org   (no region)
/// 13  J公司      cqa       award  2018 M       320200  org
/// 14  李四       mayor     nom    2018 —       320600  individual
/// 15  K公司      jsgqa     award  2016 C       320500  org
enum Fixture {
    static let records: [AwardRecord] = {
        typealias Row = (String, Programme, AwardLevel, Int, String?, String?, RecipientType)
        let rows: [Row] = [
            ("A公司", .chinaQualityAward, .award, 2016, "C", "320500", .organization),
            ("B公司", .chinaQualityAward, .nomination, 2016, "C", "320100", .organization),
            ("C公司", .jiangsuGovernorAward, .award, 2014, "C", "320200", .organization),
            ("D公司", .jiangsuGovernorAward, .nomination, 2014, "E", "320500", .organization),
            ("张三", .jiangsuGovernorAward, .award, 2018, nil, "320500", .individual),
            ("E公司", .mayorAward, .award, 2016, "C", "320500", .organization),
            ("F公司", .mayorAward, .award, 2015, "G", "320400", .organization),
            ("G公司", .mayorAward, .nomination, 2018, "C", "320100", .organization),
            ("H公司", .mayorAward, .award, 2018, "I", "330100", .organization),
            ("L公司", .mayorAward, .nomination, 2016, "C", "320500", .organization),
            ("Ａ公司", .mayorAward, .award, 2013, "C", "320500", .organization),
            ("I公司", .mayorAward, .award, 2013, nil, nil, .organization),
            ("J公司", .chinaQualityAward, .award, 2018, "M", "320200", .organization),
            ("李四", .mayorAward, .nomination, 2018, nil, "320600", .individual),
            ("K公司", .jiangsuGovernorAward, .award, 2016, "C", "320500", .organization),
        ]
        return rows.enumerated().map { i, r in
            AwardRecord(id: String(i + 1), recipient: r.0, recipientType: r.6, programme: r.1, level: r.2, year: r.3,
                        sectionCode: r.4, regionCode: r.5, cityCode: r.5)
        }
    }()

    static let table = AwardTable(records)
}
