import BriefDocument
import Testing

struct ChineseNumbersTests {
    @Test(arguments: [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (99, "九十九"), (100, "一百"),
                      (105, "一百零五"), (110, "一百一十"), (2024, "二千零二十四"), (1000, "一千")])
    func numerals(n: Int, expected: String) {
        #expect(ChineseNumbers.numeral(n) == expected)
    }

    @Test func headingPrefixes() {
        #expect(ChineseNumbers.headingPrefix(level: 1, index: 3) == "三、")
        #expect(ChineseNumbers.headingPrefix(level: 2, index: 11) == "（十一）")
        #expect(ChineseNumbers.headingPrefix(level: 3, index: 2) == "2.")
        #expect(ChineseNumbers.headingPrefix(level: 4, index: 5) == "（5）")
    }

    @Test func datesHaveNoLeadingZeros() {
        #expect(ChineseNumbers.date("2024-01-05") == "2024年1月5日")
        #expect(ChineseNumbers.date("2024-13-05") == nil)
        #expect(ChineseNumbers.date("20240105") == nil)
    }

    @Test func fixedRoundsHalfAwayFromZero() {
        #expect(ChineseNumbers.fixed(12.345, digits: 1) == "12.3")
        #expect(ChineseNumbers.fixed(12.35, digits: 1) == "12.4")
        #expect(ChineseNumbers.fixed(0.05, digits: 1) == "0.1")
        #expect(ChineseNumbers.fixed(-3.25, digits: 1) == "-3.3")
        #expect(ChineseNumbers.fixed(100, digits: 1) == "100.0")
        #expect(ChineseNumbers.fixed(7.0, digits: 0) == "7")
        #expect(ChineseNumbers.percent(0.1234) == "12.3%")
    }
}
