@testable import BriefCairo
import BriefDocument
import BriefLayout
import Foundation
import Testing
import TestSupport

/// `FontLibrary.subsetFonts(to:)`: the library's own subset files, their clean-up, and
/// characters outside the subsets still drawn from the whole fonts.
struct FontSubsetsTests {
    /// One page with a line per (text, font).
    func page(_ lines: [(String, FontSpec)], library: FontLibrary) -> LaidOutPage {
        let measurer = PangoTextMeasurer(library: library)
        let items = lines.enumerated().map { i, line in
            PageItem.text(TextItem(text: line.0, font: line.1, color: .black, origin: Point(x: 72, y: 60 + 40 * Double(i)),
                                   width: measurer.width(line.0, font: line.1)))
        }
        return LaidOutPage(index: 0, size: Size(width: 300, height: 200), items: items, label: "1")
    }

    @Test func subsetsAreSmallFilesRemovedWhenReleased() throws {
        let library = try FontLibrary(fontsDirectory: fontsDirectory)
        let scalars = Array("质量奖".unicodeScalars.map(\.value))
        try library.subsetFonts(to: scalars)
        let first = try inspect(library)
        let serif = "QualityBrief Subset \(first.tag) Noto Serif CJK SC"
        #expect(first.tag.count == 8)
        #expect(FontLibrary.isInstalled(family: serif, config: library.config.pointer))
        // The same characters: the same cut, kept.
        try library.subsetFonts(to: scalars)
        #expect(library.withLock { library.subsets?.directory } == first.directory)
        // Other characters: a cut for exactly those, the first one's files and fonts gone.
        try library.subsetFonts(to: Array("质量".unicodeScalars.map(\.value)))
        let second = try #require(library.withLock { library.subsets })
        #expect(second.tag != first.tag)
        #expect(!second.scalars.contains(Unicode.Scalar("奖").value))
        #expect(!FileManager.default.fileExists(atPath: first.directory.path))
        #expect(!FontLibrary.isInstalled(family: serif, config: library.config.pointer))
        library.releaseSubsets()
        #expect(library.withLock { library.subsets } == nil)
        #expect(!FileManager.default.fileExists(atPath: second.directory.path))
        #expect(!FontLibrary.isInstalled(family: "QualityBrief Subset \(second.tag) Noto Serif CJK SC", config: library.config.pointer))
        // A fresh library names the same cut the same way.
        let fresh = try FontLibrary(fontsDirectory: fontsDirectory)
        try fresh.subsetFonts(to: scalars)
        #expect(fresh.withLock { fresh.subsets?.tag } == first.tag)
        fresh.releaseSubsets()
    }

    /// `shared(fontsDirectory:)` makes one library per fonts directory and hands it out again.
    @Test func sharedLibraryIsMadeOncePerDirectory() throws {
        let a = try FontLibrary.shared(fontsDirectory: fontsDirectory)
        let b = try FontLibrary.shared(fontsDirectory: fontsDirectory.appendingPathComponent("."))
        #expect(a === b)
        #expect(a !== (try FontLibrary.shared(fontsDirectory: nil)))
    }

    /// Checks the subset files of `library` and returns them.
    func inspect(_ library: FontLibrary) throws -> FontSubsets {
        let subsets = try #require(library.withLock { library.subsets })
        let files = try FileManager.default.contentsOfDirectory(atPath: subsets.directory.path)
        #expect(files.count >= 2, "at least the serif and sans faces: \(files)")
        for f in files {
            let size = try FileManager.default.attributesOfItem(atPath: subsets.directory.appendingPathComponent(f).path)[.size] as! Int
            #expect(size < 2_000_000, "\(f) is \(size) bytes")
        }
        #expect(subsets.families[FontSubsets.Weighted(family: "Noto Serif CJK SC", bold: false)] == "QualityBrief Subset \(subsets.tag) Noto Serif CJK SC")
        #expect(subsets.families[FontSubsets.Weighted(family: "Noto Serif CJK SC", bold: true)] == "QualityBrief Subset \(subsets.tag) Bold Noto Serif CJK SC",
                "小标宋 is drawn in the bold serif")
        #expect(subsets.families[FontSubsets.Weighted(family: "Noto Sans CJK SC", bold: true)] == nil, "no style asked for bold 黑体")
        return subsets
    }

    /// Text the subsets were not cut for still draws, from the whole fonts behind them, and
    /// so does bold 黑体, whose bold face was not cut: the real bold face, not an emboldened
    /// regular subset. Both look the same as drawn by a library that was never cut down.
    @Test func charactersAndFacesOutsideTheSubsetsStillDraw() throws {
        let cut = try FontLibrary(fontsDirectory: fontsDirectory)
        try cut.subsetFonts(to: Array("ABC质量".unicodeScalars.map(\.value)))
        let whole = try FontLibrary(fontsDirectory: fontsDirectory)
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let lines = [("鑫淼犇骉，质量强省", FontSpec(role: .fangsong, size: 16)),
                     ("质量强省", FontSpec(role: .heiti, size: 16, bold: true))]
        let a = dir.appendingPathComponent("cut.pdf"), b = dir.appendingPathComponent("whole.pdf")
        let meta = DocumentMetadata(title: "t", date: "2024-01-01")
        _ = try renderPages([page(lines, library: cut)], to: a, format: .pdf, metadata: meta, library: cut)
        _ = try renderPages([page(lines, library: whole)], to: b, format: .pdf, metadata: meta, library: whole)
        let text = try runTool("pdftotext", [a.path, "-"]).stdout
        #expect(text.contains("鑫淼犇骉，质量强省") && text.contains("质量强省"))
        let fonts = try runTool("pdffonts", [a.path]).stdout
        #expect(fonts.contains("NotoSansCJKsc-Bold"), "the real bold face: \(fonts)")
        try runTool("pdftoppm", ["-r", "72", "-gray", "-singlefile", a.path, dir.appendingPathComponent("a").path])
        try runTool("pdftoppm", ["-r", "72", "-gray", "-singlefile", b.path, dir.appendingPathComponent("b").path])
        let pa = try readGreyPGM(dir.appendingPathComponent("a.pgm")), pb = try readGreyPGM(dir.appendingPathComponent("b.pgm"))
        #expect(pa.pixels == pb.pixels)
        #expect(pa.pixels.filter { $0 < 128 }.count > 100, "the text has ink")
    }
}
