import BriefCairo
import BriefDocx
import BriefLayout

extension QualityBriefError {
    /// The public error for `error`, thrown while laying out, drawing or writing `path`:
    /// layout errors become `layout`, font and cairo failures `render`, failures to create,
    /// write or rename a file `io`. A `QualityBriefError` is returned as it is.
    static func writing(_ path: String, _ error: any Error) -> QualityBriefError {
        switch error {
        case let e as QualityBriefError:
            return e
        case let e as LayoutError:
            switch e {
            case let .tooLarge(what, page, height, available):
                return .layout(what: what, page: page, needed: height, available: available)
            }
        case let e as RenderError:
            switch e {
            case .fontConfiguration, .cairo, .writerClosed: return .render(path: path, message: e.description)
            case .cannotCreate, .io: return .io(path: path, reason: e.description)
            }
        case let e as DocxError:
            switch e {
            case .cannotCreate: return .io(path: path, reason: e.description)
            case .failed: return .render(path: path, message: e.description)
            }
        default:
            return .io(path: path, reason: "\(error)")
        }
    }

    /// The public error for a font library that could not be set up.
    static func fonts(_ error: any Error) -> QualityBriefError {
        .render(path: nil, message: "fonts: \(error)")
    }
}
