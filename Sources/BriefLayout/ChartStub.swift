import BriefDocument
// TEMPORARY stub until the charts branch lands.
public enum ChartLayout {
    public static func items(for spec: ChartSpec, in frame: Rect, styles: StyleSheet, measurer: some TextMeasuring) -> [PageItem] { [] }
}
