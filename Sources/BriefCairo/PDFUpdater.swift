import BriefDocument
import BriefLayout
import Foundation
internal import CPangoCairo

/// The post-pass: what cairo 1.16 cannot write, appended to its finished PDF as an
/// incremental update (ISO 32000-1, 7.5.6: new and replaced objects, a cross-reference
/// section and a trailer whose /Prev points at cairo's). Adds /Lang, /ViewerPreferences
/// /DisplayDocTitle, figure /Alt and table header /Scope (found by their place in the
/// structure tree), XMP metadata agreeing with a rewritten document information dictionary,
/// a trailer /ID computed from the bytes (same input, same ID), and for PDF/A-2b the pdfaid
/// schema and an sRGB output intent.
enum PDFUpdater {
    static func append(to url: URL, metadata: DocumentMetadata, structure: StructureRecord,
                       options: PDFOptions) throws {
        let original: [UInt8]
        do { original = [UInt8](try Data(contentsOf: url)) } catch {
            throw RenderError.io(path: url.path, reason: "cannot read back the PDF: \(error.localizedDescription)")
        }
        let update: [UInt8]
        do {
            update = try makeUpdate(original, metadata: metadata, structure: structure, options: options)
        } catch let e as PDFSyntaxError {
            throw RenderError.cairo("post-pass: \(e.description)")
        }
        guard let handle = try? FileHandle(forWritingTo: url) else {
            throw RenderError.io(path: url.path, reason: "cannot append to the PDF")
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: update)
        } catch {
            throw RenderError.io(path: url.path, reason: error.localizedDescription)
        }
    }

    /// The bytes to append to `original`.
    static func makeUpdate(_ original: [UInt8], metadata: DocumentMetadata, structure: StructureRecord,
                           options: PDFOptions) throws -> [UInt8] {
        let pdf = try PDFReader(original)
        guard let rootRef = pdf.trailer["Root"]?.ref, let size = pdf.trailer["Size"]?.int else {
            throw PDFSyntaxError(description: "trailer without /Root or /Size")
        }
        var objects: [(number: Int, body: [UInt8])] = []
        var nextNumber = size
        func newNumber() -> Int { defer { nextNumber += 1 }; return nextNumber }

        // Structure elements that need /Alt or /Scope.
        if options.tagged, !structure.attributed.isEmpty {
            let catalog = try pdf.object(rootRef)
            if let treeRef = catalog["StructTreeRoot"]?.ref {
                objects += try attributedElements(pdf, tree: treeRef, structure: structure)
            }
        }
        // Document information and XMP, from the same values.
        let info = DocumentInfo(metadata: metadata)
        let infoNumber = newNumber()
        objects.append((infoNumber, info.dictionary()))
        let xmp = info.xmp(language: options.language, archival: options.archival)
        let metadataNumber = newNumber()
        objects.append((metadataNumber, stream(xmp, dictionary: "/Type /Metadata /Subtype /XML")))
        // Catalog.
        var catalog = Array(try pdf.openDictionary(rootRef))
        var extra = " /Metadata \(metadataNumber) 0 R /ViewerPreferences << /DisplayDocTitle true >>"
        if options.tagged { extra += " /Lang " + pdfTextString(options.language) }
        if options.archival {
            let profileNumber = newNumber()
            objects.append((profileNumber, stream(SRGBProfile.bytes, dictionary: "/N 3")))
            let intentNumber = newNumber()
            let name = pdfTextString(SRGBProfile.name)
            objects.append((intentNumber, Array(("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier \(name)"
                + " /Info \(name) /RegistryName (http://www.color.org) /DestOutputProfile \(profileNumber) 0 R >>").utf8)))
            extra += " /OutputIntents [\(intentNumber) 0 R]"
            objects += try explicitCIDToGIDMaps(pdf)
        }
        catalog += Array(extra.utf8) + Array("\n>>".utf8)
        objects.append((rootRef, catalog))

        // Serialise: objects, xref, trailer.
        var out: [UInt8] = []
        if original.last != 10 { out.append(10) }
        var offsets: [Int: Int] = [:]
        for (number, body) in objects {
            offsets[number] = original.count + out.count
            out += Array("\(number) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let xrefOffset = original.count + out.count
        out += Array("xref\n".utf8)
        let numbers = offsets.keys.sorted()
        var i = 0
        while i < numbers.count {
            var j = i
            while j + 1 < numbers.count && numbers[j + 1] == numbers[j] + 1 { j += 1 }
            out += Array("\(numbers[i]) \(j - i + 1)\n".utf8)
            for k in i...j {
                let off = String(offsets[numbers[k]]!)
                out += Array((String(repeating: "0", count: 10 - off.count) + off + " 00000 n \n").utf8)
            }
            i = j + 1
        }
        var hash = ContentHash()
        hash.add(original)
        hash.add(out)
        let id = hash.hex
        out += Array(("trailer\n<< /Size \(nextNumber) /Root \(rootRef) 0 R /Info \(infoNumber) 0 R"
            + " /Prev \(pdf.startXref) /ID [<\(id)> <\(id)>] >>\nstartxref\n\(xrefOffset)\n%%EOF\n").utf8)
        return out
    }

    /// Walks cairo's structure tree in pre-order (the order the renderer began the elements)
    /// and returns the replaced element objects.
    private static func attributedElements(_ pdf: PDFReader, tree: Int,
                                           structure: StructureRecord) throws -> [(number: Int, body: [UInt8])] {
        var wanted = structure.attributed[...]
        var out: [(Int, [UInt8])] = []
        var index = 0
        func children(_ v: PDFValue?) -> [Int] {
            switch v {
            case .ref(let n)?: return [n]
            case .array(let a)?: return a.compactMap(\.ref)
            default: return []
            }
        }
        var stack = children(try pdf.object(tree)["K"]).reversed() as [Int]
        while let number = stack.popLast(), let next = wanted.first {
            let size = structure.sizes.indices.contains(index) ? structure.sizes[index] : 0
            if size > 0 && next.index >= index + size {
                index += size  // nothing wanted below: not read
                continue
            }
            let element = try pdf.object(number)
            if index == next.index {
                guard element["S"]?.name == next.element.role.rawValue else {
                    throw PDFSyntaxError(description: "structure element \(index) is /\(element["S"]?.name ?? "?"), expected /\(next.element.role.rawValue)")
                }
                var body = Array(try pdf.openDictionary(number))
                if let alt = next.element.alt { body += Array(" /Alt \(pdfTextString(alt))".utf8) }
                if let scope = next.element.scope { body += Array(" /A << /O /Table /Scope /\(scope.rawValue) >>".utf8) }
                body += Array("\n>>".utf8)
                out.append((number, body))
                wanted = wanted.dropFirst()
            }
            index += 1
            stack += children(element["K"]).reversed()
        }
        if let missing = wanted.first {
            throw PDFSyntaxError(description: "structure element \(missing.index) (/\(missing.element.role.rawValue)) not found")
        }
        return out
    }

    /// cairo writes TrueType CID fonts without /CIDToGIDMap (Identity by default, but PDF/A-2
    /// 6.2.11.3.2 asks for it to be written): the font dictionaries found by their /Subtype,
    /// with /CIDToGIDMap /Identity added.
    private static func explicitCIDToGIDMaps(_ pdf: PDFReader) throws -> [(number: Int, body: [UInt8])] {
        let needle = Array("/CIDFontType2".utf8)
        let starts = pdf.offsets.enumerated().compactMap { n, off in off.map { (offset: $0, number: n) } }
            .sorted { $0.offset < $1.offset }
        var found = Set<Int>()
        var out: [(Int, [UInt8])] = []
        let bytes = pdf.bytes
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && bytes[i + 1] == needle[1] && bytes[i + 2] == needle[2]
                && Array(bytes[i..<(i + needle.count)]) == needle {
                // The object holding this offset: the last one starting before it.
                var lo = 0, hi = starts.count - 1
                while lo < hi {
                    let mid = (lo + hi + 1) / 2
                    if starts[mid].offset <= i { lo = mid } else { hi = mid - 1 }
                }
                let number = starts[lo].number
                if !found.contains(number), let font = try? pdf.object(number),
                   font["Subtype"]?.name == "CIDFontType2", font["CIDToGIDMap"] == nil {
                    found.insert(number)
                    out.append((number, Array(try pdf.openDictionary(number)) + Array(" /CIDToGIDMap /Identity\n>>".utf8)))
                }
                i += needle.count
            } else {
                i += 1
            }
        }
        return out
    }

    /// An unfiltered stream object.
    static func stream(_ data: [UInt8], dictionary: String) -> [UInt8] {
        Array("<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
    }
}

/// A PDF text string: ASCII as a literal string, anything else as UTF-16BE with a byte-order
/// mark, in hex.
func pdfTextString(_ s: String) -> String {
    if s.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 }) {
        var out = "("
        for c in s.unicodeScalars {
            if c == "(" || c == ")" || c == "\\" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out + ")"
    }
    let digits = Array("0123456789ABCDEF".utf8)
    var hex: [UInt8] = Array("<FEFF".utf8)
    hex.reserveCapacity(6 + 4 * s.utf16.count)
    for unit in s.utf16 {
        for shift in stride(from: 12, through: 0, by: -4) { hex.append(digits[Int(unit >> UInt16(shift)) & 0xF]) }
    }
    hex.append(UInt8(ascii: ">"))
    return String(decoding: hex, as: UTF8.self)
}

/// A 128-bit hash of the file's bytes for the trailer /ID (two FNV-1a lanes): not for security,
/// only so that the same bytes get the same identifier and different ones different.
struct ContentHash {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142
    mutating func add(_ bytes: [UInt8]) {
        var a = self.a, b = self.b
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte ^ 0x5c)) &* 0x0000_0100_0000_01b3
            b = b ^ (b >> 29)
        }
        self.a = a; self.b = b
    }
    var hex: String { String(format: "%016llX%016llX", a, b) }
}
