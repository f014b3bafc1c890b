import BriefLayout
import Foundation
import Testing

/// `LayoutText.generatedCharacters` must list every character the layout can write by itself,
/// or a renderer that cuts its fonts down to the document's characters would miss glyphs.
struct LayoutTextTests {
    /// Non-ASCII characters of the string literals in Sources/BriefLayout (comments left out).
    static func literalCharacters() throws -> (chars: Set<Character>, files: Int) {
        var dir = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { dir.deleteLastPathComponent() }
        dir.appendPathComponent("Sources/BriefLayout")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        var chars = Set<Character>()
        for file in files {
            let source = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for line in source.split(separator: "\n") {
                var code = Substring(line)
                if let comment = code.range(of: "//") { code = code[..<comment.lowerBound] }
                for match in code.matches(of: /"((?:[^"\\]|\\.)*)"/) {
                    for c in match.1 where !c.isASCII { chars.insert(c) }
                }
            }
        }
        return (chars, files.count)
    }

    @Test func everyLiteralCharacterOfTheLayoutIsListed() throws {
        let (chars, files) = try Self.literalCharacters()
        #expect(files > 10)
        #expect(chars.contains("续"), "the scan finds the 续表 caption")
        let listed = Set(LayoutText.generatedCharacters)
        let missing = chars.subtracting(listed)
        #expect(missing.isEmpty, "add to LayoutText.generatedCharacters: \(String(missing.sorted()))")
    }

    @Test func scalarsAreAscendingAndIncludeDigitsAndPageDashes() {
        let s = LayoutText.generatedScalars
        #expect(s == s.sorted() && Set(s).count == s.count)
        for c in "0123456789—续表" { #expect(s.contains(c.unicodeScalars.first!.value)) }
    }
}
