import BriefDocument

/// Paragraph style identifiers of the generated files; the names Word shows are Chinese and
/// say the role (正文, 标题, 一级标题 …).
enum StyleID {
    static let body = "Normal"
    static let title = "Title"
    static func heading(_ level: Int) -> String { "Heading\(max(1, min(4, level)))" }
    static let tableText = "TableText"
    static let tableHeader = "TableHeader"
    static let caption = "Caption"
    static let note = "Note"
    static let picture = "Picture"
    static let footer = "Footer"
    static let header = "Header"
    static let endBlock = "EndBlock"
}

/// `word/styles.xml`, `word/fontTable.xml` and `word/settings.xml` of a document.
struct DocxStyles {
    let sheet: StyleSheet
    /// Whether body text sits on the GB/T 9704 document grid (memos).
    let grid: Bool
    let alternatingFooters: Bool

    /// Character spacing of body text on the memo grid, points.
    static let gridCondensing = -0.3

    /// Chinese names of the heading levels.
    static let headingNames = ["一级标题", "二级标题", "三级标题", "四级标题"]

    private func paragraphFormat(_ st: TextStyle, snap: Bool) -> ParagraphFormat {
        var p = ParagraphFormat()
        p.alignment = st.alignment
        if st.indentChars != 0 {
            p.firstLine = Units.twips(st.indentChars * st.size)
            p.firstLineChars = Int((st.indentChars * 100).rounded())
        } else {
            p.firstLine = 0
            p.firstLineChars = 0
        }
        p.exactLine = Units.twips(st.lineHeight)
        p.before = Units.twips(st.spaceBefore)
        p.after = Units.twips(st.spaceAfter)
        if !snap { p.snapToGrid = false }
        return p
    }

    private func style(_ x: inout XMLWriter, id: String, name: String, _ st: TextStyle, snap: Bool,
                       isDefault: Bool = false, outline: Int? = nil, keepNext: Bool = false, edit: (inout ParagraphFormat) -> Void = { _ in }) {
        var attrs = [("w:type", "paragraph")]
        if isDefault { attrs.append(("w:default", "1")) }
        attrs.append(("w:styleId", id))
        x.within("w:style", attrs) { x in
            // The default paragraph style keeps Word's built-in name (Chinese Word shows it
            // as 正文; LibreOffice sizes the character grid from the style named Normal).
            x.empty("w:name", [("w:val", isDefault ? "Normal" : name)])
            if isDefault { x.empty("w:aliases", [("w:val", name)]) }
            if !isDefault { x.empty("w:basedOn", [("w:val", StyleID.body)]) }
            if !isDefault { x.empty("w:next", [("w:val", StyleID.body)]) }
            x.empty("w:qFormat")
            var p = paragraphFormat(st, snap: snap)
            p.keepNext = keepNext
            p.outlineLevel = outline
            edit(&p)
            p.write(&x)
            // A style's run properties follow its paragraph properties (inside w:pPr they
            // would only format the paragraph mark).
            // On the memo grid the body is condensed by 0.3 pt: Word sets 28 characters on the
            // 15.79 pt pitch either way, and LibreOffice, which gives a character wider than
            // its grid cell two cells, then also fits 28 in a line (see README, DOCX).
            let condensed = grid && isDefault ? Self.gridCondensing : nil
            RunFormat(role: st.role, size: st.size, bold: st.bold, color: st.color, spacing: condensed).write(&x)
        }
    }

    /// The style part.
    var stylesXML: [UInt8] {
        var x = XMLWriter()
        x.open("w:styles", [("xmlns:w", Namespace.w)])
        x.within("w:docDefaults") { x in
            x.within("w:rPrDefault") { x in
                // Chinese as the East Asian language: Word's kinsoku line breaking applies.
                x.within("w:rPr") { x in
                    let f = DocxFont.of(sheet.body.role)
                    x.empty("w:rFonts", [("w:ascii", DocxFont.latin), ("w:hAnsi", DocxFont.latin),
                                         ("w:eastAsia", f.officeName), ("w:cs", DocxFont.latin)])
                    x.empty("w:kern", [("w:val", "2")])
                    x.empty("w:sz", [("w:val", "\(Units.halfPoints(sheet.body.size))")])
                    x.empty("w:szCs", [("w:val", "\(Units.halfPoints(sheet.body.size))")])
                    x.empty("w:lang", [("w:val", "en-US"), ("w:eastAsia", "zh-CN"), ("w:bidi", "ar-SA")])
                }
            }
            x.within("w:pPrDefault") { x in
                x.within("w:pPr") { x in
                    x.empty("w:spacing", [("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")])
                }
            }
        }
        style(&x, id: StyleID.body, name: "正文", sheet.body, snap: true, isDefault: true)
        var title = sheet.title
        title.indentChars = 0
        style(&x, id: StyleID.title, name: "标题", title, snap: false, outline: nil, keepNext: true)
        for level in 1...4 {
            style(&x, id: StyleID.heading(level), name: Self.headingNames[level - 1], sheet.heading(level),
                  snap: true, outline: level - 1, keepNext: true)
        }
        style(&x, id: StyleID.tableText, name: "表格", sheet.tableBody, snap: false)
        style(&x, id: StyleID.tableHeader, name: "表头", sheet.tableHeader, snap: false)
        style(&x, id: StyleID.caption, name: "题注", sheet.caption, snap: false, keepNext: true)
        style(&x, id: StyleID.note, name: "注释", sheet.note, snap: false)
        var picture = sheet.body
        picture.indentChars = 0
        picture.alignment = .center
        style(&x, id: StyleID.picture, name: "图片", picture, snap: false) { p in
            p.exactLine = nil
            p.singleLine = true
        }
        style(&x, id: StyleID.footer, name: "页码", sheet.pageNumber, snap: false)
        var header = sheet.note
        header.alignment = .center
        header.spaceAfter = 0
        style(&x, id: StyleID.header, name: "页眉", header, snap: false)
        let end = TextStyle(role: .fangsong, size: ChineseFontSize.sihao, lineHeight: sheet.body.lineHeight)
        style(&x, id: StyleID.endBlock, name: "版记", end, snap: false)
        // Tables: no style of their own beyond the plain grid Word expects as default.
        x.within("w:style", [("w:type", "table"), ("w:default", "1"), ("w:styleId", "TableNormal")]) { x in
            x.empty("w:name", [("w:val", "Normal Table")])
            x.within("w:tblPr") { x in
                x.within("w:tblCellMar") { x in
                    x.empty("w:top", [("w:w", "0"), ("w:type", "dxa")])
                    x.empty("w:left", [("w:w", "85"), ("w:type", "dxa")])
                    x.empty("w:bottom", [("w:w", "0"), ("w:type", "dxa")])
                    x.empty("w:right", [("w:w", "85"), ("w:type", "dxa")])
                }
            }
        }
        x.close()
        return x.data
    }

    /// The font table: each role's office name with its open alternate and PANOSE.
    var fontTableXML: [UInt8] {
        var x = XMLWriter()
        x.open("w:fonts", [("xmlns:w", Namespace.w)])
        var seen = Set<String>()
        for role in FontRole.allCases {
            let f = DocxFont.of(role)
            guard seen.insert(f.officeName).inserted else { continue }
            x.within("w:font", [("w:name", f.officeName)]) { x in
                x.empty("w:altName", [("w:val", f.alternate)])
                x.empty("w:panose1", [("w:val", f.panose)])
                x.empty("w:charset", [("w:val", "86")])
                x.empty("w:family", [("w:val", f.family)])
                x.empty("w:pitch", [("w:val", "variable")])
            }
        }
        x.within("w:font", [("w:name", DocxFont.latin)]) { x in
            x.empty("w:altName", [("w:val", "Liberation Serif")])
            x.empty("w:panose1", [("w:val", "02020603050405020304")])
            x.empty("w:charset", [("w:val", "00")])
            x.empty("w:family", [("w:val", "roman")])
            x.empty("w:pitch", [("w:val", "variable")])
        }
        x.close()
        return x.data
    }

    /// Settings: odd and even footers, Chinese punctuation compression, Word 2013+ layout.
    var settingsXML: [UInt8] {
        var x = XMLWriter()
        x.open("w:settings", [("xmlns:w", Namespace.w)])
        x.empty("w:zoom", [("w:percent", "100")])
        x.empty("w:defaultTabStop", [("w:val", "420")])
        if alternatingFooters { x.empty("w:evenAndOddHeaders") }
        x.empty("w:characterSpacingControl", [("w:val", "compressPunctuation")])
        x.within("w:compat") { x in
            x.empty("w:compatSetting", [("w:name", "compatibilityMode"), ("w:uri", "http://schemas.microsoft.com/office/word"), ("w:val", "15")])
        }
        x.empty("w:themeFontLang", [("w:val", "en-US"), ("w:eastAsia", "zh-CN")])
        x.close()
        return x.data
    }
}

/// XML namespaces of the parts.
enum Namespace {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
}
