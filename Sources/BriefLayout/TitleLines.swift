import BriefDocument

/// Breaks a 公文 title over lines at sense boundaries, in a trapezoid or diamond shape
/// (GB/T 9704-2012 7.3.1: "回行时，要做到词意完整，排列对称，长短适宜，间距恰当，标题排列应当使用梯形或菱形").
///
/// A title is only broken where its words allow: after 关于 (and after 关于印发 / 关于转发 …
/// where the name of what is transmitted begins), before the closing 文种 (的通知, 的报告,
/// 的意见 …), after 、, before 和/及/与, and around a bracketed part such as （示例）. Among the
/// splits with the fewest lines that fit, the one whose lines form a trapezoid (lengths rising
/// or falling) or a diamond (longest in the middle) and are the most even wins.
struct TitleLines {
    let measurer: any TextMeasuring


    /// Positions (indices into the characters) before which a line may start, each with a
    /// cost: 0 for a sense boundary of the list above, 1 around brackets.
    static func candidates(_ chars: [Character]) -> [Int: Double] {
        var out: [Int: Double] = [:]
        let text = String(chars)
        func add(_ i: Int, _ cost: Double) {
            guard i > 0 && i < chars.count else { return }
            out[i] = min(out[i] ?? cost, cost)
        }
        let about = ChineseWordLists.titleOpening, of = ChineseWordLists.kindParticle
        if text.hasPrefix(about) {
            add(about.count, 0)
            for verb in ChineseWordLists.transmittingVerbs where text.dropFirst(about.count).hasPrefix(verb) {
                add(about.count + verb.count, 0)
            }
        }
        for kind in ChineseWordLists.documentKinds {
            let tail = of + kind
            if text.hasSuffix(tail) { add(chars.count - tail.count, 0) }
        }
        for (i, c) in chars.enumerated() {
            if c == "、" { add(i + 1, 0) }
            if ChineseWordLists.conjunctions.contains(c) { add(i, 0) }
            if LineBreaker.openingHalf.contains(c) { add(i, 1) }
            if LineBreaker.closingHalf.contains(c) && !"，。、；：".contains(c) { add(i + 1, 1) }
        }
        // Never inside 的通知 and its kind, nor before closing punctuation.
        return out.filter { !LineBreaker.noLineStart.contains(chars[$0.key]) && !LineBreaker.noLineEnd.contains(chars[$0.key - 1]) }
    }

    /// How far line widths are from a trapezoid or diamond: 0 when they rise, fall, or rise
    /// then fall; 1 otherwise.
    static func shapePenalty(_ widths: [Double]) -> Double {
        guard widths.count > 2 else { return 0 }
        let steps = zip(widths, widths.dropFirst()).map { $1 - $0 }
        let rises = steps.map { $0 >= -0.5 }
        if rises.allSatisfy({ $0 }) || rises.allSatisfy({ !$0 }) { return 0 }
        // Diamond: rising, then falling.
        if let firstFall = rises.firstIndex(of: false), rises[firstFall...].allSatisfy({ !$0 }) { return 0 }
        return 1
    }

    /// The title's lines, or nil when no split at sense boundaries fits `width` (the caller
    /// then breaks it as ordinary text).
    func lines(_ text: String, font: FontSpec, width: Double, maxLines: Int = 4) -> [BrokenLine]? {
        let chars = Array(text)
        let adv = measurer.advances(text, font: font)
        let total = adv.reduce(0, +)
        if total <= width + 0.01 { return [BrokenLine(text: text, width: total, isLast: true)] }
        let cands = Self.candidates(chars)
        let positions = cands.keys.sorted()
        var prefix = [0.0]
        for a in adv { prefix.append(prefix.last! + a) }
        func w(_ a: Int, _ b: Int) -> Double { prefix[b] - prefix[a] }

        var best: (lines: Int, score: Double, cuts: [Int])?
        // Depth-first over increasing cut positions; few candidates, at most maxLines − 1 cuts.
        func search(_ cuts: [Int], from: Int) {
            let start = cuts.last ?? 0
            if w(start, chars.count) <= width + 0.01 {
                let bounds = [0] + cuts + [chars.count]
                let widths = zip(bounds, bounds.dropFirst()).map { w($0, $1) }
                let lineCount = widths.count
                let imbalance = (widths.max()! - widths.min()!) / widths.max()!
                let cost = cuts.reduce(0) { $0 + cands[$1]! } * 0.15
                let score = imbalance + Self.shapePenalty(widths) + cost
                if best == nil || lineCount < best!.lines || (lineCount == best!.lines && score < best!.score) {
                    best = (lineCount, score, cuts)
                }
            }
            guard cuts.count + 1 < maxLines else { return }
            for p in positions[from...] where w(start, p) <= width + 0.01 {
                if let b = best, b.lines < cuts.count + 2 { return }
                search(cuts + [p], from: positions.firstIndex(of: p)! + 1)
            }
        }
        if !positions.isEmpty { search([], from: 0) }
        guard let chosen = best, chosen.lines > 1 else { return nil }
        let bounds = [0] + chosen.cuts + [chars.count]
        return zip(bounds, bounds.dropFirst()).enumerated().map { k, r in
            BrokenLine(text: String(chars[r.0..<r.1]), width: w(r.0, r.1), isLast: k == bounds.count - 2)
        }
    }
}
