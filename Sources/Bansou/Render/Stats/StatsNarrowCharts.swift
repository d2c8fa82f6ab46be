import Foundation

/// The statistics page's charts as a phone draws them: `ChartSVG.narrowWidth` units wide, so
/// that no text is smaller than 12 px on a 390-px screen. Same numbers and links as the wide
/// drawings; labels go above bars instead of beside them.
extension StatsPage {
    static let narrowInk = "#1d2733", narrowSoft = "#4a5866"

    func narrowTransitions(_ m: [Int: [Int: Int]], title: String, label: String) -> String {
        let ids = stageIDs, W = ChartSVG.narrowWidth
        let top = Double(max(m.values.flatMap(\.values).max() ?? 1, 1))
        let left = 64.0, head = 48.0, cell = (W - left - 2) / Double(max(ids.count, 1))
        let legend = SVG.wrap(ids.map { "段階\($0) \(views.stageName($0))" }.joined(separator: "　"), maxWidth: W - 4, size: 12, maxLines: 4)
        let gridBottom = head + cell * Double(ids.count)
        var svg = ChartSVG.open(id: "chart-transitions-narrow", width: W, height: gridBottom + 10 + Double(legend.count) * 17, title: title, label: label)
        svg += ChartSVG.text("支援後 →", x: left, y: 16, size: 12, fill: Self.narrowSoft)
        svg += ChartSVG.text("支援前 ↓", x: 2, y: head - 6, size: 12, fill: Self.narrowSoft)
        for (j, a) in ids.enumerated() {
            svg += ChartSVG.text("段階\(a)", x: left + cell * (Double(j) + 0.5), y: head - 6, size: 13, anchor: "middle", weight: "700", fill: ChartSVG.stageInk[a] ?? Self.narrowInk)
        }
        for (i, b) in ids.enumerated() {
            let y = head + cell * Double(i)
            svg += ChartSVG.text("段階\(b)", x: 2, y: y + cell / 2 + 5, size: 13, weight: "700", fill: ChartSVG.stageInk[b] ?? Self.narrowInk)
            for (j, a) in ids.enumerated() {
                svg += transitionCell(m, from: b, to: a, x: left + cell * Double(j), y: y, cell: cell, top: top, numberSize: 18)
            }
        }
        svg += GuidanceDiagrams.lines(legend, x: 2, y: gridBottom + 20, size: 12, fill: Self.narrowSoft)
        return ChartSVG.close(svg)
    }

    /// The change-rate histogram turned on its side: one bar per bin, the bin's label on the left.
    func narrowOutcomes(_ counts: [Int], title: String, label: String) -> String {
        let W = ChartSVG.narrowWidth, rowH = 28.0
        let left = (Self.bins.map { ChartSVG.width($0.0, size: 12) }.max() ?? 80) + 10
        let top = Double(max(counts.max() ?? 1, 1)), barArea = W - left - 34
        let plotBottom = Double(counts.count) * rowH + 4
        var svg = ChartSVG.open(id: "chart-outcomes-narrow", width: W, height: plotBottom + 46, title: title, label: label)
        for (i, c) in counts.enumerated() {
            let y = 4 + rowH * Double(i), w = Double(c) / top * barArea
            svg += ChartSVG.text(Self.bins[i].0, x: left - 8, y: y + 18, size: 12, anchor: "end")
            svg += ChartSVG.rect(x: left, y: y + 5, w: max(w, 1), h: rowH - 10, fill: i < 4 ? "#0f7a55" : ChartSVG.brand, rx: 3)
            svg += ChartSVG.text(String(c), x: left + w + 6, y: y + 18, size: 13, weight: "700")
        }
        svg += ChartSVG.text("上4行: 減少（時間・コストの削減など）", x: 2, y: plotBottom + 18, size: 12, fill: "#0f7a55")
        svg += ChartSVG.text("下4行: 増加（売上・件数など）", x: 2, y: plotBottom + 38, size: 12, fill: ChartSVG.brand)
        return ChartSVG.close(svg)
    }

    /// Each stage as a group: its name on a line of its own, then the three bars.
    func narrowVersusNational(_ series: [(String, String, (Int) -> Double)], title: String, label: String) -> String {
        let W = ChartSVG.narrowWidth, barH = 17.0, plotW = W - 64
        let legendH = Double(series.count) * 19 + 6
        let groupH = 22 + Double(series.count) * barH + 12
        var svg = ChartSVG.open(id: "chart-national-narrow", width: W, height: legendH + groupH * Double(stageIDs.count), title: title, label: label)
        for (k, s) in series.enumerated() {
            let y = 4 + Double(k) * 19
            svg += ChartSVG.rect(x: 2, y: y + 2, w: 12, h: 12, fill: s.1, rx: 2) + ChartSVG.text(s.0, x: 20, y: y + 13, size: 12)
        }
        for (i, n) in stageIDs.enumerated() {
            let y = legendH + groupH * Double(i)
            svg += ChartSVG.text(stageLabel(n), x: 2, y: y + 16, size: 13, weight: "700", fill: ChartSVG.stageInk[n] ?? Self.narrowInk)
            for (k, s) in series.enumerated() {
                let v = s.2(n), w = v / 100 * plotW, by = y + 22 + Double(k) * barH
                svg += ChartSVG.rect(x: 2, y: by, w: max(w, 1), h: barH - 4, fill: s.1)
                svg += ChartSVG.text(ViewBuilder.number((v * 10).rounded() / 10) + "%", x: w + 8, y: by + 11, size: 12)
            }
        }
        return ChartSVG.close(svg)
    }
}
