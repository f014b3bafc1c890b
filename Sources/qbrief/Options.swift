import ArgumentParser
import Foundation
import QualityBrief

/// Input files shared by every command that reads a register, and how to read them.
struct DataOptions: ParsableArguments {
    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Register files: CSV (UTF-8, UTF-16 or GBK), XLSX, XLS (Excel 97–2003, WPS .et) or JSON; repeat or list several.", valueName: "file"))
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("Encoding of CSV files: utf8 | gbk | gb18030 | utf16 (default: detected).", valueName: "name"))
    var encoding: String?

    @Option(name: .long, help: ArgumentHelp("Worksheet of XLSX and XLS files (default: the first).", valueName: "name"))
    var sheet: String?

    @Option(name: .long, help: ArgumentHelp(
        "Extra header names, e.g. 单位=recipient,届次=year (columns: recipient, programme, level, year, sector_code, region_code, credit_code, recipient_type, id, note); or a file with one HEADER=COLUMN a line.",
        valueName: "mapping"))
    var columns: String?

    @Option(name: .long, help: ArgumentHelp(
        "Province whose cities are listed (default 江苏省; a briefing's YAML key home_province). Rows elsewhere are noted and counted as 省外.",
        valueName: "name"))
    var homeProvince: String?
    @Option(name: .long, help: ArgumentHelp(
        "Award programmes to add to the shipped Jiangsu ones (another province's, a city's): a YAML file; repeat for several. See Reports/programmes-zhejiang.yaml.",
        valueName: "file"))
    var programmes: [String] = []

    func validate() throws {
        if data.isEmpty { throw ValidationError("give at least one register with --data FILE") }
        if let sheet {
            for path in data where !Self.workbookExtensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased()) {
                printError("\(path): warning: --sheet \(sheet) applies to XLSX and XLS workbooks; ignored for this file")
            }
        }
        for path in data where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such file: \(path)")
        }
        _ = try loadOptions()
    }

    var urls: [URL] { data.map { URL(fileURLWithPath: $0) } }

    /// Extensions of the workbooks `--sheet` applies to (as the register reader reads them).
    static let workbookExtensions: Set<String> = ["xlsx", "xlsm", "xls", "et"]

    /// Bytes a `--columns` mapping file may have.
    static let columnsFileSize = 1 << 20

    /// The loader options the flags ask for.
    func loadOptions() throws -> LoadOptions {
        var options = LoadOptions()
        if let encoding {
            guard let e = TextEncoding(name: encoding) else {
                throw ValidationError("unknown encoding “\(encoding)”; expected utf8, gbk, gb18030 or utf16")
            }
            options.encoding = e
        }
        options.sheet = sheet
        if let homeProvince {
            do { options.homeProvinceCode = try ReportDefinition.province(named: homeProvince).code } catch {
                throw ValidationError("--home-province \(error)")
            }
        }
        for path in programmes {
            try PathFlag.check(path, flag: "--programmes", expected: "a YAML programmes file such as Reports/programmes-zhejiang.yaml",
                               maxBytes: DefinitionLimits.fileSize)
        }
        if !programmes.isEmpty {
            do { options.programmes = try ProgrammesFile.catalog(adding: programmes.map { URL(fileURLWithPath: $0) }) } catch {
                throw ValidationError("\(error)")
            }
        }
        if let columns {
            var text = columns
            if !columns.contains("=") {
                // Not HEADER=COLUMN pairs, so a file of them: a path that is not one is named as such.
                try PathFlag.check(columns, flag: "--columns", expected: "HEADER=COLUMN pairs such as 单位=recipient,届次=year, or a file of them",
                                   maxBytes: Self.columnsFileSize)
                do { text = try String(contentsOfFile: columns, encoding: .utf8) } catch {
                    throw ValidationError("--columns \(columns): the file is not UTF-8 text; expected one HEADER=COLUMN a line")
                }
            }
            do { options.columnMapping = try LoadOptions.parseColumnMapping(text) } catch {
                throw ValidationError("--columns: \(error)")
            }
        }
        return options
    }

    /// Every file read into one dataset, errors and all (for `validate`).
    func dataset() throws -> Dataset {
        DatasetLoader.load(urls, options: try loadOptions())
    }

    /// The register, refused with `QualityBriefError.invalidData` when any row has an error.
    /// Large plain CSV is read into columns (see `Register`); warnings are summarised on
    /// standard error, the first `shown` of them spelt out.
    func register(showingWarnings shown: Int = 10) throws -> Register {
        let register = try Register.load(urls: urls, options: try loadOptions())
        if register.warningCount > 0 {
            for d in register.diagnostics.prefix(shown) { printError(d.description) }
            printError("qbrief: \(register.problemSummary)" + (register.warningCount > shown ? "; run `qbrief validate` to list them" : ""))
        }
        return register
    }
}

/// Which records to count: year range, programme, region.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("from"), parsing: .unconditional, help: "First year to include (1900–2200).")
    var fromYear: Int?
    @Option(name: .customLong("to"), parsing: .unconditional, help: "Last year to include (1900–2200).")
    var toYear: Int?
    @Option(name: .long, help: "Only this programme: 中国质量奖, 江苏省省长质量奖 (江苏省质量奖), 市长质量奖, 县级市市长质量奖, one from --programmes, or its id (cqa / jsgqa / mayor / county-mayor).")
    var programme: [String] = []
    @Option(name: .long, help: "Only this city (code or name, e.g. 320500 or 苏州).")
    var region: [String] = []
    @Option(name: .long, help: "Only awards or only nominations: award | nomination.")
    var level: AwardLevel?

    /// Years a filter may name.
    static let years = 1900...2200

    func validate() throws {
        for (flag, value) in [("--from", fromYear), ("--to", toYear)] {
            if let value, !Self.years.contains(value) {
                throw ValidationError("\(flag) \(value) is out of range: give a year between \(Self.years.lowerBound) and \(Self.years.upperBound)")
            }
        }
        if let f = fromYear, let t = toYear, f > t { throw ValidationError("--from \(f) is after --to \(t)") }
        // Programmes are checked when the register's catalog is known (--programmes).
        _ = try filter(programmes: nil)
    }

    /// The filter; `--programme` is read against `programmes` (not checked when nil).
    func filter(programmes: ProgrammeCatalog? = .jiangsu) throws -> RecordFilter {
        var f = RecordFilter()
        if fromYear != nil || toYear != nil { f.years = (fromYear ?? Self.years.lowerBound)...(toYear ?? Self.years.upperBound) }
        if !programme.isEmpty, let programmes {
            f.programmeIDs = Set(try programme.map { text in
                guard let p = programmes.resolve(text) else {
                    throw ValidationError("unknown programme “\(text)”; known: " + programmes.programmes.map(\.name).joined(separator: "、"))
                }
                return p.programme.id
            })
        }
        if !region.isEmpty {
            f.cityCodes = Set(try region.map { text in
                switch RegionCatalog.resolve(text) {
                case .found(let r):
                    guard let city = RegionCatalog.prefecture(of: r.code) else {
                        throw ValidationError("“\(text)” is a province; give a city")
                    }
                    return city.code
                case .ambiguous(let rs):
                    throw ValidationError("“\(text)” is ambiguous: " + rs.map { "\($0.code) \($0.name)" }.joined(separator: ", "))
                case .notFound:
                    throw ValidationError("unknown region “\(text)”")
                }
            })
        }
        if let level { f.levels = [level] }
        return f
    }
}

extension AwardLevel: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension LayoutKind: ExpressibleByArgument {}

/// Prints to standard error.
func printError(_ message: String) {
    var stderr = StandardError()
    print(message, to: &stderr)
}

/// Standard error through plain `write(2)`: a closed or full standard error loses the message
/// but never stops the command (FileHandle's write traps on EPIPE once SIGPIPE is ignored).
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { _ = StandardOutput.writeAll(Data(string.utf8), to: STDERR_FILENO) }
}

/// Exit codes of `sysexits.h`.
enum Exit {
    static let badData = ExitCode(65)
    static let software = ExitCode(70)
    static let cantCreate = ExitCode(73)
}

/// Runs `body`, turning library errors into a message and an exit code: 64 for a definition,
/// file name or output name that cannot be used, 65 for bad data or an unfinished definition,
/// 70 when laying out, rendering or writing fails. Any other error (never expected) is 70 too,
/// never exit 1. The library's messages name no flags; the advice that does is added here.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as QualityBriefError {
        switch e {
        case .badDefinition, .invalidDefinition:
            printError(e.description)  // each line is FILE[:LINE:COLUMN]: error: …
        case .unfinishedDefinition:
            printError(e.description)
            printError("(a briefing with placeholders can be previewed with --draft, or `draft: true`: every page is then marked 草稿)")
        case .invalidData:
            let lines = e.description.split(separator: "\n", maxSplits: 1)
            printError("qbrief: error: \(lines[0]); run `qbrief validate` to see them all" + (lines.count > 1 ? "\n\(lines[1])" : ""))
        case .unsafeOutput(let m) where m.hasSuffix("only regular files are written"):
            printError("qbrief: error: \(m) (use --out - for standard output)")
        default:
            printError("qbrief: error: \(e)")
        }
        throw exitCode(for: e)
    } catch let e as ExitCode {
        throw e
    } catch let e as CleanExit {
        throw e
    } catch let e as ValidationError {
        throw e
    } catch {
        printError("qbrief: error: \(error)")
        throw Exit.software
    }
}

/// The exit status for a library error: it follows from the error's case alone.
func exitCode(for error: QualityBriefError) -> ExitCode {
    switch error {
    case .invalidData, .emptySelection, .unfinishedDefinition: return Exit.badData
    case .badDefinition, .invalidDefinition, .unsafeOutput, .fileNotFound: return ExitCode.validationFailure
    // A document the CLI composed that cannot be drawn is a fault of the program, not the data.
    case .invalidSpec, .layout, .render, .io, .missingResource: return Exit.software
    }
}
