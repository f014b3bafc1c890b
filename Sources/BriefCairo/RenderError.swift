import Foundation

/// Why fonts could not be set up or a page could not be written.
package enum RenderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The private fontconfig configuration, the font map or `roles.txt` is unusable.
    case fontConfiguration(String)
    /// An output file or its temporary could not be created.
    case cannotCreate(path: String, reason: String)
    /// Cairo reported an error status while drawing or writing.
    case cairo(String)
    /// A file operation (rename, remove) failed.
    case io(path: String, reason: String)
    /// The writer was used after `finish()` or after an earlier failure.
    case writerClosed

    public var description: String {
        switch self {
        case .fontConfiguration(let m): return "font configuration: \(m)"
        case .cannotCreate(let p, let r): return "cannot create \(p): \(r)"
        case .cairo(let m): return "cairo: \(m)"
        case .io(let p, let r): return "I/O error on \(p): \(r)"
        case .writerClosed: return "the page writer is already finished or failed"
        }
    }
}
