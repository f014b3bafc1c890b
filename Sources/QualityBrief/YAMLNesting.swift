import Foundation
import Yams

/// Helpers that keep YAML report definitions from crashing the reader and locate their
/// problems: a nesting bound checked on the text before Yams (whose composer recurses once
/// per level and overflows the stack a few thousand levels down), YAML errors as message and
/// position, and the node a coding path names.
enum YAMLNesting {
    /// The position (1-based line and column) where the text's nesting first exceeds
    /// `limit`, or nil. The count is an upper bound on the depth of the node tree: the
    /// indentation levels open at a line, plus compact `- ` / `? ` entries on it, plus the
    /// `[` / `{` open outside quotes and comments.
    static func firstBeyond(_ limit: Int, in text: String) -> (line: Int, column: Int)? {
        var indents: [Int] = []
        var flow = 0
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Array(rawLine.unicodeScalars)
            var i = 0
            while i < line.count && (line[i] == " " || line[i] == "\t") { i += 1 }
            if i == line.count || line[i] == "#" || line[i] == "\r" { continue }
            if flow == 0 {
                while let top = indents.last, top >= i { indents.removeLast() }
                indents.append(i)
            }
            var compact = 0
            var quote: Unicode.Scalar?
            var column = i
            while column < line.count {
                let c = line[column]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "'" || c == "\"" {
                    quote = c
                } else if c == "#" && (column == 0 || line[column - 1] == " ") {
                    break
                } else if c == "[" || c == "{" {
                    flow += 1
                } else if c == "]" || c == "}" {
                    flow = max(0, flow - 1)
                } else if (c == "-" || c == "?") && flow == 0 && (column + 1 == line.count || line[column + 1] == " ")
                            && line[i..<column].allSatisfy({ $0 == " " || $0 == "-" || $0 == "?" }) {
                    compact += 1
                }
                if indents.count + compact + flow > limit { return (lineNumber, column + 1) }
                column += 1
            }
        }
        return nil
    }

    /// A YAML error's problem and position.
    static func describe(_ error: YamlError) -> (String, (line: Int, column: Int)?) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return ((context.map { "\($0.text) " } ?? "") + problem, (mark.line, mark.column))
        case let .reader(problem, offset, _, yaml):
            guard let offset else { return (problem, nil) }
            let before = yaml.utf8.prefix(offset)
            let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = String(decoding: before.reversed().prefix { $0 != UInt8(ascii: "\n") }.reversed(), as: UTF8.self).unicodeScalars.count + 1
            return (problem, (line, column))
        default:
            return ("\(error)", nil)
        }
    }

    /// The first key given twice in one mapping (YAML decoders keep one silently), with the
    /// positions of both; the tree is at most `DefinitionLimits.yamlNesting` deep here.
    static func firstDuplicateKey(in node: Node, prefix: String = "") -> (key: String, first: Mark, second: Mark)? {
        if let mapping = node.mapping {
            var seen: [String: Mark] = [:]
            for (key, value) in mapping {
                guard let name = key.string, let mark = key.mark else { continue }
                if let first = seen[name] { return (prefix + name, first, mark) }
                seen[name] = mark
                if let found = firstDuplicateKey(in: value, prefix: prefix + name + ".") { return found }
            }
        } else if let sequence = node.sequence {
            for item in sequence {
                if let found = firstDuplicateKey(in: item, prefix: prefix) { return found }
            }
        }
        return nil
    }

    /// The node at `path` (mapping keys, sequence indexes), or the deepest node found on it.
    static func node(at path: [any CodingKey], in root: Node?) -> Node? {
        var node = root
        for key in path {
            guard let current = node else { return nil }
            if let index = key.intValue, let sequence = current.sequence, index < sequence.count {
                node = sequence[index]
            } else if let next = current[key.stringValue] {
                node = next
            } else {
                return current
            }
        }
        return node
    }
}
