import Foundation
import QualityBrief
import Testing

/// Definitions built in Swift are checked exactly like YAML ones (issue 10 item 6).
struct DefinitionValidationTests {
    static let register: Register = {
        // Two rows written here; loaded once for the suite.
        let dir = temporaryDirectory("def-validation")
        let csv = dir.appendingPathComponent("r.csv")
        try? "recipient,programme,year,region_code,sector_code\n甲公司,江苏省质量奖,2014,320583,C\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        return try! Register.load([csv.path])
    }()

    static func definition() -> ReportDefinition {
        ReportDefinition(unit: "某市市场监督管理局", date: "2024-12-20", title: "质量奖获奖情况分析", source: "名录")
    }

    func problems(_ change: (inout ReportDefinition) -> Void) -> [String] {
        var d = Self.definition()
        change(&d)
        do {
            _ = try Briefing(register: Self.register, definition: d).document()
            return []
        } catch let QualityBriefError.invalidDefinition(found) {
            return found.map(\.description)
        } catch let QualityBriefError.unfinishedDefinition(found) {
            return found.map { "unfinished " + $0.description }
        } catch {
            return ["other: \(error)"]
        }
    }

    @Test func swiftDefinitionsAreCheckedLikeYAML() {
        #expect(problems { _ in }.isEmpty)
        #expect(problems { $0.date = "2024-02-30" } == ["<definition>: error: date “2024-02-30” is not a date YYYY-MM-DD of the calendar (years 1900–2200)"])
        #expect(problems { $0.issue = 0 } == ["<definition>: error: issue is 0; it must be between 1 and 99999"])
        #expect(problems { $0.recipientLimit = -1 } == ["<definition>: error: recipient_limit is -1; it must be between 0 and 1000000"])
        #expect(problems { $0.printRun = Int.max } == ["<definition>: error: print_run is \(Int.max); it must be between 1 and 1000000"])
        #expect(problems { $0.title = "a\u{0}b" } == ["<definition>: error: title contains the control character U+0000 at character 2; remove it"])
        var memo = MemoDefinition(issuerMark: "某市市场监督管理局文件", documentNumber: "某市监〔2024〕07号", title: "关于印发的通知",
                                  recipients: "各区局", signature: "某市市场监督管理局")
        memo.markSize = .nan
        #expect(problems { $0.memo = memo; $0.layout = .memo } == [
            "<definition>: error: memo.document_number 发文字号 “某市监〔2024〕07号” needs a serial number without leading zeros",
            "<definition>: error: memo.mark_size is nan; it must be a number between 12 and 100 (points)",
        ])
        memo.markSize = nil
        memo.documentNumber = "某市监〔2023〕7号"
        #expect(problems { $0.memo = memo; $0.layout = .memo } == [
            "<definition>: error: memo.document_number “某市监〔2023〕7号” has the year 2023 but the memo is dated 2024-12-20 (date); a 发文字号 carries the year of its 成文日期",
        ])
    }

    /// Library messages name no command-line flags (issue 13 item 3): the YAML key only.
    @Test func placeholdersAreUnfinishedUnlessDraft() throws {
        #expect(problems { $0.unit = "（编印单位）" } == [
            "unfinished <definition>: error: unit is still the template placeholder “（编印单位）”: set `unit:` in the report definition",
        ])
        #expect(problems { $0.unit = " " } == ["unfinished <definition>: error: unit is missing: set `unit:` in the report definition"])
        // "（示例）" inside a real name is not a placeholder.
        #expect(problems { $0.unit = "江苏省市场监督管理局（示例）" }.isEmpty)
        var d = Self.definition()
        d.unit = "（编印单位）"
        d.draft = true
        let doc = try Briefing(register: Self.register, definition: d).document()
        #expect(doc.draftMark == "草稿")
    }

    /// A memo document built in Swift is held to the same limits, before anything is drawn.
    @Test func swiftMemoDocumentsAreChecked() throws {
        var settings = MemoSettings()
        settings.markSize = .infinity
        let memo = Memo(header: MemoHeader(issuerMark: "某市市场监督管理局文件", documentNumber: "某市监第7号", title: "通知"),
                        body: [], closing: MemoClosing(date: "2024年12月20日"), settings: settings)
        let doc = Document(metadata: DocumentMetadata(title: "通知", author: "某局", subject: "", creator: "", keywords: "", date: "2024-12-20"), memo: memo)
        let out = temporaryDirectory("def-memo").appendingPathComponent("m.pdf")
        do {
            _ = try Renderer(fontsDirectory: packageRoot.appendingPathComponent("Fonts")).render(doc, to: out)
            Issue.record("expected the memo to be refused")
        } catch let QualityBriefError.invalidDefinition(found) {
            #expect(found.map(\.message) == [
                "memo.document_number 发文字号 “某市监第7号” must not contain 第",
                "memo.document_number 发文字号 “某市监第7号” needs the year in 〔〕, e.g. 苏市监〔2024〕7号",
                "memo.mark_size is inf; it must be a number between 12 and 100 (points)",
            ])
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// Found by the `yaml` fuzz target (issue 16): a YAML document that is one plain scalar over
    /// several lines was echoed in the message with its line break, so the problem printed on
    /// two lines. Problems and `badDefinition` messages now escape control characters.
    @Test func problemsEchoingAValuePrintOnOneLine() throws {
        do {
            _ = try ReportDefinition.parse("mm(id:pe\n\n(id:(id:p\n", file: "d.yaml")
            Issue.record("a scalar document was accepted")
        } catch let e as QualityBriefError {
            #expect(e.description == "d.yaml:1:1: error: “” must be a mapping of keys, got “mm(id:pe\\n(id:(id:p”")
        }
        let bad = QualityBriefError.badDefinition(file: "a\nb.yaml", message: "x\ty")
        #expect(bad.description == "a\\nb.yaml: error: x\\ty")
    }
}
