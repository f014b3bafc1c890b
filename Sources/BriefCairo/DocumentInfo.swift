import BriefDocument
import Foundation
internal import CPangoCairo

/// The document information dictionary and the XMP packet of a PDF, written from the same
/// values so that they agree (PDF/A-2, ISO 19005-2 6.6.2.3).
struct DocumentInfo {
    var title: String
    var author: String
    var subject: String
    var keywords: String
    var creator: String
    var producer: String
    /// ISO 8601, e.g. `2024-12-20T00:00:00+08:00`.
    var date: String

    init(metadata: DocumentMetadata) {
        title = metadata.title
        author = metadata.author
        subject = metadata.subject
        keywords = metadata.keywords
        creator = metadata.creator
        producer = "QualityBrief (cairo \(String(cString: cairo_version_string())))"
        date = CairoPageWriter.pdfDate(metadata.date)
    }

    /// `D:YYYYMMDDHHmmSS+HH'mm'` from the ISO date.
    var pdfDate: String {
        let digits = date.prefix(19).filter(\.isNumber)
        let zone = date.dropFirst(19)
        if zone == "Z" || zone.isEmpty { return "D:\(digits)Z" }
        let parts = zone.dropFirst().split(separator: ":")
        return "D:\(digits)\(zone.prefix(1))\(parts.first ?? "00")'\(parts.count > 1 ? parts[1] : "00")'"
    }

    /// The information dictionary (empty values left out, in XMP too).
    func dictionary() -> [UInt8] {
        var s = "<<"
        for (key, value) in [("Title", title), ("Author", author), ("Subject", subject), ("Keywords", keywords),
                             ("Creator", creator), ("Producer", producer)] where !value.isEmpty {
            s += " /\(key) \(pdfTextString(value))"
        }
        s += " /CreationDate (\(pdfDate)) /ModDate (\(pdfDate)) >>"
        return Array(s.utf8)
    }

    /// The XMP packet (ISO 16684-1) with Dublin Core, XMP basic and PDF schemas, and for
    /// PDF/A-2b the pdfaid schema (part 2, conformance B).
    func xmp(language: String, archival: Bool) -> [UInt8] {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var x = "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        x += "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        x += "<dc:format>application/pdf</dc:format>\n"
        if !title.isEmpty {
            x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(esc(title))</rdf:li></rdf:Alt></dc:title>\n"
        }
        if !author.isEmpty { x += "<dc:creator><rdf:Seq><rdf:li>\(esc(author))</rdf:li></rdf:Seq></dc:creator>\n" }
        if !subject.isEmpty {
            x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(esc(subject))</rdf:li></rdf:Alt></dc:description>\n"
        }
        x += "<dc:language><rdf:Bag><rdf:li>\(esc(language))</rdf:li></rdf:Bag></dc:language>\n"
        x += "</rdf:Description>\n"
        x += "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
        x += "<xmp:CreateDate>\(date)</xmp:CreateDate>\n<xmp:ModifyDate>\(date)</xmp:ModifyDate>\n"
        x += "<xmp:MetadataDate>\(date)</xmp:MetadataDate>\n"
        if !creator.isEmpty { x += "<xmp:CreatorTool>\(esc(creator))</xmp:CreatorTool>\n" }
        x += "</rdf:Description>\n"
        x += "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
        x += "<pdf:Producer>\(esc(producer))</pdf:Producer>\n"
        if !keywords.isEmpty { x += "<pdf:Keywords>\(esc(keywords))</pdf:Keywords>\n" }
        x += "</rdf:Description>\n"
        if archival {
            x += "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
            x += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n</rdf:Description>\n"
        }
        x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>"
        return Array(x.utf8)
    }
}
