import Foundation
import Testing
@testable import BriefModel

/// `TextNormalizer.comparisonKey(_:)` takes a one-pass way over scalars; its definition is the
/// step-by-step chain over Characters. The two must agree on every name registers hold.
@Suite struct TextNormalizerTests {
    /// Recipient names of the public award lists in the fixtures, and the messy spellings
    /// the readers meet (full-width letters and spaces, ASCII parentheses, traditional
    /// characters, BOM, tabs, Latin letters with accents that need Unicode's upper case).
    static func names() throws -> [String] {
        var names = [
            "甲公司(苏州)", "甲公司（蘇州）", " 　乙集团\t", "\u{FEFF}丙股份有限公司 ", "ＡＢＣ科技（无锡）有限公司",
            "abc Ltd.", "Café 咖啡馆", "straße 公司", "µ电子", "阿卜杜·热合曼", "“双引号”公司", "A\tB", "  ", "",
            "東方電氣集團", "ｘｙｚ　有限公司", "(", "（）", "Ω欧姆", "𠀀字公司", "株式会社テスト", "한국회사",
        ]
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("QualityBriefTests/Fixtures/public-lists.csv")
        let text = try String(contentsOf: fixtures, encoding: .utf8)
        for line in text.split(separator: "\n") {
            names += line.split(separator: ",").map(String.init)
        }
        return names
    }

    @Test func fastComparisonKeyAgreesWithItsDefinition() throws {
        let names = try Self.names()
        #expect(names.count > 100)
        for name in names {
            #expect(TextNormalizer.comparisonKey(name) == TextNormalizer.comparisonKeyByCharacters(name), "\(name)")
        }
        // Random strings over the characters that matter.
        let alphabet = Array("aZ09 　\t()（）ＡｚＢ蘇苏錫公司集團·“”µßé\u{FEFF}\r\n-、，")
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) }
        for _ in 0..<5000 {
            let s = String((0..<(next() % 12)).map { _ in alphabet[next() % alphabet.count] })
            #expect(TextNormalizer.comparisonKey(s) == TextNormalizer.comparisonKeyByCharacters(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func trimAndNameKeepTheirMeaning() {
        #expect(TextNormalizer.trim(" \t　甲公司\u{FEFF}\r\n") == "甲公司")
        #expect(TextNormalizer.trim("甲 公司") == "甲 公司")
        #expect(TextNormalizer.name(" 甲公司(苏州) ") == "甲公司（苏州）")
        #expect(TextNormalizer.code(" Ｃ１７　") == "C17")
        #expect(TextNormalizer.code("C17") == "C17")
        #expect(TextNormalizer.simplified("蘇州無錫") == "苏州无锡")
        #expect(TextNormalizer.comparisonKey("甲公司（蘇州）") == "甲公司（苏州）")
        #expect(TextNormalizer.comparisonKey(" ａｂｃ (Suzhou) ") == "ABC（SUZHOU）")
    }
}
