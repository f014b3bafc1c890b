import BriefCairo
import Foundation

/// Where a render may write, decided before anything is drawn.
///
/// - Only regular files are written: a directory, device, FIFO or socket at the target is
///   refused.
/// - A symbolic link is followed: the file it points to is replaced (atomically, through a
///   temporary file beside it) and the link stays a link.
/// - An input of the same run (compared by device and inode, so also through links and other
///   spellings of the path) is never written over; for PNG and SVG neither is any input named
///   like a page file (`stem-N.png`).
/// - A known extension (.pdf, .png, .svg, .docx) must agree with the format.
package enum OutputTarget {
    /// The file to write for `url` (the end of its chain of symbolic links), after the checks
    /// above; throws `QualityBriefError.unsafeOutput` with a one-line message otherwise.
    /// Temporary files of killed runs beside the target are removed on the way.
    public static func resolve(_ url: URL, format: OutputFormat, inputs: [URL]) throws -> URL {
        let given = url.path
        if given.isEmpty { throw QualityBriefError.unsafeOutput("the output name is empty; give a file name such as briefing.pdf") }
        if given.hasSuffix("/") { throw QualityBriefError.unsafeOutput("\(given) names a directory; give a file name such as \(given)briefing.pdf") }
        let target = try followLinks(url)
        var st = stat()
        let exists = lstat(target.path, &st) == 0
        if exists {
            let kind = st.st_mode & S_IFMT
            if kind == S_IFDIR { throw QualityBriefError.unsafeOutput("\(given) is a directory; give a file name inside it, such as \(given)/briefing.\(format.rawValue)") }
            if kind != S_IFREG {
                let what = kind == S_IFCHR || kind == S_IFBLK ? "a device" : kind == S_IFIFO ? "a FIFO" : kind == S_IFSOCK ? "a socket" : "not a regular file"
                throw QualityBriefError.unsafeOutput("\(given) is \(what); only regular files are written")
            }
        }
        let ext = target.pathExtension.lowercased()
        if let named = OutputFormat(rawValue: ext), named != format {
            throw QualityBriefError.unsafeOutput("\(given) ends in .\(ext) but the format is \(format.rawValue); name the file .\(format.rawValue) or choose the format \(ext)")
        }
        let directory = target.deletingLastPathComponent()
        var dirStat = stat()
        guard stat(directory.path, &dirStat) == 0, dirStat.st_mode & S_IFMT == S_IFDIR else {
            throw QualityBriefError.unsafeOutput("the folder of \(given), \(directory.path), does not exist")
        }
        let stem = target.deletingPathExtension().lastPathComponent
        for input in inputs {
            var s = stat()
            guard stat(input.path, &s) == 0 else { continue }
            let oneFile = format == .pdf || format == .docx
            if oneFile, exists, st.st_dev == s.st_dev, st.st_ino == s.st_ino {
                throw QualityBriefError.unsafeOutput("\(given) is the register \(input.path) read in this run; choose another output name")
            }
            if !oneFile, let real = try? followLinks(input), real.deletingLastPathComponent().standardizedFileURL.path == directory.standardizedFileURL.path,
               isPageName(real.lastPathComponent, stem: stem, ext: ext.isEmpty ? format.rawValue : target.pathExtension) {
                throw QualityBriefError.unsafeOutput("the pages of \(given) would overwrite the register \(input.path) read in this run; choose another output name")
            }
        }
        TemporaryFiles.removeStale(in: directory, prefix: CairoPageWriter.temporaryPrefix)
        return target
    }

    /// `stem-N.ext`.
    static func isPageName(_ name: String, stem: String, ext: String) -> Bool {
        guard name.hasPrefix(stem + "-"), name.hasSuffix("." + ext) else { return false }
        let middle = name.dropFirst(stem.count + 1).dropLast(ext.count + 1)
        return !middle.isEmpty && middle.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The end of the chain of symbolic links starting at `url` (relative links resolved
    /// against their folder); `url` itself when it is no link or does not exist.
    static func followLinks(_ url: URL) throws(QualityBriefError) -> URL {
        var current = url.standardizedFileURL
        for _ in 0..<40 {
            guard let dest = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { return current }
            current = (dest.hasPrefix("/") ? URL(fileURLWithPath: dest)
                       : current.deletingLastPathComponent().appendingPathComponent(dest)).standardizedFileURL
        }
        throw QualityBriefError.unsafeOutput("\(url.path): too many levels of symbolic links")
    }
}

/// Temporary files of renders (outputs under a temporary name, font subsets): what a program
/// removes when it is stopped, and what runs killed outright left behind.
public enum TemporaryCleanup {
    /// Removes every temporary file and folder of renders still in progress (call it from a
    /// SIGINT/SIGTERM handler before exiting); returns how many.
    @discardableResult
    public static func removeAll() -> Int { TemporaryFiles.removeAll() }

    /// A temporary file of the caller's own, removed by `removeAll()` until `forget(_:)`.
    /// Name it `.qbrief-tmp-PID-…` so that the next run removes it should this one be killed.
    public static func track(_ url: URL) { TemporaryFiles.add(url.path) }

    /// Stops tracking `url` (removed or kept on purpose).
    public static func forget(_ url: URL) { TemporaryFiles.forget(url.path) }

    /// Removes the font-subset folders (`qualitybrief-fonts-PID-…`) in the temporary
    /// directory whose process no longer runs; returns their paths.
    @discardableResult
    public static func removeStaleFontFolders() -> [String] {
        TemporaryFiles.removeStale(in: FileManager.default.temporaryDirectory, prefix: TemporaryFiles.fontFolderPrefix)
    }
}
