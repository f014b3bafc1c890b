import BriefDocument
import BriefLayout
import Testing

/// Chinese line breaking over the real Pango measurer.
struct LineBreakerTests {
    let font = FontSpec(role: .fangsong, size: 16)

    @Test func closingPunctuationNeverStartsALine() throws {
        let breaker = LineBreaker(measurer: pango)
        // 27 characters then a comma: at 28 characters per line the comma would start line 2
        // without the rule, so the 27th character moves down with it.
        let text = String(repeating: "质", count: 27) + "量，" + String(repeating: "奖", count: 10)
        let lines = breaker.breakLines(text, font: font, width: 16 * 28)
        #expect(lines.count == 2)
        #expect(lines[0].text.count == 27)
        #expect(lines[1].text.hasPrefix("量，"))
    }

    @Test func openingPunctuationNeverEndsALine() throws {
        let breaker = LineBreaker(measurer: pango)
        let text = String(repeating: "质", count: 27) + "《质量》" + String(repeating: "奖", count: 10)
        let lines = breaker.breakLines(text, font: font, width: 16 * 28)
        #expect(lines[0].text.last != "《")
        #expect(lines[1].text.hasPrefix("《"))
    }

    @Test func dashesAndEllipsesStayWhole() throws {
        let breaker = LineBreaker(measurer: pango)
        for n in 25...28 {
            let text = String(repeating: "质", count: n) + "——量……奖" + String(repeating: "奖", count: 30)
            for line in breaker.breakLines(text, font: font, width: 16 * 28) {
                #expect(!line.text.hasPrefix("—") && !line.text.hasSuffix("—") || line.text.contains("——"))
                #expect(!line.text.hasPrefix("…"))
            }
            let joined = breaker.breakLines(text, font: font, width: 16 * 28).map(\.text)
            for (a, b) in zip(joined, joined.dropFirst()) {
                #expect(!(a.hasSuffix("—") && b.hasPrefix("—")), "—— split between lines")
                #expect(!(a.hasSuffix("…") && b.hasPrefix("…")), "…… split between lines")
            }
        }
    }

    @Test func latinWordsAndNumbersAreNotSplit() throws {
        let breaker = LineBreaker(measurer: pango)
        let text = String(repeating: "质", count: 26) + "增长12.5%，QualityBrief输出PDF文件"
        let lines = breaker.breakLines(text, font: font, width: 16 * 28)
        let words = ["12.5%", "QualityBrief", "PDF"]
        for w in words { #expect(lines.contains { $0.text.contains(w) }, "\(w) split: \(lines.map(\.text))") }
    }

    /// A corpus of thousands of wrapped lines: zero forbidden starts and ends, no line wider
    /// than its measure, and no character lost or added.
    @Test func corpusHasNoForbiddenLineStartsOrEnds() throws {
        let breaker = LineBreaker(measurer: pango)
        let fragments = ["质量强省", "建设", "“江苏精品”", "（2024年）", "中国质量奖", "提名奖", "，", "。", "、", "；", "：",
                         "？", "！", "《质量发展纲要》", "——", "……", "【通知】", "「标准」", "ISO 9001", "12.3%",
                         "制造业", "获奖组织", "”", "’", "‘", "〔2024〕7号", "徐工集团工程机械有限公司", "。”"]
        var rng = SplitMix(seed: 42)
        var lineCount = 0
        var startViolations: [String] = []
        var endViolations: [String] = []
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<(20 + Int(rng.next() % 40)) { text += fragments[Int(rng.next() % UInt64(fragments.count))] }
            let width = Double(8 + Int(rng.next() % 24)) * 16
            let lines = breaker.breakLines(text, font: font, width: width, firstIndent: 32)
            lineCount += lines.count
            #expect(lines.map(\.text).joined().filter { $0 != " " } == text.filter { $0 != " " })
            for (i, line) in lines.enumerated() {
                let avail = i == 0 ? width - 32 : width
                let chars = Array(line.text)
                if chars.count > 1 { #expect(line.width <= avail + 0.01, "line wider than measure: \(line.text)") }
                // A random corpus can chain punctuation into runs with no legal break that are
                // wider than the measure (e.g. 品”。”，、，————？’、 at 8 characters): such a run
                // must be split somewhere, so a violation only counts when the line it follows
                // had a legal break the breaker could have used.
                if i > 0, let f = chars.first, LineBreaker.noLineStart.contains(f), hasLegalBreak(lines[i - 1].text) {
                    startViolations.append(line.text)
                }
                if !line.isLast, let l = chars.last, LineBreaker.noLineEnd.contains(l), hasLegalBreak(line.text) {
                    endViolations.append(line.text)
                }
            }
            for (a, b) in zip(lines, lines.dropFirst()) {
                #expect(!(a.text.hasSuffix("—") && b.text.hasPrefix("—")))
                #expect(!(a.text.hasSuffix("…") && b.text.hasPrefix("…")))
            }
        }
        #expect(lineCount > 3000)
        #expect(startViolations.isEmpty, "lines starting with closing punctuation: \(startViolations.prefix(5))")
        #expect(endViolations.isEmpty, "lines ending with opening punctuation: \(endViolations.prefix(5))")
    }
}

/// Whether a line has a break opportunity between two of its characters.
func hasLegalBreak(_ text: String) -> Bool {
    let c = Array(text)
    return c.indices.dropFirst().contains { LineBreaker.canBreak(between: c[$0 - 1], and: c[$0]) }
}

/// A tiny deterministic random generator for the corpus.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
