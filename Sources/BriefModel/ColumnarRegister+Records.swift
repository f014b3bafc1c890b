extension ColumnarRegister {
    /// Every accepted row's record, in register order.
    func records() -> [AwardRecord] { (0..<count).map(record(at:)) }

    /// The file index of accepted row `row`.
    func fileIndex(ofRow row: Int) -> Int {
        var lo = 0, hi = fileRowStart.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if fileRowStart[mid] <= row { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The record of accepted row `row` (0-based), rebuilt from the columns: the record the
    /// record reader gives for that row.
    public func record(at row: Int) -> AwardRecord {
        func text(_ c: CodedColumn) -> String? {
            let v = c.values[Int(c.codes[row])]
            return v.isEmpty ? nil : v
        }
        let fine = text(division)
        let file = files.isEmpty ? "" : files[fileIndex(ofRow: row)]
        let id = TextNormalizer.code(ids.text(row))
        let note = TextNormalizer.trim(notes.text(row))
        let credit = creditHi[row] == UInt32.max ? nil : PackedCode(lo: creditLo[row], hi: creditHi[row]).text
        return AwardRecord(
            id: id.isEmpty ? "\(file):\(line[row])" : id, recipient: recipientName(spelling: Int(recipient[row])),
            recipientType: recipientType[row] == 0 ? .organization : .individual,
            programme: programmes[Int(programme[row])], level: level[row] == 0 ? .award : .nomination,
            year: Int(year[row]), sectionCode: text(section), divisionCode: fine.map { String($0.prefix(2)) },
            regionCode: text(region), cityCode: text(city), creditCode: credit, note: note.isEmpty ? nil : note,
            source: SourceLocation(file: file, line: Int(line[row]), column: 1),
            groupCode: fine.flatMap { $0.count >= 3 ? String($0.prefix(3)) : nil },
            classCode: fine.flatMap { $0.count == 4 ? $0 : nil }, sectorText: text(sectorText))
    }
}
