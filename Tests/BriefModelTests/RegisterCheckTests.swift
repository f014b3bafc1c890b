import BriefModel
import Foundation
import Testing
import TestSupport

/// `RegisterCheck` (behind `qbrief validate`): a plain CSV register from
/// `LoadOptions.columnarThreshold` bytes is read into columns, listing the first findings of
/// each kind and counting the rest, with the totals the record reader gives.
@Suite struct RegisterCheckTests {
    static func write(rows: Int) throws -> URL {
        var text = "recipient,programme,year,region_code,credit_code\n"
        for i in 0..<rows {
            let prefix = "91320500MA1M" + String(format: "%05d", i)
            let right = CreditCode.checkCharacter(for: prefix)!
            let year = i % 100 == 7 ? "20x0" : "2020"
            text += "公司\(i),市长质量奖,\(year),320500,\(prefix)\(right == "0" ? "1" : "0")\n"
        }
        let u = scratchDirectory.appendingPathComponent("check-\(UUID().uuidString).csv")
        try text.write(to: u, atomically: true, encoding: .utf8)
        return u
    }

    @Test func largePlainCSVIsReadIntoColumnsWithTotals() throws {
        let u = try Self.write(rows: 1300)
        // The record reader refuses it under a small limit; from a small threshold the check
        // reads it into columns, where no limit applies.
        var small = LoadOptions(maxFileSize: 10_000)
        let refused = DatasetLoader.load([u], options: small)
        #expect(refused.rowsRead == 0 && refused.diagnostics.first?.message.contains("limit") == true)
        small.columnarThreshold = 10_000
        let check = RegisterCheck.run([u], options: small)
        let full = RegisterCheck.run([u])
        #expect(check.columnar && !full.columnar)
        #expect(check.rowsRead == 1300 && full.rowsRead == 1300)
        #expect(check.accepted == full.accepted)
        #expect(check.errorCount == full.errorCount && check.errorCount == 13)
        #expect(check.warningCount == full.warningCount)
        // 1 300 check-character warnings: 1 000 listed, 300 counted; totals by kind as the
        // record reader counts them.
        #expect(check.byKind == ["credit_code": 1300, "year": 13])
        #expect(check.byKind == full.byKind)
        #expect(check.notListed == ["credit code check character mismatch": 300])
        #expect(check.diagnostics.count + check.notListedCount == full.diagnostics.count)
        #expect(Set(check.diagnostics.map(\.description)).isSubset(of: Set(full.diagnostics.map(\.description))))
        #expect(check.byKind.values.reduce(0, +) == check.errorCount + check.warningCount)
    }

    @Test func smallFilesAndOtherOptionsKeepTheRecordPath() throws {
        let u = try Self.write(rows: 20)
        #expect(!RegisterCheck.run([u]).columnar)
        var gbk = LoadOptions(encoding: .gb18030)
        gbk.columnarThreshold = 10
        #expect(!RegisterCheck.run([u], options: gbk).columnar)
        var low = LoadOptions()
        low.columnarThreshold = 10
        let check = RegisterCheck.run([u], options: low)
        #expect(check.columnar && check.notListed.isEmpty)
        #expect(check.diagnostics.map(\.description) == RegisterCheck.run([u]).diagnostics.map(\.description))
    }
}
