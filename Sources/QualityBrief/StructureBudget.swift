import BriefCairo
import BriefDocument

/// How big a document's PDF structure tree would be, and whether to write it.
///
/// cairo 1.16 writes every structure element as an uncompressed object of its own, so a table
/// costs one element per row and per cell: the full recipient list of a 100 000-record register
/// (2 569 pages) would carry about 700 000 elements — measured, the file grows from 6.7 MB to
/// 107 MB and rendering takes 2.2 times the CPU and 3.6 times the memory. Beyond
/// `maximumElements` the PDF is written untagged, with a note saying so.
enum StructureBudget {
    /// Largest structure tree written (about 15 MB of structure objects).
    static let maximumElements = 100_000

    /// Elements the layout would begin for `document`: one per block, one per table row and
    /// cell, the attachments' and the memo body's.
    static func estimate(_ document: Document) -> Int {
        func count(_ blocks: [Block]) -> Int {
            blocks.reduce(0) { sum, block in
                switch block {
                case .table(let t):
                    let rows = t.rows.count + (t.totals == nil ? 0 : 1) + 1
                    return sum + 4 + rows * (t.columns.count + 1)
                case .keepTogether(let inner): return sum + count(inner)
                default: return sum + 1
                }
            }
        }
        var n = 1 + count(document.blocks) + count(document.memo?.body ?? [])
        for attachment in document.attachments ?? [] { n += estimate(attachment) }
        return n
    }

    /// `options`, untagged when the tree would exceed the budget; and the note to print then.
    static func apply(_ options: PDFOptions, to document: Document, format: OutputFormat) -> (PDFOptions, String?) {
        guard format == .pdf, options.tagged else { return (options, nil) }
        let n = estimate(document)
        guard n > maximumElements else { return (options, nil) }
        var untagged = options
        untagged.tagged = false
        return (untagged, "about \(n) structure elements (more than \(maximumElements)): the PDF is written untagged, "
                + "as cairo 1.16 would store each as an uncompressed object")
    }
}
