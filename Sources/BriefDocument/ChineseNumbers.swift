/// Chinese number formatting for headings, issues, dates and shares.
package enum ChineseNumbers {
    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// Chinese numeral for 0…9999 as used in headings: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十,
    /// 105 → 一百零五.
    public static func numeral(_ n: Int) -> String {
        guard n >= 0 else { return "负" + numeral(-n) }
        if n < 10 { return digits[n] }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        if n < 100 { return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        if n < 1000 {
            let rest = n % 100
            let tail = rest == 0 ? "" : (rest < 10 ? "零" + digits[rest] : (rest < 20 ? "一" + numeral(rest) : numeral(rest)))
            return digits[n / 100] + "百" + tail
        }
        if n < 10000 {
            let rest = n % 1000
            let tail: String
            if rest == 0 { tail = "" }
            else if rest < 100 { tail = "零" + (rest < 20 && rest >= 10 ? "一" + numeral(rest) : numeral(rest)) }
            else { tail = numeral(rest) }
            return digits[n / 1000] + "千" + tail
        }
        return String(n)
    }

    /// Heading prefix by level: 1 → `一、`, 2 → `（一）`, 3 → `1.`, 4 → `（1）`.
    public static func headingPrefix(level: Int, index: Int) -> String {
        switch level {
        case 1: return numeral(index) + "、"
        case 2: return "（" + numeral(index) + "）"
        case 3: return "\(index)."
        default: return "（\(index)）"
        }
    }

    /// A date as 2024年12月20日 (no leading zeros), from `YYYY-MM-DD`; nil if malformed or not
    /// a day of the Gregorian calendar (2024-02-30), or outside the years `dateYears`.
    public static func date(_ iso: String) -> String? {
        guard let (y, m, d) = dateParts(iso) else { return nil }
        return "\(y)年\(m)月\(d)日"
    }

    /// The years a document date may have (1900–2200).
    public static let dateYears = 1900...2200

    /// Year, month and day of `YYYY-MM-DD` (month and day may have one digit), checked
    /// against the calendar; nil otherwise.
    public static func dateParts(_ iso: String) -> (year: Int, month: Int, day: Int)? {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              dateYears.contains(y), (1...12).contains(m) else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard (1...days).contains(d) else { return nil }
        return (y, m, d)
    }

    /// A share as a percentage with `digits` decimals: 0.1234 → `12.3%`.
    public static func percent(_ fraction: Double, digits: Int = 1) -> String {
        fixed(fraction * 100, digits: digits) + "%"
    }

    /// A number with a fixed count of decimals, rounding half away from zero, without
    /// Foundation's locale.
    public static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<max(0, digits) { scale *= 10 }
        let scaled = (abs(value) * scale * (1 + 1e-12)).rounded(.toNearestOrAwayFromZero)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        let whole = Int(scaled) / Int(scale)
        let frac = Int(scaled) % Int(scale)
        if digits <= 0 { return sign + String(whole) }
        var fs = String(frac)
        while fs.count < digits { fs = "0" + fs }
        return sign + String(whole) + "." + fs
    }
}
