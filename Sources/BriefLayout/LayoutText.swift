/// Text the layout writes on pages by itself, beyond the strings of the `Document`.
package enum LayoutText {
    /// Every character the layout can add: page numbers (— 12 —), 续表 captions, chart ticks
    /// and units, Chinese numerals, 附件/抄送/印发 lines of a memo, tile-map city names and 未选, the
    /// line breaker's ellipsis. Together with `Document.characterScalars()` this is all a
    /// rendered document can contain, which lets a renderer cut its fonts down before laying
    /// out. A test checks that every non-ASCII character in a string literal of BriefLayout
    /// is listed here, and that the sample documents lay out no character outside the two.
    public static let generatedCharacters: String =
        (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }.joined()
        + "·–—‘’“”…‰℃　、。〈〉《》「」『』【】〔〕〖〗〘〙〚〛！％（），．／：；？［］｛｝～"
        + "〇零一二三四五六七八九十百千万亿两负年月日第号页共份"
        + "续表合计附件抄送印发无数据江苏省市图项未选"
        + "南京无锡徐州常州苏州南通连云港淮安盐城扬州镇江泰州宿迁"

    /// `generatedCharacters` as ascending scalar values.
    public static var generatedScalars: [UInt32] {
        Array(Set(generatedCharacters.unicodeScalars.map(\.value))).sorted()
    }
}
