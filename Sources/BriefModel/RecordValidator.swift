import Foundation

/// Turns a raw row into an `AwardRecord`: normalises each field, then checks it, reporting
/// every bad field as an error at its own column and every doubtful one as a warning.
struct RecordValidator {
    /// Latest year accepted (the current year plus one).
    let latestYear: Int
    /// Earliest year accepted.
    let earliestYear = 2000
    /// The programmes a register may name.
    let programmes: ProgrammeCatalog

    /// Code of the home province (default 320000 江苏省): a region elsewhere is accepted with a
    /// warning, since briefings count it as 省外, not among the home province's cities.
    let homeProvinceCode: String

    init(latestYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1,
         homeProvinceCode: String = "320000", programmes: ProgrammeCatalog = .jiangsu) {
        self.latestYear = latestYear
        self.homeProvinceCode = homeProvinceCode
        self.programmes = programmes
    }

    /// The record, or nil if any field has an error; plus the diagnostics for the row.
    func validate(_ raw: RawRecord) -> (record: AwardRecord?, diagnostics: [Diagnostic]) {
        var diags: [Diagnostic] = []
        func error(_ c: RecordColumn, _ m: String) { diags.append(raw.diagnostic(c, .error, m)) }
        func warning(_ c: RecordColumn, _ m: String) { diags.append(raw.diagnostic(c, .warning, m)) }

        let recipient = TextNormalizer.name(raw.value(.recipient) ?? "")
        if recipient.isEmpty { error(.recipient, Self.emptyRecipientMessage) }

        var recipientType = RecipientType.organization
        if let t = raw.value(.recipientType), !TextNormalizer.trim(t).isEmpty {
            if let r = RecipientType.resolve(t) { recipientType = r } else {
                error(.recipientType, "recipient type “\(t)” is not known; expected organization (组织) or individual (个人)")
            }
        }

        let programmeText = raw.value(.programme) ?? ""
        let resolved = programmes.resolve(programmeText)
        if resolved == nil {
            if TextNormalizer.trim(programmeText).isEmpty {
                error(.programme, "programme is empty; expected \(programmes.expectedText), optionally followed by 提名奖")
            } else {
                error(.programme, "programme “\(programmeText)” is not known; expected \(programmes.expectedText), optionally followed by 提名奖; \(ProgrammeCatalog.howToAdd)")
            }
        }

        var level = resolved?.level ?? .award
        if let l = raw.value(.level), !TextNormalizer.trim(l).isEmpty {
            if let parsed = AwardLevel.resolve(l) {
                if let implied = resolved?.level, implied != parsed {
                    error(.level, "level “\(l)” contradicts programme “\(TextNormalizer.trim(programmeText))”, which names a \(implied.rawValue)")
                }
                level = parsed
            } else {
                error(.level, "level “\(l)” is not known; expected award (获奖) or nomination (提名奖)")
            }
        }

        var year = 0
        let yearText = raw.value(.year) ?? ""
        let y = TextNormalizer.code(yearText)
        if let v = Self.year(y) {
            if v < earliestYear || v > latestYear {
                error(.year, "year “\(yearText)” is out of range; expected \(earliestYear)…\(latestYear)")
            } else { year = v }
        } else if y.isEmpty {
            error(.year, "year is empty; expected four digits such as 2020")
        } else {
            error(.year, "year “\(yearText)” is not a year; expected four digits such as 2020")
        }

        var sectionCode: String?
        var divisionCode: String?
        var groupCode: String?
        var classCode: String?
        var sectorText: String?
        if let s = raw.value(.sector), !TextNormalizer.trim(s).isEmpty {
            if let c = SectorCatalog.classify(s) {
                sectionCode = c.sector.section
                divisionCode = c.sector.division
                groupCode = c.sector.group
                classCode = c.sector.level == .sectorClass ? c.sector.code : nil
                if let nameMismatch = c.nameMismatch {
                    warning(.sector, "sector “\(s)”: code \(c.sector.code) is \(c.sector.name), not “\(nameMismatch)”; the code is used")
                }
            } else {
                sectorText = TextNormalizer.trim(s)
                warning(.sector, "sector “\(s)” matches no GB/T 4754-2017 section, division, group or class (e.g. C, C17, 651, K7020, 物业管理); the record is counted under 未分类 and keeps the text")
            }
        } else if raw.fields[.sector] != nil {
            warning(.sector, "sector is empty; the record is counted under 未分类")
        }

        let (regionCode, cityCode) = region(raw, error: { error(.region, $0) }, warning: { warning(.region, $0) })

        var creditCode: String?
        if let c = raw.value(.creditCode), !TextNormalizer.trim(c).isEmpty {
            let code = TextNormalizer.code(c).uppercased()
            if recipientType == .individual && RecordValidator.isMaskedIdentityNumber(code.utf8) {
                warning(.creditCode, Self.maskedIDMessage(c))
            } else {
            switch CreditCode.check(code) {
            case .valid: creditCode = code
            case .badLength(let n):
                error(.creditCode, "credit code “\(c)” has \(n) characters; expected 18 (GB 32100-2015)")
            case .badCharacter(let ch, let pos):
                error(.creditCode, "credit code “\(c)” has “\(ch)” at position \(pos); expected only 0-9 and ABCDEFGHJKLMNPQRTUWXY")
            case .checkDigitMismatch(let expected, let found):
                creditCode = code
                warning(.creditCode, Self.checkCharacterMessage(c, expected: expected, found: found))
            }
            }
        }

        let noteText = raw.value(.note).map(TextNormalizer.trim)
        let idText = raw.value(.id).map(TextNormalizer.code) ?? ""

        guard !diags.contains(where: { $0.severity == .error }), let programme = resolved?.programme else {
            return (nil, diags)
        }
        let record = AwardRecord(
            id: idText.isEmpty ? "\(raw.file):\(raw.line)" : idText,
            recipient: recipient, recipientType: recipientType, programme: programme, level: level, year: year,
            sectionCode: sectionCode, divisionCode: divisionCode, regionCode: regionCode, cityCode: cityCode,
            creditCode: creditCode, note: (noteText?.isEmpty ?? true) ? nil : noteText,
            source: SourceLocation(file: raw.file, line: raw.line, column: 1),
            groupCode: groupCode, classCode: classCode, sectorText: sectorText)
        return (record, diags)
    }

    /// An 18-character resident identity number with some digits masked by `*`, as registers
    /// list individuals (320700********1736): digits and `*`, the last a digit or X.
    /// Both readers use it: the record reader on the normalised code, the columnar one first on
    /// the field's bytes.
    static func isMaskedIdentityNumber<C: Collection>(_ u: C) -> Bool where C.Element == UInt8 {
        guard u.count == 18 else { return false }
        var star = false
        for (i, b) in u.enumerated() {
            if b == UInt8(ascii: "*") { star = true; continue }
            if !((b >= 0x30 && b <= 0x39) || (i == 17 && b == UInt8(ascii: "X"))) { return false }
        }
        return star
    }

    /// The error for a blank recipient.
    static let emptyRecipientMessage = "recipient is empty; expected the name of the organisation or person"

    /// The warning for a credit code `text` whose check character is `found`, not `expected`.
    static func checkCharacterMessage(_ text: String, expected: Character, found: Character) -> String {
        "credit code “\(text)” ends in “\(found)” but its check character should be “\(expected)” (GB 32100-2015); kept as registered"
    }

    /// The warning for an individual's masked identity number `text` in the credit-code column.
    static func maskedIDMessage(_ text: String) -> String {
        "credit code “\(text)” of an individual looks like a masked resident identity number, not a GB 32100-2015 code; not checked, not kept"
    }

    /// A year written as 2020, ２０２０, 2020年, 2020年度, 2020.0 (a spreadsheet number) or a date
    /// (2020-05-01, 2020/5/1, 2020.5.1, 2020年5月); nil otherwise, also for fractions like 2020.5.
    static func year(_ text: String) -> Int? {
        var t = Substring(text.filter { $0 != " " })
        for suffix in ["年度", "年"] where t.hasSuffix(suffix) { t = t.dropLast(suffix.count); break }
        if t.hasSuffix(".0") { t = t.dropLast(2) }
        let digits = t.prefix(while: { $0.isASCII && $0.isNumber })
        guard digits.count == 4, let v = Int(digits) else { return nil }
        let rest = t.dropFirst(4)
        if rest.isEmpty { return v }
        // A date: 2020-05-01, 2020/5/1, 2020.5.1, 2020年5月(1日).
        guard let sep = rest.first, "-/.年".contains(sep) else { return nil }
        let tail = rest.dropFirst()
        // 2020.5 is a fraction, not May 2020: a dotted date needs a day too (2020.5.1).
        if sep == ".", !tail.contains(".") { return nil }
        guard !tail.isEmpty, tail.allSatisfy({ ($0.isASCII && $0.isNumber) || "-/.月日T:".contains($0) }) else { return nil }
        return v
    }

    /// Resolves the region column to (region code, city code), reporting problems.
    private func region(_ raw: RawRecord, error: (String) -> Void, warning: (String) -> Void) -> (String?, String?) {
        guard let text = raw.value(.region) else { return (nil, nil) }
        let t = TextNormalizer.trim(text)
        if t.isEmpty {
            warning("region is empty; the record is counted under 未知地区")
            return (nil, nil)
        }
        let region: Region
        switch RegionCatalog.resolve(t) {
        case .found(let r): region = r
        case .ambiguous(let rs):
            let list = rs.map { r in "\(r.code) \(r.name)" + (RegionCatalog.prefecture(of: r.code).map { "（\($0.name)）" } ?? "") }
            error("region “\(text)” is ambiguous: \(list.joined(separator: ", ")); give the code")
            return (nil, nil)
        case .notFound:
            error("region “\(text)” is not a known GB/T 2260 code or region name; expected a code such as 320500 or a name such as 苏州市")
            return (nil, nil)
        }
        let city = RegionCatalog.prefecture(of: region.code)
        switch RegionCatalog.status(code: region.code) {
        case .retired?:
            let info = RegionCatalog.retirement(of: region.code)
            let now = (info?.successorCodes ?? []).map { c in "\(c) \(RegionCatalog.region(code: c)?.name ?? "")" }
            let nowText = now.isEmpty ? "" : " (now \(now.joined(separator: ", ")))"
            warning("region “\(text)” is \(region.code) \(region.name), a code retired in \(info?.retiredIn ?? 0)\(nowText); counted under \(city?.name ?? "未知地区")")
        case .statisticalZone?:
            warning("region “\(text)” is \(region.code) \(region.name), a statistical zone code not in GB/T 2260; counted under \(city?.name ?? "未知地区")")
        default:
            if region.code.prefix(2) != homeProvinceCode.prefix(2) {
                let province = RegionCatalog.region(code: String(region.code.prefix(2)) + "0000")
                let home = RegionCatalog.region(code: homeProvinceCode)?.name ?? homeProvinceCode
                let place = region.level == 1 ? "\(region.code) \(region.name)" : "\(region.code) \(region.name) (\(province?.name ?? ""))"
                warning("region “\(text)” is \(place), outside the home province \(home); briefings count the record under 省外, not among the cities")
            } else if region.level == 1 {
                warning("region “\(text)” is a province (\(region.name)); no city can be counted, so briefings state it apart as 仅注明\(region.name), not among the cities")
            }
        }
        return (region.code, city?.code)
    }
}
