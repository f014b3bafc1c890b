import BriefCairo

/// Output formats: PDF, one PNG or SVG per page, or an editable Word file (DOCX).
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    /// One PDF with metadata, outline and page labels.
    case pdf
    /// One PNG per page (`name-1.png`, `name-2.png` …).
    case png
    /// One SVG per page (`name-1.svg`, `name-2.svg` …).
    case svg
    /// One WordprocessingML file (Word, WPS, LibreOffice), charts as 300 dpi pictures.
    case docx

    /// The cairo surface that draws this format; nil for DOCX.
    var cairoFormat: BriefCairo.OutputFormat? {
        switch self {
        case .pdf: return .pdf
        case .png: return .png
        case .svg: return .svg
        case .docx: return nil
        }
    }
}
