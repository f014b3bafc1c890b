import BriefDocument
import BriefLayout
import Testing

struct ChartScaleTests {
    private func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { Swift.abs($0 - $1) < 1e-9 }
    }

    // Worked by hand: range rounded up to a nice number, divided by 4, rounded to 1/2/5.
    @Test func countsBelowFiveUseWholeSteps() {
        // nice(3) = 5, 5/4 = 1.25 → 1; counts: step ≥ 1.
        let s = NiceScale(min: 0, max: 3, integer: true)
        #expect(close(s.ticks, [0, 1, 2, 3]))
        #expect(s.fractionDigits == 0)
        #expect(close(NiceScale(min: 0, max: 1, integer: true).ticks, [0, 1]))
        #expect(close(NiceScale(min: 0, max: 2, integer: true).ticks, [0, 1, 2]))
    }

    @Test func typicalMaxima() {
        // nice(62) = 100, 25 → 20: 0…80.
        #expect(close(NiceScale(min: 0, max: 62, integer: true).ticks, [0, 20, 40, 60, 80]))
        // nice(100) = 100, 25 → 20: 0…100 (max exactly on a tick is not pushed up).
        #expect(close(NiceScale(min: 0, max: 100).ticks, [0, 20, 40, 60, 80, 100]))
        // nice(7) = 10, 2.5 → 2: 0…8.
        #expect(close(NiceScale(min: 0, max: 7, integer: true).ticks, [0, 2, 4, 6, 8]))
        // nice(1234) = 2000, 500 → 5×100: 0…1500.
        #expect(close(NiceScale(min: 0, max: 1234).ticks, [0, 500, 1000, 1500]))
        // nice(13) = 20, 5 → 5: 0…15.
        #expect(close(NiceScale(min: 0, max: 13, integer: true).ticks, [0, 5, 10, 15]))
    }

    @Test func fractionsWhenNotCounts() {
        // nice(0.8) = 1, 0.25 → 0.2: 0, 0.2, … 0.8.
        let s = NiceScale(min: 0, max: 0.8)
        #expect(close(s.ticks, [0, 0.2, 0.4, 0.6, 0.8]))
        #expect(s.fractionDigits == 1)
        // The same maximum as counts: step 1.
        #expect(close(NiceScale(min: 0, max: 0.8, integer: true).ticks, [0, 1]))
    }

    @Test func degenerateInput() {
        #expect(close(NiceScale(min: 0, max: 0).ticks, [0, 0.2, 0.4, 0.6, 0.8, 1.0]))
        #expect(close(NiceScale(min: 0, max: 0, integer: true).ticks, [0, 1]))
        #expect(close(NiceScale(min: 0, max: .nan, integer: true).ticks, [0, 1]))
        let neg = NiceScale(min: -3, max: 7, integer: true)  // nice(10)=10, 2.5 → 2
        #expect(close(neg.ticks, [-4, -2, 0, 2, 4, 6, 8]))
    }

    @Test func maxTickCoversData() {
        for max in [0.3, 1, 4, 9, 11, 19, 21, 49, 51, 99, 101, 999, 1001, 12345] {
            let s = NiceScale(min: 0, max: max)
            #expect(s.upper >= max)
            #expect(s.ticks.count >= 2 && s.ticks.count <= 11)
            let c = NiceScale(min: 0, max: max, integer: true)
            #expect(c.upper >= max)
            #expect(c.step == c.step.rounded())
        }
    }

    @Test func paletteIsDistinctInGreyscale() {
        let colors = ChartPalette.colors
        #expect(colors.count >= 6)
        // First colour: a deep red close to the official red.
        #expect(colors[0].red > 0.6 && colors[0].green < 0.15 && colors[0].blue < 0.15)
        for i in colors.indices {
            for j in colors.indices where j > i {
                #expect(Swift.abs(ChartPalette.luma(colors[i]) - ChartPalette.luma(colors[j])) >= 0.07,
                        "colours \(i) and \(j) look alike in greyscale")
            }
        }
        #expect(ChartPalette.color(colors.count) == colors[0])
    }
}
