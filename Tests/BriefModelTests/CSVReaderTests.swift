import BriefModel
import Testing

@Suite struct CSVReaderTests {
    @Test func plainFieldsAndLines() {
        let (records, problems) = CSVReader.parse("a,b,c\n1,2,3\n")
        #expect(problems.isEmpty)
        #expect(records == [CSVRecord(line: 1, fields: ["a", "b", "c"]), CSVRecord(line: 2, fields: ["1", "2", "3"])])
    }

    @Test func quotesDoubledQuotesAndEmbeddedNewlinesKeepPhysicalLines() {
        let text = "h1,h2\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",z\r\n\r\nlast,\n"
        let (records, problems) = CSVReader.parse(text)
        #expect(problems.isEmpty)
        #expect(records.map(\.line) == [1, 2, 3, 6])
        #expect(records[1].fields == ["x, y", "say \"hi\""])
        #expect(records[2].fields == ["two\r\nlines", "z"])
        #expect(records[3].fields == ["last", ""])
    }

    @Test func noFinalNewlineAndEmptyFields() {
        let (records, _) = CSVReader.parse("a,,\n,,b")
        #expect(records == [CSVRecord(line: 1, fields: ["a", "", ""]), CSVRecord(line: 2, fields: ["", "", "b"])])
    }

    @Test func unterminatedQuoteIsReportedWhereItOpens() {
        let (records, problems) = CSVReader.parse("a,b\n1,\"open\n2,3\n")
        #expect(problems.map(\.line) == [2])
        #expect(records.count == 2)
    }
}
