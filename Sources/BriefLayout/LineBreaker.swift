import BriefDocument

/// One line chosen by the line breaker.
public struct BrokenLine: Sendable, Equatable {
    /// The text of the line, trailing spaces removed.
    public var text: String
    /// Natural width in points.
    public var width: Double
    /// Whether this is the paragraph's last line (not justified).
    public var isLast: Bool
}

/// Chinese-aware line breaking on top of measured advances.
///
/// Break opportunities are between CJK characters, around CJK text and after spaces; Latin
/// words and numbers such as `12.3%` stay whole. The kinsoku rules of Chinese typesetting are
/// applied: no line starts with closing punctuation (。，、；：？！”’）》〉」』】〕… and the like),
/// none ends with opening punctuation (“‘（《〈「『【〔), and —— and …… are never split.
public struct LineBreaker: Sendable {
    /// Characters that may not start a line.
    public static let noLineStart: Set<Character> = Set(
        "。，、；：？！”’）》〉」』】〕…—%‰℃·.,;:?!)]}>／/～〗〙〛｝］：；！？％．")
    /// Characters that may not end a line.
    public static let noLineEnd: Set<Character> = Set("“‘（《〈「『【〔([{<〖〘〚｛［")

    let measurer: any TextMeasuring

    /// Creates a line breaker measuring through `measurer`.
    public init(measurer: any TextMeasuring) { self.measurer = measurer }

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
    public func breakLines(_ text: String, font: FontSpec, width: Double, firstIndent: Double = 0) -> [BrokenLine] {
        if text.isEmpty { return [BrokenLine(text: "", width: 0, isLast: true)] }
        let adv = measurer.advances(text, font: font)
        // Fast path (most table cells and labels): the whole text fits on the first line.
        let total = adv.reduce(0, +)
        if total <= width - firstIndent + 0.01 && text.first != " " && text.last != " " {
            return [BrokenLine(text: text, width: total, isLast: true)]
        }
        let chars = Array(text)
        var lines: [BrokenLine] = []
        var start = 0
        while start < chars.count {
            // Skip spaces at a line start (not at the paragraph start).
            if start > 0 { while start < chars.count && chars[start] == " " { start += 1 } }
            if start >= chars.count { break }
            let avail = (lines.isEmpty ? width - firstIndent : width) + 0.01
            var w = 0.0
            var end = start  // exclusive
            var lastBreak = -1  // break allowed before index lastBreak
            while end < chars.count {
                if end > start && Self.canBreak(between: chars[end - 1], and: chars[end]) { lastBreak = end }
                if w + adv[end] > avail && end > start { break }
                w += adv[end]
                end += 1
            }
            var cut = end
            if end < chars.count {
                if Self.canBreak(between: chars[end - 1], and: chars[end]) {
                    cut = end
                } else if lastBreak > start {
                    cut = lastBreak
                } else {
                    // A run with no legal break is wider than the line: split it where the
                    // fewest rules suffer (never inside —— or …… if avoidable).
                    cut = Self.forcedCut(chars, start: start, end: end)
                }
            }
            var lineEnd = cut
            while lineEnd > start && chars[lineEnd - 1] == " " { lineEnd -= 1 }
            let lineWidth = adv[start..<lineEnd].reduce(0, +)
            lines.append(BrokenLine(text: String(chars[start..<lineEnd]), width: lineWidth, isLast: cut >= chars.count))
            start = cut
        }
        if let last = lines.indices.last { lines[last].isLast = true }
        return lines
    }
}
