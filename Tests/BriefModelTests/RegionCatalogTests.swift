import BriefModel
import Testing

@Suite struct RegionCatalogOracleTests {
    @Test func provincesAndPrefecturesMatchTheReferenceListRowByRow() throws {
        let rows = try OracleData.rows("china-prefectures.csv")
        #expect(rows.count == 367)
        let ours = RegionCatalog.provinces + RegionCatalog.prefectures
        #expect(RegionCatalog.provinces.count == 34)
        #expect(RegionCatalog.prefectures.count == 333)
        #expect(Set(ours.map(\.code)) == Set(rows.map { $0["code"]! }))
        for row in rows {
            let r = try #require(RegionCatalog.region(code: row["code"]!), "\(row)")
            #expect(r.name == row["name"])
            #expect(r.parentCode == (row["parent_code"]!.isEmpty ? nil : row["parent_code"]))
            #expect(r.level == Int(row["level"]!))
        }
    }

    @Test func jiangsuDivisionsMatchTheReferenceListRowByRow() throws {
        let rows = try OracleData.rows("jiangsu-divisions.csv")
        #expect(rows.count == 109)
        #expect(rows.filter { $0["level"] == "3" }.count == 95)
        #expect(RegionCatalog.counties.map(\.code) == rows.filter { $0["level"] == "3" }.map { $0["code"]! })
        for row in rows {
            let r = try #require(RegionCatalog.region(code: row["code"]!), "\(row)")
            #expect(r.name == row["name"])
            #expect(r.parentCode == (row["parent_code"]!.isEmpty ? nil : row["parent_code"]))
            #expect(r.level == Int(row["level"]!))
            #expect(RegionCatalog.status(code: r.code) == .current)
        }
        #expect(RegionCatalog.jiangsuCities.map(\.code) == rows.filter { $0["level"] == "2" }.map { $0["code"]! })
    }

    @Test func statisticalZonesMatchAndBelongToTheirCity() throws {
        let rows = try OracleData.rows("jiangsu-stat-only-zones.csv")
        #expect(RegionCatalog.statisticalZones.map(\.code) == rows.map { $0["code"]! })
        for row in rows {
            let code = row["code"]!
            #expect(RegionCatalog.region(code: code)?.name == row["name"])
            #expect(RegionCatalog.isStatisticalZone(code: code))
            #expect(RegionCatalog.prefecture(of: code)?.code == row["parent_code"])
        }
    }

    @Test func retiredCodesSince2000MatchTheHistoryAndResolveToTheirCity() throws {
        let rows = try OracleData.rows("jiangsu-division-history-2000on.csv")
        let current = Set(try OracleData.rows("jiangsu-divisions.csv").map { $0["code"]! })
        // Latest retirement per code that is not back in use.
        var latest: [String: [String: String]] = [:]
        for row in rows where row["status"] == "retired" && !current.contains(row["code"]!) {
            let code = row["code"]!
            if let old = latest[code], Int(old["last_change_year"]!)! >= Int(row["last_change_year"]!)! { continue }
            latest[code] = row
        }
        #expect(RegionCatalog.retiredRegions.map(\.region.code) == latest.keys.sorted())
        for (code, row) in latest {
            #expect(RegionCatalog.isRetired(code: code))
            let info = try #require(RegionCatalog.retirement(of: code))
            #expect(info.region.name == row["name"])
            #expect(info.retiredIn == Int(row["last_change_year"]!))
            let successors = row["new_codes"]!.split(separator: ";").map { String($0.prefix(6)) }
            #expect(info.successorCodes == successors, "\(code)")
            #expect(RegionCatalog.prefecture(of: code)?.code == String(code.prefix(4)) + "00")
        }
        // Codes in use that the history marks "in_use" are current, not retired.
        for row in rows where row["status"] == "in_use" {
            #expect(!RegionCatalog.isRetired(code: row["code"]!))
        }
    }
}

@Suite struct RegionCatalogLookupTests {
    @Test func prefectureOfCountyCityProvinceAndSpecialCodes() {
        #expect(RegionCatalog.prefecture(of: "320582")?.name == "苏州市")
        #expect(RegionCatalog.prefecture(of: "320500")?.code == "320500")
        #expect(RegionCatalog.prefecture(of: "320000") == nil)
        #expect(RegionCatalog.prefecture(of: "320576")?.name == "苏州市")
        #expect(RegionCatalog.prefecture(of: "320611")?.name == "南通市")
        #expect(RegionCatalog.prefecture(of: "320684")?.name == "南通市")
        #expect(RegionCatalog.prefecture(of: "999999") == nil)
        #expect(RegionCatalog.retirement(of: "320611")?.successorCodes == ["320613"])
        #expect(RegionCatalog.retirement(of: "320684")?.successorCodes == ["320614"])
    }

    @Test func jiangsuCitiesAreThirteenInCodeOrder() {
        let cities = RegionCatalog.jiangsuCities
        #expect(cities.count == 13)
        #expect(cities.first?.code == "320100")
        #expect(cities.last?.code == "321300")
        #expect(cities.map(\.code) == cities.map(\.code).sorted())
    }

    @Test func shortNames() {
        #expect(RegionCatalog.region(code: "320500")?.shortName == "苏州")
        #expect(RegionCatalog.region(code: "320000")?.shortName == "江苏")
        #expect(RegionCatalog.region(code: "450000")?.shortName == "广西")
        #expect(RegionCatalog.region(code: "650000")?.shortName == "新疆")
        #expect(RegionCatalog.region(code: "320700")?.shortName == "连云港")
        #expect(RegionCatalog.region(code: "320106")?.shortName == "鼓楼")
        #expect(RegionCatalog.jiangsuCities.allSatisfy { $0.shortName.count >= 2 && !$0.shortName.hasSuffix("市") })
    }

    @Test func resolvesCodesNamesShortNamesAndTraditionalForms() {
        #expect(RegionCatalog.resolve("320500") == .found(RegionCatalog.region(code: "320500")!))
        #expect(RegionCatalog.resolve("３２０５００") == .found(RegionCatalog.region(code: "320500")!))
        #expect(RegionCatalog.resolve("苏州市") == .found(RegionCatalog.region(code: "320500")!))
        #expect(RegionCatalog.resolve(" 苏州\u{3000}") == .found(RegionCatalog.region(code: "320500")!))
        #expect(RegionCatalog.resolve("蘇州") == .found(RegionCatalog.region(code: "320500")!))
        #expect(RegionCatalog.resolve("無錫市") == .found(RegionCatalog.region(code: "320200")!))
        #expect(RegionCatalog.resolve("苏州工业园区") == .found(RegionCatalog.region(code: "320576")!))
        #expect(RegionCatalog.resolve("昆山市") == .found(RegionCatalog.region(code: "320583")!))
        #expect(RegionCatalog.resolve("淮安") == .found(RegionCatalog.region(code: "320800")!))
        #expect(RegionCatalog.resolve("港闸区") == .found(RegionCatalog.region(code: "320611")!))
        #expect(RegionCatalog.resolve("崇川区") == .found(RegionCatalog.region(code: "320613")!))
        #expect(RegionCatalog.resolve("火星市") == .notFound)
        #expect(RegionCatalog.resolve("") == .notFound)
    }

    @Test func repeatedNamesAreAmbiguous() {
        guard case .ambiguous(let rs) = RegionCatalog.resolve("鼓楼区") else {
            Issue.record("鼓楼区 should be ambiguous")
            return
        }
        #expect(rs.map(\.code) == ["320106", "320302"])
        #expect(rs.compactMap { RegionCatalog.prefecture(of: $0.code)?.name } == ["南京市", "徐州市"])
    }
}
