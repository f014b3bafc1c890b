import BriefCairo
import BriefLayout
import Foundation

/// The real measurer (Pango through the project's font library), shared by the tests that
/// check line breaking and pagination with the fonts a user gets.
let pango: PangoTextMeasurer = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let library = try! FontLibrary(fontsDirectory: url.appendingPathComponent("Fonts"))
    return PangoTextMeasurer(library: library)
}()
