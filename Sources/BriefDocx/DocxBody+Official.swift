import BriefDocument

/// The parts of a 简报 and a 公文 that are not flowing blocks: masthead, memo header, closing,
/// attachments, 版记 and distribution lines.
extension DocxBody {
    /// One grid line of body text (225 mm / 22) in twips.
    var lineTwips: Int { Units.twips(sheet.body.lineHeight) }
    /// One 3号 character in twips (on the memo grid: 156 mm / 28).
    var charTwips: Int { Units.twips(blockWidth / 28) }

    /// Width of `text` in full-width characters (ASCII counts half).
    static func characters(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 0.5 : 1) }
    }

    private func line(_ text: String, role: FontRole, size: Double = ChineseFontSize.sanhao, color: RGBColor? = nil,
                      _ edit: (inout ParagraphFormat) -> Void = { _ in }) {
        var p = ParagraphFormat(style: StyleID.body)
        p.firstLine = 0
        p.firstLineChars = 0
        p.alignment = .leading
        p.snapToGrid = false
        p.exactLine = max(lineTwips, Units.twips(size * 1.25))
        edit(&p)
        x.paragraph(text, p, run: RunFormat(role: role, size: size, color: color))
    }

    // MARK: 简报

    /// Red name centred in the top third, 第N期 under it, unit left and date right above a
    /// thick red rule, the notice under the rule.
    func masthead(_ m: Masthead) {
        let red = sheet.accent
        var used = 0
        if let cls = m.classification, !cls.isEmpty {
            line(cls, role: .heiti) { $0.exactLine = 480 }
            used = 480
        }
        line(m.name, role: .xiaobiaosong, size: ChineseFontSize.xiaochu, color: red) { p in
            p.alignment = .center
            p.exactLine = Units.twips(50)
            p.before = max(0, Units.twips(mm: 30) - Units.twips(40) - used)
        }
        line(m.issue, role: .fangsong) { p in
            p.alignment = .center
            p.exactLine = Units.twips(mm: 15)
        }
        line(m.unit + "\t" + m.date, role: .fangsong) { p in
            p.exactLine = Units.twips(mm: 14)
            p.rightTab = blockTwips
            p.bottom = BorderLine(width: 2, color: red, space: Units.points(mm: 3))
        }
        if let notice = m.notice, !notice.isEmpty {
            line(notice, role: .heiti, size: ChineseFontSize.wuhao, color: red) { p in
                p.alignment = .center
                p.exactLine = Units.twips(16)
                p.before = Units.twips(mm: 3)
            }
        }
        var gap = ParagraphFormat(style: StyleID.body)
        gap.snapToGrid = false
        gap.exactLine = Units.twips(mm: 4)
        x.paragraph("", gap)
    }

    /// 报 / 送 / 发 lines and 共印N份 between two rules at the foot of the last page: a table
    /// floating at the bottom of the type block.
    func distribution(_ f: DistributionFooter) {
        var rows: [(String, TextAlignment)] = f.lines.map { ($0, .leading) }
        if let run = f.printRun { rows.append((run, .trailing)) }
        footBlock(rows.map { [($0.0, $0.1)] }, outer: 0.75, inner: nil, role: .fangsong)
    }

    /// A table of one cell per row (or two: left and right text) pinned to the bottom of the
    /// type block, with rules above, below and (when `inner` is set) between rows.
    func footBlock(_ rows: [[(String, TextAlignment)]], outer: Double, inner: Double?, role: FontRole) {
        let size = ChineseFontSize.sihao
        let indent = Units.twips(size)
        // Lines each row takes in 4号, so that the table's height, and its top, are known.
        let usable = blockWidth - 2 * size - Double(2 * DocxTable.padding) / 20
        func lines(_ row: [(String, TextAlignment)]) -> Int {
            let width = row.map { Self.characters($0.0) }.reduce(0, +) * size + (row.count > 1 ? 2 * size : 0)
            return max(1, Int((width / usable).rounded(.up)))
        }
        let heights = rows.map { lines($0) * lineTwips }
        x.within("w:tbl") { x in
            x.within("w:tblPr") { x in
                x.empty("w:tblStyle", [("w:val", "TableNormal")])
                // Rows of known height: the table's top is placed so that its last rule lies on
                // the block's bottom edge (Word; LibreOffice 7.4 sets it after the text).
                let top = Units.twips(mm: page.blockHeight) - heights.reduce(0, +)
                x.empty("w:tblpPr", [("w:leftFromText", "0"), ("w:rightFromText", "0"), ("w:vertAnchor", "margin"),
                                     ("w:horzAnchor", "margin"), ("w:tblpXSpec", "center"), ("w:tblpY", "\(max(0, top))")])
                x.empty("w:tblOverlap", [("w:val", "never")])
                x.empty("w:tblW", [("w:w", "\(blockTwips)"), ("w:type", "dxa")])
                x.within("w:tblBorders") { x in
                    let o = [("w:val", "single"), ("w:sz", "\(Units.eighths(outer))"), ("w:space", "0"), ("w:color", "000000")]
                    x.empty("w:top", o)
                    x.empty("w:left", [("w:val", "nil")])
                    x.empty("w:bottom", o)
                    x.empty("w:right", [("w:val", "nil")])
                    if let inner {
                        x.empty("w:insideH", [("w:val", "single"), ("w:sz", "\(Units.eighths(inner))"), ("w:space", "0"), ("w:color", "000000")])
                    } else {
                        x.empty("w:insideH", [("w:val", "nil")])
                    }
                    x.empty("w:insideV", [("w:val", "nil")])
                }
                x.empty("w:tblLayout", [("w:type", "fixed")])
            }
            x.within("w:tblGrid") { $0.empty("w:gridCol", [("w:w", "\(blockTwips)")]) }
            for (row, height) in zip(rows, heights) {
                x.within("w:tr") { x in
                    x.within("w:trPr") { x in
                        x.empty("w:cantSplit")
                        x.empty("w:trHeight", [("w:val", "\(height)"), ("w:hRule", "exact")])
                    }
                    x.within("w:tc") { x in
                        x.within("w:tcPr") { $0.empty("w:tcW", [("w:w", "\(blockTwips)"), ("w:type", "dxa")]) }
                        var p = ParagraphFormat(style: StyleID.endBlock)
                        p.left = indent
                        p.right = indent
                        let text: String
                        if row.count > 1 {
                            p.rightTab = blockTwips - 2 * DocxTable.padding - indent
                            text = row.map(\.0).joined(separator: "\t")
                        } else {
                            p.alignment = row.first?.1 ?? .leading
                            text = row.first?.0 ?? ""
                            // A long 抄送 line continues under the text after 抄送：.
                            if let colon = text.firstIndex(of: "："), lines(row) > 1 {
                                let label = Int((Self.characters(String(text[...colon])) * size * 20).rounded())
                                p.left = indent + label
                                p.hanging = label
                            }
                        }
                        x.paragraph(text, p, run: RunFormat(role: role))
                    }
                }
            }
        }
    }

    // MARK: 公文

    /// 份号, 密级, 紧急程度, the red mark 35 mm below the block's top, the number two lines
    /// under it over the red rule, the title two lines under the rule, 主送 one line under.
    func memoHeader(_ h: MemoHeader, settings: MemoSettings) {
        var used = 0
        for text in [h.copyNumber, h.classification, h.urgency].compactMap({ $0 }) where !text.isEmpty {
            line(text, role: .heiti) { $0.exactLine = lineTwips }
            used += lineTwips
        }
        let count = max(1, Self.characters(h.issuerMark))
        let size = min(settings.markSize, (blockWidth / count).rounded(.down))
        line(h.issuerMark, role: .xiaobiaosong, size: size, color: settings.red) { p in
            p.alignment = .center
            p.exactLine = Units.twips(size * 1.2)
            p.before = max(0, Units.twips(mm: settings.markTop) - used - Units.twips(size * 0.1))
        }
        let rule = BorderLine(width: settings.redRuleWidth, color: settings.red, space: Units.points(mm: settings.ruleGap))
        if let number = h.documentNumber, !number.isEmpty {
            line(number, role: .fangsong) { p in
                p.alignment = .center
                p.before = 2 * lineTwips
                p.bottom = rule
            }
        } else {
            line("", role: .fangsong) { p in
                p.exactLine = 40
                p.bottom = rule
            }
        }
        var t = ParagraphFormat(style: StyleID.title)
        t.before = 2 * lineTwips - Units.twips(mm: settings.ruleGap)
        t.after = 0
        t.exactLine = lineTwips
        titleParagraph(h.title, t, size: sheet.title.size)
        if let to = h.recipients, !to.isEmpty {
            line(to + "：", role: .fangsong) { p in
                p.before = lineTwips
                p.snapToGrid = true
            }
        }
    }

    /// A centred title too long for one line, broken into lines of about equal length with
    /// explicit line breaks (GB/T 9704 7.3.1 wants a trapezoid or diamond, not a long line
    /// and a stub); no line starts with closing or ends with opening punctuation.
    func titleParagraph(_ title: String, _ format: ParagraphFormat, size: Double) {
        let lines = Self.balancedLines(title, capacity: Int((blockWidth / size).rounded(.down)))
        x.within("w:p") { x in
            format.write(&x)
            for (i, line) in lines.enumerated() {
                if i > 0 { x.within("w:r") { $0.empty("w:br") } }
                x.run(line)
            }
        }
    }

    /// `text` in as few lines of at most `capacity` characters as possible, of about equal
    /// length.
    static func balancedLines(_ text: String, capacity: Int) -> [String] {
        let chars = Array(text)
        let width = characters(text)
        guard capacity > 0, width > Double(capacity) else { return [text] }
        let count = Int((width / Double(capacity)).rounded(.up))
        let closing = Set("。，、；：？！”’）》〉」』】〕…")
        let opening = Set("“‘（《〈「『【〔")
        var lines: [String] = []
        var start = 0
        for k in 1..<count {
            var cut = start
            let target = width * Double(k) / Double(count)
            var acc = characters(String(chars[..<start]))
            while cut < chars.count && acc + (chars[cut].isASCII ? 0.5 : 1) <= target + 0.5 {
                acc += chars[cut].isASCII ? 0.5 : 1
                cut += 1
            }
            while cut < chars.count - 1 && (closing.contains(chars[cut]) || opening.contains(chars[cut - 1])) { cut += 1 }
            lines.append(String(chars[start..<cut]))
            start = cut
        }
        lines.append(String(chars[start...]))
        return lines.filter { !$0.isEmpty }
    }

    /// 附件说明, signature, date and 附注 (GB/T 9704 7.3.4–7.3.7).
    func memoClosing(_ c: MemoClosing) {
        let char = charTwips
        if !c.attachments.isEmpty {
            let numbered = c.attachments.count > 1
            for (i, name) in c.attachments.enumerated() {
                let prefix = numbered ? "\(i + 1). " : ""
                let label = 3.0  // 附件：
                line((i == 0 ? "附件：" : "") + prefix + name, role: .fangsong) { p in
                    p.snapToGrid = true
                    p.before = i == 0 ? lineTwips : 0
                    let hang = Self.characters(prefix)
                    if i == 0 {
                        p.left = Int(Double(char) * (2 + label + hang))
                        p.leftChars = Int(((2 + label + hang) * 100).rounded())
                        p.hanging = Int(Double(char) * (label + hang))
                        p.hangingChars = Int(((label + hang) * 100).rounded())
                    } else {
                        p.left = Int(Double(char) * (2 + label + hang))
                        p.leftChars = Int(((2 + label + hang) * 100).rounded())
                        p.hanging = Int(Double(char) * hang)
                        p.hangingChars = Int((hang * 100).rounded())
                    }
                }
            }
        }
        // Signature two characters from the right; the date on the next line starting two
        // characters right of the signature's start; a longer date keeps two characters
        // from the right and pushes the signature left (7.3.5.2).
        let dw = Self.characters(c.date)
        var dateRight = 2.0, sigRight = 2.0
        if let sig = c.signature, !sig.isEmpty {
            let sw = Self.characters(sig)
            dateRight = 2 + sw - 2 - dw
            if dateRight < 2 {
                dateRight = 2
                sigRight = 2 + dw + 2 - sw
            }
            line(sig, role: .fangsong) { p in
                p.snapToGrid = true
                p.alignment = .trailing
                p.before = lineTwips
                p.right = Int(Double(char) * sigRight)
                p.rightChars = Int((sigRight * 100).rounded())
            }
        }
        line(c.date, role: .fangsong) { p in
            p.snapToGrid = true
            p.alignment = .trailing
            if c.signature == nil { p.before = lineTwips }
            p.right = Int(Double(char) * dateRight)
            p.rightChars = Int((dateRight * 100).rounded())
        }
        if let note = c.note, !note.isEmpty {
            line("（\(note)）", role: .fangsong) { p in
                p.snapToGrid = true
                p.firstLine = 2 * char
                p.firstLineChars = 200
            }
        }
    }

    /// An attachment on a new page: 附件N top left in 3号 黑体, the title centred on line 3,
    /// then its blocks (a leading title block is the attachment title and is left out).
    func attachment(_ header: AttachmentHeader, blocks: [Block], newPage: Bool) throws {
        line((header.memoNumber ?? "") + header.label, role: .heiti) { p in
            p.pageBreakBefore = newPage
            p.exactLine = lineTwips
        }
        var t = ParagraphFormat(style: StyleID.title)
        t.before = lineTwips
        t.after = lineTwips / 2
        t.exactLine = lineTwips
        titleParagraph(header.title, t, size: sheet.title.size)
        var rest = blocks
        if case .title = rest.first { rest.removeFirst() }
        try write(rest)
    }

    /// The 版记 at the foot of the last page: 抄送 over 印发机关 and 印发日期, rules 0.35 mm
    /// outside and 0.25 mm between (7.4).
    func memoEnd(_ e: MemoEnd, settings: MemoSettings) {
        var rows: [[(String, TextAlignment)]] = []
        if let to = e.copyTo, !to.isEmpty { rows.append([("抄送：" + to, .leading)]) }
        rows.append([(e.printedBy, .leading), (e.printedOn + "印发", .trailing)])
        footBlock(rows, outer: Units.points(mm: settings.endRuleOuter), inner: Units.points(mm: settings.endRuleInner), role: .fangsong)
    }
}
