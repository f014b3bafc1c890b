extension ColumnarRegister {
    /// Every accepted row's record, in register order.
    func records() -> [AwardRecord] { (0..<count).map(record(at:)) }

    /// The record of accepted row `row` (0-based), rebuilt from the columns. The id is the
    /// row number; credit code and note are not kept in columns; the source names the line.
    public func record(at row: Int) -> AwardRecord {
        func text(_ c: CodedColumn) -> String? {
            let v = c.values[Int(c.codes[row])]
            return v.isEmpty ? nil : v
        }
        let fine = text(division)
        return AwardRecord(
            id: String(row + 1), recipient: recipientName(spelling: Int(recipient[row])),
            recipientType: recipientType[row] == 0 ? .organization : .individual,
            programme: programmes[Int(programme[row])], level: level[row] == 0 ? .award : .nomination,
            year: Int(year[row]), sectionCode: text(section), divisionCode: fine.map { String($0.prefix(2)) },
            regionCode: text(region), cityCode: text(city),
            source: SourceLocation(file: "", line: Int(line[row]), column: 1),
            groupCode: fine.flatMap { $0.count >= 3 ? String($0.prefix(3)) : nil },
            classCode: fine.flatMap { $0.count == 4 ? $0 : nil })
    }
}
