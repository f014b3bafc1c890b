#if QB_FUZZ
// libFuzzer entry point of the CLI fuzz build, compiled only with -DQB_FUZZ (Fuzz/build.sh:
// `swift build --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address
// -Xswiftc -DQB_FUZZ --product qbrief` in .build/fuzz-cli). QB_FUZZ_TARGET picks what the
// input is:
//   yaml     a report definition, read as `qbrief report --template FILE` reads it
//            (ReportDefinition.load: YAML, nesting, duplicate keys, types, problems()); when
//            accepted, the briefing is composed (as a draft) over the sample register; the same
//            text is also read as a --programmes file
//   options  command-line arguments separated by NUL bytes, parsed and validated exactly as
//            qbrief does (QBrief.parseAsRoot: ArgumentParser, every validate(), problems())
// Besides not crashing: validation ends in exit 0 (help, version) or 64 (usage), never 1 or
// 70; every definition problem prints on one line; flags that pass validation give a definition
// the library accepts too. The run needs the repository root as working directory (Fuzz/run.sh).
import ArgumentParser
import Foundation
import QualityBrief

private let target = ProcessInfo.processInfo.environment["QB_FUZZ_TARGET"] ?? "yaml"
private let scratch: URL = {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qbrief-cli-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}()
/// The sample register, read once, that accepted definitions are composed over.
private let sampleRegister: Register = {
    do { return try Register.load(urls: [URL(fileURLWithPath: "Reports/sample/awards.csv")]) } catch {
        fatalError("run the CLI fuzzer from the repository root (cannot read Reports/sample/awards.csv: \(error))")
    }
}()

private func requireOneLine(_ problems: [DefinitionProblem], _ what: String) {
    for p in problems where p.description.contains(where: { $0 == "\n" || $0 == "\r" }) {
        fatalError("\(what): a problem spans lines: \(p.description.debugDescription)")
    }
}

private func requireOneLine(_ error: QualityBriefError, _ what: String) {
    switch error {
    case .invalidDefinition(let problems), .unfinishedDefinition(let problems): requireOneLine(problems, what)
    case .badDefinition:
        if error.description.contains(where: { $0 == "\n" || $0 == "\r" }) { fatalError("\(what): message spans lines: \(error.description.debugDescription)") }
    default: break
    }
}

private func fuzzDefinition(_ bytes: Data) {
    let url = scratch.appendingPathComponent("definition.yaml")
    do { try bytes.write(to: url) } catch { fatalError("cannot write \(url.path): \(error)") }
    do {
        var definition = try ReportDefinition.load(url)
        let again = definition.problems()
        if !again.isEmpty { fatalError("an accepted definition has problems: \(again.map(\.description))") }
        requireOneLine(definition.placeholderProblems(), "placeholders")
        _ = try? definition.homeProvinceRegion()
        definition.draft = true
        do { _ = try Briefing(register: sampleRegister, definition: definition).document() } catch let e as QualityBriefError {
            requireOneLine(e, "composing")
        }
    } catch let e as QualityBriefError {
        requireOneLine(e, "reading")
    } catch {
        fatalError("reading or composing the definition threw \(type(of: error)), not QualityBriefError: \(error)")
    }
    do { _ = try ProgrammesFile.catalog(adding: [url]) } catch let e as QualityBriefError {
        requireOneLine(e, "programmes file")
    } catch {
        fatalError("ProgrammesFile.catalog threw \(type(of: error)), not QualityBriefError: \(error)")
    }
}

private func fuzzOptions(_ bytes: Data) {
    let arguments = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let command: any ParsableCommand
    do { command = try QBrief.parseAsRoot(arguments) } catch {
        let code = QBrief.exitCode(for: error).rawValue
        if code != 0 && code != 64 {
            fatalError("validation of \(arguments) ended in exit \(code), not 0 or 64: \(QBrief.message(for: error))")
        }
        _ = QBrief.fullMessage(for: error)
        return
    }
    if let report = command as? Report {
        // What passed validation must pass the library's checks once laid over the template.
        let template = URL(fileURLWithPath: report.template ?? "Reports/templates/briefing.yaml")
        guard var definition = try? ReportDefinition.load(template) else { return }
        let overridden = report.applyFlags(to: &definition)
        let left = definition.problems().filter { overridden.contains($0.key) }
        if !left.isEmpty { fatalError("flags \(arguments) passed validation but the definition has: \(left.map(\.description))") }
        _ = try? report.filters.filter(programmes: try? report.input.loadOptions().programmes)
    } else if let stats = command as? Stats {
        _ = try? stats.filter()
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func qbriefCLIFuzzOne(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Data(bytes: start, count: count)
    switch target {
    case "yaml": fuzzDefinition(bytes)
    case "options": fuzzOptions(bytes)
    default: fatalError("QB_FUZZ_TARGET must be yaml or options for this binary; got \(target)")
    }
    return 0
}
#endif
