@testable import BriefCairo
import BriefDocument
import BriefLayout
import Foundation
import Testing

/// `FontLibrary.subsetFonts(to:)`: the library's own subset files, their clean-up, and
/// characters outside the subsets still drawn from the whole fonts.
struct FontSubsetsTests {
    func page(_ text: String, library: FontLibrary) -> LaidOutPage {
        let font = FontSpec(role: .fangsong, size: 16)
        let width = PangoTextMeasurer(library: library).width(text, font: font)
        let item = TextItem(text: text, font: font, color: .black, origin: Point(x: 72, y: 100), width: width)
        return LaidOutPage(index: 0, size: Size(width: 300, height: 200), items: [.text(item)], label: "1")
    }

    @Test func subsetsAreSmallFilesRemovedWithTheLibrary() throws {
        var library: FontLibrary? = try FontLibrary(fontsDirectory: fontsDirectory)
        try library!.subsetFonts(to: Array("质量奖".unicodeScalars.map(\.value)))
        let directory = try inspect(library!)
        // Covered already: no new generation.
        try library!.subsetFonts(to: Array("质量".unicodeScalars.map(\.value)))
        #expect(library!.withLock { library!.subsets?.generation } == 1)
        library = nil
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }

    /// Checks the subset files of `library` and returns their directory.
    func inspect(_ library: FontLibrary) throws -> URL {
        let subsets = try #require(library.withLock { library.subsets })
        let files = try FileManager.default.contentsOfDirectory(atPath: subsets.directory.path)
        #expect(files.count >= 2, "at least the serif and sans faces: \(files)")
        for f in files {
            let size = try FileManager.default.attributesOfItem(atPath: subsets.directory.appendingPathComponent(f).path)[.size] as! Int
            #expect(size < 2_000_000, "\(f) is \(size) bytes")
        }
        #expect(subsets.families["Noto Serif CJK SC"] == "QualityBrief Subset 1 Noto Serif CJK SC")
        return subsets.directory
    }

    /// Text the subsets were not cut for still draws, from the whole fonts behind them, and
    /// looks the same as drawn by a library that was never cut down.
    @Test func charactersOutsideTheSubsetsStillDraw() throws {
        let cut = try FontLibrary(fontsDirectory: fontsDirectory)
        try cut.subsetFonts(to: Array("ABC".unicodeScalars.map(\.value)))
        let whole = try FontLibrary(fontsDirectory: fontsDirectory)
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let text = "鑫淼犇骉，质量强省"
        let a = dir.appendingPathComponent("cut.pdf"), b = dir.appendingPathComponent("whole.pdf")
        let meta = DocumentMetadata(title: "t", date: "2024-01-01")
        _ = try renderPages([page(text, library: cut)], to: a, format: .pdf, metadata: meta, library: cut)
        _ = try renderPages([page(text, library: whole)], to: b, format: .pdf, metadata: meta, library: whole)
        #expect(try runTool("pdftotext", [a.path, "-"]).stdout.contains(text))
        try runTool("pdftoppm", ["-r", "72", "-gray", "-singlefile", a.path, dir.appendingPathComponent("a").path])
        try runTool("pdftoppm", ["-r", "72", "-gray", "-singlefile", b.path, dir.appendingPathComponent("b").path])
        let pa = try readGreyPGM(dir.appendingPathComponent("a.pgm")), pb = try readGreyPGM(dir.appendingPathComponent("b.pgm"))
        #expect(pa.pixels == pb.pixels)
        #expect(pa.pixels.filter { $0 < 128 }.count > 100, "the text has ink")
    }
}
