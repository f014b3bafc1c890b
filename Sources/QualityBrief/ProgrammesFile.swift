import BriefModel
import Foundation
import Yams

/// A programmes file: award programmes another province (or a city) adds to the shipped
/// Jiangsu catalog. YAML:
///
/// ```yaml
/// programmes:
///   - id: zjgqa
///     name: 浙江省人民政府质量奖
///     level: provincial          # national | provincial | city | county
///     region: "330000"           # GB/T 2260 code of the awarding government (optional)
///     aliases: [浙江省政府质量奖]  # other names registers write (optional)
///     former_names:              # earlier names and their last year (optional)
///       - {name: 浙江省质量奖, until: 2012}
/// ```
///
/// `rank` may be given; it defaults to the level's (national 0 … county 3), and counts list
/// programmes by rank.
public enum ProgrammesFile {
    struct FileBody: Decodable {
        var programmes: [Item]
    }

    struct Item: Decodable {
        var id: String
        var name: String
        var level: ProgrammeLevel
        var rank: Int?
        var region: String?
        var aliases: [String]?
        var formerNames: [Former]?

        enum CodingKeys: String, CodingKey {
            case id, name, level, rank, region, aliases
            case formerNames = "former_names"
        }
    }

    struct Former: Decodable {
        var name: String
        var until: Int?
    }

    /// The entries of the file at `url`; throws `QualityBriefError.fileNotFound` when there is
    /// none, else `QualityBriefError.badDefinition` naming the file and what is wrong.
    public static func entries(at url: URL) throws -> [ProgrammeCatalog.Entry] {
        let file = url.path
        if !FileManager.default.fileExists(atPath: file) { throw QualityBriefError.fileNotFound(path: file) }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw QualityBriefError.badDefinition(file: file, message: "cannot read the programmes file: \(error.localizedDescription)")
        }
        let body: FileBody
        do { body = try YAMLDecoder().decode(FileBody.self, from: text) } catch let error as DecodingError {
            throw QualityBriefError.badDefinition(file: file, message: "not a programmes file: " + describe(error))
        } catch {
            throw QualityBriefError.badDefinition(file: file, message: "not a programmes file: \(error)")
        }
        return body.programmes.map { item in
            ProgrammeCatalog.Entry(
                programme: Programme(id: item.id, name: TextNormalizer.trim(item.name), rank: item.rank ?? item.level.rank, level: item.level),
                aliases: item.aliases ?? [],
                formerNames: (item.formerNames ?? []).map { ProgrammeCatalog.FormerName(name: $0.name, until: $0.until) },
                region: item.region)
        }
    }

    /// `catalog` with the programmes of the files added in order.
    public static func catalog(adding urls: [URL], to catalog: ProgrammeCatalog = .jiangsu) throws -> ProgrammeCatalog {
        var c = catalog
        for url in urls {
            let more = try entries(at: url)
            do { c = try c.adding(more) } catch {
                throw QualityBriefError.badDefinition(file: url.path, message: "\(error)")
            }
        }
        return c
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let c): return "\(path(c)): missing “\(key.stringValue)”"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(path(c)): \(c.debugDescription)"
        case .dataCorrupted(let c):
            let where_ = path(c)
            if where_.hasSuffix("level") { return "\(where_): expected national, provincial, city or county" }
            return (where_.isEmpty ? "" : where_ + ": ") + c.debugDescription
        @unknown default: return "\(error)"
        }
    }
}
