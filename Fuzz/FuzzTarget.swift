// libFuzzer entry point for the register readers. Fuzz/build.sh compiles this file together
// with Sources/BriefModel into one module (named BriefModel), so the internal readers are
// reachable. QB_FUZZ_TARGET picks what the input is:
//   csv   a CSV register (record path, then the columnar path)
//   json  a JSON register
//   xlsx  a whole .xlsx file (ZIP container, then XML)
//   sheet worksheet XML, a NUL byte, then shared-strings XML, wrapped here in a valid .xlsx
//   per   a --per denominator file
// Besides not crashing, every diagnostic must print on one line (FILE:LINE:COLUMN: …).
import Foundation
import ZIPFoundation

private let target = ProcessInfo.processInfo.environment["QB_FUZZ_TARGET"] ?? "csv"
private let scratch: URL = {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qbrief-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}()

private func checkOneLine(_ diagnostics: [Diagnostic]) {
    for d in diagnostics where d.description.contains("\n") || d.description.contains("\r") {
        fatalError("diagnostic spans lines: \(d.description.debugDescription)")
    }
}

private func load(_ bytes: Data, ext: String) {
    let url = scratch.appendingPathComponent("input.\(ext)")
    do { try bytes.write(to: url) } catch { fatalError("cannot write \(url.path): \(error)") }
    let ds = DatasetLoader.load([url])
    checkOneLine(ds.diagnostics)
    if ds.records.count > ds.rowsRead { fatalError("more records (\(ds.records.count)) than rows read (\(ds.rowsRead))") }
    if ext == "csv" {
        let columns = DatasetLoader.loadColumns([url])
        checkOneLine(columns.diagnostics)
    }
}

/// A stored (uncompressed) ZIP member.
private func storedZip(_ members: [(String, Data)]) -> Data {
    var out = Data(), directory = Data()
    func u16(_ v: Int, _ d: inout Data) { d.append(UInt8(v & 0xFF)); d.append(UInt8(v >> 8 & 0xFF)) }
    func u32(_ v: Int, _ d: inout Data) { u16(v & 0xFFFF, &d); u16(v >> 16 & 0xFFFF, &d) }
    for (name, body) in members {
        let offset = out.count
        let crc = Int(body.crc32(checksum: 0))
        let n = Data(name.utf8)
        u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0, &out)
        u32(crc, &out); u32(body.count, &out); u32(body.count, &out); u16(n.count, &out); u16(0, &out)
        out.append(n); out.append(body)
        u32(0x0201_4B50, &directory); u16(20, &directory); u16(20, &directory); u16(0, &directory); u16(0, &directory)
        u16(0, &directory); u16(0, &directory); u32(crc, &directory); u32(body.count, &directory); u32(body.count, &directory)
        u16(n.count, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory)
        u32(0, &directory); u32(offset, &directory); directory.append(n)
    }
    let cd = out.count
    out.append(directory)
    u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(members.count, &out); u16(members.count, &out)
    u32(directory.count, &out); u32(cd, &out); u16(0, &out)
    return out
}

private let workbook = Data(#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="登记" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)
private let rels = Data(#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func qbriefFuzzOne(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Data(bytes: start, count: count)
    switch target {
    case "csv": load(bytes, ext: "csv")
    case "json": load(bytes, ext: "json")
    case "xlsx": load(bytes, ext: "xlsx")
    case "sheet":
        let cut = bytes.firstIndex(of: 0) ?? bytes.endIndex
        let sheet = bytes[bytes.startIndex..<cut]
        let strings = cut < bytes.endIndex ? bytes[(cut + 1)...] : Data()
        load(storedZip([("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels),
                        ("xl/worksheets/sheet1.xml", Data(sheet)), ("xl/sharedStrings.xml", Data(strings))]), ext: "xlsx")
    case "per":
        checkOneLine(DenominatorFile.parse(bytes, file: "fuzz.csv").diagnostics)
    default:
        fatalError("QB_FUZZ_TARGET must be csv, json, xlsx, sheet or per; got \(target)")
    }
    return 0
}
