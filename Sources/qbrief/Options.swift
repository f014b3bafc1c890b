import ArgumentParser
import Foundation
import QualityBrief

/// Input files shared by every command that reads a register.
struct DataOptions: ParsableArguments {
    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Register files (CSV in UTF-8, or JSON); repeat or list several.", valueName: "file"))
    var data: [String] = []

    func validate() throws {
        if data.isEmpty { throw ValidationError("give at least one register with --data FILE") }
        for path in data where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such file: \(path)")
        }
    }

    var urls: [URL] { data.map { URL(fileURLWithPath: $0) } }
}

/// Which records to count: year range, programme, region.
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("from"), help: "First year to include.")
    var fromYear: Int?
    @Option(name: .customLong("to"), help: "Last year to include.")
    var toYear: Int?
    @Option(name: .long, help: "Only this programme: 中国质量奖, 江苏省省长质量奖 (江苏省质量奖), 市长质量奖, or cqa / jsgqa / mayor.")
    var programme: [String] = []
    @Option(name: .long, help: "Only this city (code or name, e.g. 320500 or 苏州).")
    var region: [String] = []
    @Option(name: .long, help: "Only awards or only nominations: award | nomination.")
    var level: AwardLevel?

    func validate() throws {
        if let f = fromYear, let t = toYear, f > t { throw ValidationError("--from \(f) is after --to \(t)") }
        _ = try filter()
    }

    func filter() throws -> RecordFilter {
        var f = RecordFilter()
        if fromYear != nil || toYear != nil { f.years = (fromYear ?? 1900)...(toYear ?? 2200) }
        if !programme.isEmpty {
            f.programmeIDs = Set(try programme.map { text in
                guard let p = Programme.resolve(text) else {
                    throw ValidationError("unknown programme “\(text)”; known: " + Programme.all.map(\.name).joined(separator: "、"))
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

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}

/// Exit codes of `sysexits.h`.
enum Exit {
    static let badData = ExitCode(65)
    static let software = ExitCode(70)
    static let cantCreate = ExitCode(73)
}

/// Runs `body`, turning library errors into a message and an exit code.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as QualityBriefError {
        printError("qbrief: error: \(e)")
        switch e {
        case .invalidData, .emptySelection: throw Exit.badData
        case .badDefinition: throw ExitCode.validationFailure
        case .renderFailed, .missingResource: throw Exit.software
        }
    }
}
