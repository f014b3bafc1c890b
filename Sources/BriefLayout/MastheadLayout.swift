import BriefDocument

/// The 简报 masthead on page 1 and the distribution block at the foot of the last page.
struct MastheadLayout {
    let page: PageBuilder
    let styles: StyleSheet

    /// Red name centred in the top third, 第N期 under it, unit left and date right above a
    /// thick red rule.
    func place(_ m: Masthead) {
        let b = page.block
        let red = styles.accent
        if let cls = m.classification, !cls.isEmpty {
            let st = TextStyle(role: .heiti, size: ChineseFontSize.sanhao, lineHeight: 24)
            page.addParagraph(page.text(cls, style: st, x: b.x, baseline: b.y + 16))
        }
        let nameStyle = TextStyle(role: .xiaobiaosong, size: ChineseFontSize.xiaochu, color: red, lineHeight: 50)
        let nameBase = b.y + mm(30)
        let nw = page.measurer.width(m.name, font: FontSpec(nameStyle))
        page.addParagraph(page.text(m.name, style: nameStyle, x: b.x + (b.width - nw) / 2, baseline: nameBase))

        let issueStyle = TextStyle(role: .fangsong, size: ChineseFontSize.sanhao, lineHeight: 24)
        let iw = page.measurer.width(m.issue, font: FontSpec(issueStyle))
        let issueBase = nameBase + mm(15)
        page.addParagraph(page.text(m.issue, style: issueStyle, x: b.x + (b.width - iw) / 2, baseline: issueBase))

        let unitBase = issueBase + mm(14)
        page.addParagraph(page.text(m.unit, style: issueStyle, x: b.x, baseline: unitBase))
        let dw = page.measurer.width(m.date, font: FontSpec(issueStyle))
        page.addParagraph(page.text(m.date, style: issueStyle, x: b.maxX - dw, baseline: unitBase))

        let ruleY = unitBase + mm(4)
        page.add(.line(LineItem(from: Point(x: b.x, y: ruleY), to: Point(x: b.maxX, y: ruleY), width: 2.0, color: red)))
        page.cursor = ruleY + mm(3)
        if let notice = m.notice, !notice.isEmpty {
            let ns = TextStyle(role: .heiti, size: ChineseFontSize.wuhao, color: red, lineHeight: 16)
            let w = page.measurer.width(notice, font: FontSpec(ns))
            page.addParagraph(page.text(notice, style: ns, x: b.x + (b.width - w) / 2, baseline: page.baseline(top: page.cursor, style: ns)))
            page.cursor += ns.lineHeight
        }
        page.cursor += mm(4)
    }

    /// Distribution lines between two rules at the bottom of the last page's type block.
    func place(_ f: DistributionFooter) throws {
        let st = TextStyle(role: .fangsong, size: ChineseFontSize.sihao, lineHeight: 24)
        let lines = f.lines + (f.printRun.map { [$0] } ?? [])
        let height = Double(lines.count) * st.lineHeight + 8
        if page.remaining < height + 12 { try page.newPage() }
        let b = page.block
        var y = b.maxY - height
        page.add(.line(LineItem(from: Point(x: b.x, y: y), to: Point(x: b.maxX, y: y), width: 0.75)))
        y += 4
        for line in f.lines {
            page.addParagraph(page.text(line, style: st, x: b.x + st.size, baseline: page.baseline(top: y, style: st)))
            y += st.lineHeight
        }
        if let run = f.printRun {
            let w = page.measurer.width(run, font: FontSpec(st))
            page.addParagraph(page.text(run, style: st, x: b.maxX - st.size - w, baseline: page.baseline(top: y, style: st)))
            y += st.lineHeight
        }
        page.add(.line(LineItem(from: Point(x: b.x, y: b.maxY), to: Point(x: b.maxX, y: b.maxY), width: 0.75)))
        page.cursor = b.maxY
    }
}
