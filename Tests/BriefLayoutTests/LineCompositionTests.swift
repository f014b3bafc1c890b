import BriefDocument
@testable import BriefLayout
import Testing

/// Chinese line composition after the W3C "Requirements for Chinese Text Layout" (clreq),
/// measured with the real fonts (FandolFang for 仿宋): 16 pt characters, a 28-character line.
struct LineCompositionTests {
    let font = FontSpec(role: .fangsong, size: 16)
    let line = 16.0 * 28
    let breaker = LineBreaker(measurer: pango)

    /// clreq 3.1.6 (标点挤压): where two full-width marks meet, one half-em blank goes.
    @Test func adjacentPunctuationIsSetHalfWidth() throws {
        let lines = breaker.breakLines("获奖（含提名奖），其中《纲要》，以及（一）、（二）。", font: font, width: line)
        let l = try #require(lines.first)
        #expect(lines.count == 1)
        let chars = Array(l.text)
        for pair in ["），", "》，", "）、", "、（", "）。"] {
            let at = try #require(l.text.range(of: pair).map { l.text.distance(from: l.text.startIndex, to: $0.lowerBound) })
            #expect(l.squeezes[at] == -8, "\(pair): squeeze \(l.squeezes[at])")
        }
        // Nothing else is squeezed: every character at 16 pt, less five halves.
        #expect(l.squeezes.filter { $0 != 0 }.count == 5)
        #expect(abs(l.width - (Double(chars.count) * 16 - 5 * 8)) < 0.01, "width \(l.width)")
    }

    /// clreq: an opening bracket that starts a continuation line is set half-width (its blank
    /// half moves into the margin); a paragraph's first line keeps it whole.
    @Test func lineStartOpeningBracketIsSqueezed() throws {
        let text = String(repeating: "质", count: 28) + "（含提名奖）" + String(repeating: "量", count: 10)
        let lines = breaker.breakLines(text, font: font, width: line)
        #expect(lines.count == 2)
        #expect(lines[1].text.hasPrefix("（") && lines[1].lead == -8, "\(lines[1].text) lead \(lines[1].lead)")
        let first = breaker.breakLines("（一）加强培育", font: font, width: line)
        #expect(first[0].lead == 0)
    }

    /// clreq line adjustment: before a character is pushed to the next line (here 量, which
    /// 。 may not follow onto a new line), the closing marks of the line give up their blank
    /// halves — the line-end 。 first. Without it the line held 27 characters.
    @Test func closingMarksSqueezeBeforeACharacterIsPushedDown() throws {
        let text = String(repeating: "质", count: 13) + "，" + String(repeating: "质", count: 13) + "量。" + "其后十个字的第二行文字"
        let lines = breaker.breakLines(text, font: font, width: line)
        #expect(lines[0].text.hasSuffix("量。"), "\(lines.map(\.text))")
        #expect(lines[0].text.count == 29)
        #expect(abs(lines[0].width - line) < 0.02, "width \(lines[0].width)")
        #expect(lines[0].squeezes.reduce(0, +) == -16)
        // No closing mark to squeeze: the character goes down with its 。 (27 stay).
        let plain = String(repeating: "质", count: 27) + "量。" + "其后十个字的第二行文字"
        #expect(breaker.breakLines(plain, font: font, width: line)[0].text.count == 27)
    }

    /// No paragraph ends in a line of one or two characters ("项。", "用。").
    @Test func noParagraphEndsInAOneOrTwoCharacterLine() {
        for tail in ["用。", "项", "作用。", "发挥作用。"] {
            for n in 24...28 {
                let text = String(repeating: "质", count: n) + tail
                let lines = breaker.breakLines(text, font: font, width: line)
                if lines.count > 1 {
                    #expect(lines.last!.text.count >= 3, "\(n) + \(tail): \(lines.map(\.text))")
                }
                #expect(lines.map(\.text).joined() == text)
            }
        }
    }

    /// A number stays with its unit: 199项, 12家, 2024年, 62.2%.
    @Test func numbersStayWithTheirUnit() {
        for unit in ["项", "家", "年", "%"] {
            for n in 22...28 {
                let text = String(repeating: "质", count: n) + "199" + unit + String(repeating: "量", count: 10)
                let lines = breaker.breakLines(text, font: font, width: line)
                for (a, b) in zip(lines, lines.dropFirst()) {
                    #expect(!(a.text.last!.isNumber && b.text.hasPrefix(unit)), "\(a.text) / \(b.text)")
                }
            }
        }
    }

    /// Table cells break between words: 有限公司, 股份, 集团, 研究所, 创新团队 stay whole; a
    /// header 中国质量奖 is not split.
    @Test func tableCellsBreakBetweenWords() {
        let cells = LineBreaker(measurer: pango, keepingWords: true)
        let small = FontSpec(role: .songti, size: 10.5)
        let cases: [(String, Double)] = [
            ("江苏恒神股份有限公司", 7), ("徐工集团工程机械有限公司", 9), ("中国科学院南京土壤研究所", 10),
            ("苏州大学纳米材料创新团队", 9),
        ]
        for (name, chars) in cases {
            let lines = cells.breakLines(name, font: small, width: chars * 10.5)
            let parts = LineBreaker.nameParts
            for (a, b) in zip(lines, lines.dropFirst()) {
                for part in parts {
                    // A break inside `part`: the line ends with its beginning and the next starts with its rest.
                    for k in 1..<part.count {
                        let head = String(part.prefix(k)), rest = String(part.dropFirst(k))
                        #expect(!(a.text.hasSuffix(head) && b.text.hasPrefix(rest)), "\(name): \(a.text) / \(b.text)")
                    }
                }
            }
            #expect(lines.map(\.text).joined() == name)
        }
        // Without the word rule the same cell breaks inside 有限公司.
        let plain = LineBreaker(measurer: pango).breakLines("江苏恒神股份有限公司", font: small, width: 7 * 10.5)
        #expect(plain.map(\.text) == ["江苏恒神股份有", "限公司"])
    }

    /// A table's header 中国质量奖 is never split, however the weights share the width.
    @Test func headerChinaQualityAwardIsNotSplit() throws {
        let columns = [TableColumn("设区市", weight: 6)] + ["中国质量奖", "江苏省省长质量奖", "市长质量奖", "合计", "占比"]
            .map { TableColumn($0, alignment: .trailing, weight: 0.5) }
        let rows = (1...5).map { ["城市\($0)", "\($0)", "\($0 * 3)", "\($0 * 7)", "\($0 * 11)", "\($0).0%"] }
        let doc = Document(metadata: DocumentMetadata(title: "t", date: "2024-12-20"),
                           blocks: [.table(TableSpec(caption: "表1　各设区市获奖情况", columns: columns, rows: rows))])
        let pages = try DocumentLayouter(measurer: pango).layoutPages(doc)
        let texts = pages[0].items.compactMap { item -> String? in if case .text(let t) = item { return t.text } else { return nil } }
        #expect(texts.contains("中国质量奖"), "\(texts.prefix(12))")
        #expect(texts.contains("市长质量奖"))
    }
}

/// `LineBreaker.halfClass(_:)` finds the half-width marks by range before it hashes; it must
/// agree with the two sets on every character.
@Suite struct HalfClassTests {
    @Test func halfClassAgreesWithTheSetsForEveryScalar() {
        var marks = 0
        var wrong: [String] = []
        for v in UInt32(0)...0xFFFF {  // the marks and all their canonical equivalents are in the BMP
            guard let u = Unicode.Scalar(v) else { continue }
            let c = Character(u)
            let expected: UInt8 = LineBreaker.closingHalf.contains(c) ? 1 : LineBreaker.openingHalf.contains(c) ? 2 : 0
            if LineBreaker.halfClass(c) != expected { wrong.append("U+\(String(v, radix: 16))") }
            if expected != 0 { marks += 1 }
        }
        #expect(wrong.isEmpty, "\(wrong)")
        // Each mark of the sets, and the two canonical equivalents U+2329 and U+232A (〈〉).
        #expect(marks == LineBreaker.closingHalf.count + LineBreaker.openingHalf.count + 2)
    }
}
