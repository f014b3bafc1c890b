import BriefModel
import Testing

@Suite struct SectorCatalogTests {
    @Test func matchesGBT4754ReferenceListRowByRow() throws {
        let rows = try OracleData.rows("gbt4754-2017.csv")
        #expect(rows.count == 117)
        #expect(SectorCatalog.sections.count == 20)
        #expect(SectorCatalog.divisions.count == 97)
        #expect((SectorCatalog.sections + SectorCatalog.divisions).map(\.code) == rows.map { $0["code"]! })
        for row in rows {
            let code = row["code"]!
            let s = try #require(code.count == 1 ? SectorCatalog.section(code) : SectorCatalog.division(code))
            #expect(s.name == row["name"])
            #expect(s.section == row["section"])
        }
        #expect(SectorCatalog.sections.map(\.code).joined() == "ABCDEFGHIJKLMNOPQRST")
    }

    @Test func resolvesLettersDivisionsAndNames() {
        #expect(SectorCatalog.resolve("C")! == ("C", nil))
        #expect(SectorCatalog.resolve("c")! == ("C", nil))
        #expect(SectorCatalog.resolve("C17")! == ("C", "17"))
        #expect(SectorCatalog.resolve("Ｃ１７")! == ("C", "17"))
        #expect(SectorCatalog.resolve("17")! == ("C", "17"))
        #expect(SectorCatalog.resolve("制造业")! == ("C", nil))
        #expect(SectorCatalog.resolve("纺织业")! == ("C", "17"))
        #expect(SectorCatalog.resolve("01")! == ("A", "01"))
        #expect(SectorCatalog.resolve("A17") == nil)
        #expect(SectorCatalog.resolve("Z") == nil)
        #expect(SectorCatalog.resolve("98") == nil)
        #expect(SectorCatalog.resolve("") == nil)
    }
}
