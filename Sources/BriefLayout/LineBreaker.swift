import BriefDocument

/// One line chosen by the line breaker.
package struct BrokenLine: Sendable, Equatable {
    /// The text of the line, trailing spaces removed.
    public var text: String
    /// Natural width in points.
    public var width: Double
    /// Whether this is the paragraph's last line (not justified).
    public var isLast: Bool
    /// Per-character changes of advance (points, negative: squeezed) from punctuation
    /// compression (clreq 标点挤压); empty when none. `width` already includes them.
    public var squeezes: [Double] = []
    /// Horizontal offset of the line's start (negative: a line-start opening bracket set
    /// half-width, its blank half moved into the margin). `width` already includes it.
    public var lead: Double = 0

    /// Creates a line.
    public init(text: String, width: Double, isLast: Bool, squeezes: [Double] = [], lead: Double = 0) {
        self.text = text
        self.width = width
        self.isLast = isLast
        self.squeezes = squeezes.contains { $0 != 0 } ? squeezes : []
        self.lead = lead
    }
}

/// Chinese-aware line breaking on top of measured advances.
///
/// Break opportunities are between CJK characters, around CJK text and after spaces; Latin
/// words and numbers such as `12.3%` stay whole. The kinsoku rules of Chinese typesetting are
/// applied: no line starts with closing punctuation (。，、；：？！”’）》〉」』】〕… and the like),
/// none ends with opening punctuation (“‘（《〈「『【〔), and —— and …… are never split.
package struct LineBreaker: Sendable {
    /// Characters that may not start a line.
    public static let noLineStart: Set<Character> = Set(
        "。，、；：？！”’）》〉」』】〕…—%‰℃·.,;:?!)]}>／/～〗〙〛｝］：；！？％．")
    /// Characters that may not end a line.
    public static let noLineEnd: Set<Character> = Set("“‘（《〈「『【〔([{<〖〘〚｛［")

    /// Full-width punctuation drawn in one half of its em with the other half blank (GB
    /// style, as Chinese fonts set it): closing marks and the pause marks have their blank on
    /// the right, opening marks on the left. These take part in 标点挤压.
    public static let closingHalf: Set<Character> = Set("，。、；：）》〉」』】〕〗”’")
    /// Opening marks, blank on the left.
    public static let openingHalf: Set<Character> = Set("（《〈「『【〔〖“‘")

    /// Per-character advance changes for adjacent punctuation (clreq 3.1.6 标点挤压): where two
    /// full-width marks meet ("），" "》，" "）、" "。」" "，（"), one half-em blank goes, taken
    /// from the first.
    static func pairSqueezes(_ chars: [Character], _ adv: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: chars.count)
        guard chars.count > 1 else { return out }
        var previous = halfClass(chars[0])
        for i in 0..<(chars.count - 1) {
            let next = halfClass(chars[i + 1])
            // An opening mark before a closing one ("（）") has no blank between them.
            if previous != 0 && next != 0 && !(previous == 2 && next == 1) { out[i] = -adv[i] / 2 }
            previous = next
        }
        return out
    }

    /// 1 for a mark of `closingHalf`, 2 for one of `openingHalf`, else 0. Every such mark (and
    /// U+2329/U+232A, which Swift takes as equal to 〈〉) lies in the General Punctuation,
    /// Miscellaneous Technical, CJK Symbols or full-width blocks: the ideographs and Latin
    /// letters that make up most text are told apart by a comparison, without hashing.
    @inline(__always)
    static func halfClass(_ c: Character) -> UInt8 {
        guard let v = c.unicodeScalars.first?.value,
              (0x2018...0x201D).contains(v) || (0x2329...0x232A).contains(v) || (0x3001...0x3017).contains(v)
                || (0xFF08...0xFF1B).contains(v) else { return 0 }
        if closingHalf.contains(c) { return 1 }
        if openingHalf.contains(c) { return 2 }
        return 0
    }

    /// Units and measure words a number is kept with ("199项", "12家", "2024年"): no break
    /// between a digit and one of them.
    public static var units: Set<Character> { ChineseWordLists.units }

    /// Name parts a table cell is never broken inside (clreq: break between words): with
    /// `keepingWords`, a break inside one of these is the last resort.
    public static var nameParts: [String] { ChineseWordLists.nameParts }

    let measurer: any TextMeasuring
    /// Whether breaks inside `nameParts` are avoided (table cells).
    let keepingWords: Bool

    /// Creates a line breaker measuring through `measurer`. With `keepingWords`, the name
    /// parts in `nameParts` (有限公司, 集团, 研究所 …) are kept whole where any other break fits.
    public init(measurer: any TextMeasuring, keepingWords: Bool = false) {
        self.measurer = measurer
        self.keepingWords = keepingWords
    }

    /// The same breaker keeping name parts whole.
    public func keepingNameParts() -> LineBreaker { LineBreaker(measurer: measurer, keepingWords: true) }

    /// Whether `c` is an ASCII or full-width digit.
    static func isDigit(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v)
    }

    /// Break positions (index of the character after the break) that fall inside a name part
    /// of `chars`.
    static func insideNameParts(_ chars: [Character]) -> Set<Int> {
        var out = Set<Int>()
        let text = chars
        for part in ChineseWordLists.nameParts {
            let p = Array(part)
            guard p.count <= text.count else { continue }
            var i = 0
            while i + p.count <= text.count {
                if Array(text[i..<(i + p.count)]) == p {
                    for k in (i + 1)..<(i + p.count) { out.insert(k) }
                    i += p.count
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// Whether a character takes part in ideographic (break-anywhere) line breaking.
    public static func isIdeographic(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first?.value else { return false }
        switch s {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        case 0x2014, 0x2026, 0x201C, 0x201D, 0x2018, 0x2019, 0x00B7:
            return true
        default:
            return false
        }
    }

    /// Whether a line may be broken between `before` and `after`.
    public static func canBreak(between before: Character, and after: Character) -> Bool {
        if after == " " { return false }
        if noLineStart.contains(after) || noLineEnd.contains(before) { return false }
        if before == after && (before == "—" || before == "…") { return false }
        if isDigit(before) && ChineseWordLists.units.contains(after) { return false }
        if before == " " { return true }
        return isIdeographic(before) || isIdeographic(after)
    }

    /// How bad a forced break before `chars[i]` is: 0 none of the rules suffers (inside a
    /// long Latin word), 1 a line starts with closing or ends with opening punctuation, 2 ——
    /// or …… is split.
    static func forcedBreakCost(_ chars: [Character], _ i: Int) -> Int {
        let a = chars[i - 1], b = chars[i]
        if a == b && (a == "—" || a == "…") { return 2 }
        if noLineStart.contains(b) || noLineEnd.contains(a) { return 1 }
        return 0
    }

    /// The rightmost of the least bad break positions in `start + 1 ... end`.
    static func forcedCut(_ chars: [Character], start: Int, end: Int) -> Int {
        var best = end, bestCost = forcedBreakCost(chars, end)
        var i = end
        while bestCost > 0 && i > start + 1 {
            i -= 1
            let c = forcedBreakCost(chars, i)
            if c < bestCost { best = i; bestCost = c }
        }
        return best
    }

    /// Breaks `text` into lines no wider than `width`; the first line is `firstIndent` points
    /// narrower. A word wider than a line is split where it must.
    ///
    /// Chinese line composition after clreq: adjacent punctuation is set with one half-em
    /// blank removed (标点挤压); a line-start opening mark is set half-width (`lead`); a
    /// closing mark that would not fit at the line end fits with its blank half removed before
    /// any character is pushed to the next line; a paragraph does not end in a line of one or
    /// two characters; a number stays with its unit (199项, 12家).
    public func breakLines(_ text: String, font: FontSpec, width: Double, firstIndent: Double = 0) -> [BrokenLine] {
        if text.isEmpty { return [BrokenLine(text: "", width: 0, isLast: true)] }
        let raw = measurer.advances(text, font: font)
        let chars = Array(text)
        let pair = Self.pairSqueezes(chars, raw)
        let adv = zip(raw, pair).map { $0 + $1 }
        let count = chars.count
        // Fast path (most table cells and labels): the whole text fits on the first line.
        let total = adv.reduce(0, +)
        if total <= width - firstIndent + 0.01 && text.first != " " && text.last != " " {
            return [BrokenLine(text: text, width: total, isLast: true, squeezes: pair)]
        }
        let protected = keepingWords ? Self.insideNameParts(chars) : []
        func allowed(_ i: Int) -> Bool { Self.canBreak(between: chars[i - 1], and: chars[i]) }
        // A continuation line starting with an opening mark sets it half-width (the first
        // line keeps it whole: 公文 headings such as （一） start exactly two characters in).
        func leadOf(_ s: Int) -> Double { s > 0 && Self.openingHalf.contains(chars[s]) ? -raw[s] / 2 : 0 }
        /// Blank halves of closing marks in `s ..< e` not yet squeezed: room to fit a line.
        func room(_ s: Int, _ e: Int) -> Double {
            var r = 0.0
            for i in s..<e where Self.closingHalf.contains(chars[i]) && pair[i] == 0 { r += raw[i] / 2 }
            return r
        }
        /// The line `s ..< e` (trailing spaces dropped) with its squeezes and lead. The last
        /// mark loses its pair squeeze (its partner went down); a line wider than `avail`
        /// squeezes its last closing mark, then the others in proportion (clreq line adjustment).
        func makeLine(_ s: Int, _ e: Int, avail: Double, isLast: Bool) -> BrokenLine {
            var lineEnd = e
            while lineEnd > s && chars[lineEnd - 1] == " " { lineEnd -= 1 }
            guard lineEnd > s else { return BrokenLine(text: "", width: 0, isLast: isLast) }
            let lead = leadOf(s)
            var sq = Array(pair[s..<lineEnd])
            let last = lineEnd - 1
            if lineEnd < count { sq[last - s] = 0 }
            var w = lead + raw[s..<lineEnd].reduce(0, +) + sq.reduce(0, +)
            if w > avail {
                var over = w - (avail - 0.01)  // `avail` carries the 0.01 pt tolerance
                if Self.closingHalf.contains(chars[last]) && sq[last - s] == 0 {
                    let d = min(over, raw[last] / 2)
                    sq[last - s] -= d
                    over -= d
                }
                let marks = (s..<last).filter { Self.closingHalf.contains(chars[$0]) && sq[$0 - s] == 0 }
                let r = marks.reduce(0) { $0 + raw[$1] / 2 }
                if over > 0 && r > 0 {
                    let k = min(1, over / r)
                    for i in marks { sq[i - s] -= raw[i] / 2 * k }
                    over -= min(over, r)
                }
                w = avail + over
            }
            return BrokenLine(text: String(chars[s..<lineEnd]), width: w, isLast: isLast, squeezes: sq, lead: lead)
        }
        var lines: [BrokenLine] = []
        var starts: [Int] = []
        var start = 0
        while start < count {
            // Skip spaces at a line start (not at the paragraph start).
            if start > 0 { while start < count && chars[start] == " " { start += 1 } }
            if start >= count { break }
            let avail = (lines.isEmpty ? width - firstIndent : width) + 0.01
            var w = leadOf(start)
            var end = start  // exclusive
            var lastBreak = -1  // break allowed before index lastBreak
            var lastWordBreak = -1  // the same, outside name parts
            while end < count {
                if end > start && allowed(end) {
                    lastBreak = end
                    if !protected.contains(end) { lastWordBreak = end }
                }
                if w + adv[end] > avail && end > start { break }
                w += adv[end]
                end += 1
            }
            // Squeeze before push-down: the character that does not fit stays when the blank
            // halves of the line's closing marks (its own, at the line end, first) make room.
            if end < count && end > start && !allowed(end) && (end + 1 == count || allowed(end + 1)) {
                let own = Self.closingHalf.contains(chars[end]) && pair[end] == 0 ? raw[end] / 2 : 0
                if w + adv[end] - own - room(start, end) <= avail { end += 1 }
            }
            var cut = end
            if end < count {
                if allowed(end) && !protected.contains(end) {
                    cut = end
                } else if lastWordBreak > start {
                    cut = lastWordBreak
                } else if allowed(end) {
                    cut = end
                } else if lastBreak > start {
                    cut = lastBreak
                } else {
                    // A run with no legal break is wider than the line: split it where the
                    // fewest rules suffer (never inside —— or …… if avoidable).
                    cut = Self.forcedCut(chars, start: start, end: end)
                }
            }
            lines.append(makeLine(start, cut, avail: avail, isLast: cut >= count))
            starts.append(start)
            start = cut
        }
        if let last = lines.indices.last { lines[last].isLast = true }
        // clreq: a paragraph does not end in a line of one or two characters. Move the last
        // break back to a legal break that leaves three or more, if the rest still fits.
        if lines.count >= 2, let lastStart = starts.last, count - lastStart <= 2 {
            let prevStart = starts[starts.count - 2]
            let prevAvail = (lines.count == 2 ? width - firstIndent : width) + 0.01
            var c = lastStart - 1
            while c > prevStart + 1 && count - c <= 6 {
                let rest = makeLine(c, count, avail: width + 0.01, isLast: true)
                if count - c >= 3 && allowed(c) && !protected.contains(c) && chars[c] != " " && rest.width <= width + 0.01 {
                    let n = lines.count
                    lines[n - 2] = makeLine(prevStart, c, avail: prevAvail, isLast: false)
                    lines[n - 1] = rest
                    break
                }
                c -= 1
            }
        }
        return lines
    }
}
