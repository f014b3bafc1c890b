import BriefCairo
import BriefDocument
import BriefLayout
import Foundation
import Testing
import TestSupport

/// FandolFang and FandolKai have no bold face: bold text in 仿宋 and 楷体 is emboldened
/// (fontconfig's synthetic bold) rather than drawn regular or in another family.
struct SyntheticBoldTests {
    @Test(arguments: [FontRole.fangsong, .kaiti])
    func boldWithoutABoldFaceIsEmboldened(role: FontRole) throws {
        let dir = try makeTemporaryDirectory()
        defer { cleanup(dir) }
        let text = "质量强省建设取得新成效"
        func item(_ bold: Bool, y: Double) -> PageItem {
            let font = FontSpec(role: role, size: 16, bold: bold)
            return .text(TextItem(text: text, font: font, origin: Point(x: 50, y: y), width: measurer.width(text, font: font)))
        }
        let page = LaidOutPage(index: 0, size: Size(width: 300, height: 120), items: [item(false, y: 40), item(true, y: 90)], label: "1")
        let pdf = dir.appendingPathComponent("bold.pdf")
        _ = try renderPages([page], to: pdf, format: .pdf, metadata: DocumentMetadata(title: "t", date: "2024-12-20"),
                            library: sharedLibrary)
        let fonts = try runTool("pdffonts", [pdf.path]).stdout
        let family = role == .fangsong ? "FandolFang" : "FandolKai"
        #expect(fonts.contains(family), "\(fonts)")
        #expect(!fonts.contains("Bold"), "a bold face of another family stood in: \(fonts)")
        try runTool("pdftoppm", ["-r", "150", "-gray", "-singlefile", pdf.path, dir.appendingPathComponent("p").path])
        let img = try readGreyPGM(dir.appendingPathComponent("p.pgm"))
        // Dark pixels of the regular line (y 40 pt) and of the bold line (y 90 pt).
        func ink(_ top: Double, _ bottom: Double) -> Int {
            let k = 150.0 / 72
            return (Int(top * k)..<Int(bottom * k)).reduce(0) { n, y in
                n + (0..<img.width).filter { img.pixels[y * img.width + $0] < 128 }.count
            }
        }
        let regular = ink(20, 50), bold = ink(70, 100)
        #expect(regular > 500)
        #expect(Double(bold) > 1.15 * Double(regular), "bold \(bold) vs regular \(regular) dark pixels")
    }
}
