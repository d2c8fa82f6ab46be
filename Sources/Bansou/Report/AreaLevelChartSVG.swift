/// The level (1–4) of each business area as horizontal bars, in areas.yaml order, with
/// the level at the previous assessment as a thin bar beneath (what changed since the last
/// visit, in one chart). Areas below the company's stage are hatched; the areas to work on
/// next carry their next level as a dashed outline; a dashed vertical line marks the stage.
/// No meaning rests on colour.
struct AreaLevelChartSVG {
    struct Row {
        let name: String
        let level: Int?
        /// A weak area (spec, Stage diagnosis 5): the next level is drawn.
        let weak: Bool
        let nextLevel: Int?
        let indirect: Bool
        /// Below the company's stage: hatched and named so.
        var below: Bool = false
        /// The level at the previous assessment, when there was one.
        var previous: Int? = nil
    }

    let rows: [Row]
    let stage: Int?
    /// 「2025年10月」: the date of the previous assessment, for the legend.
    var previousLabel: String? = nil

    static let width = 680.0

    func render() -> String {
        let labelWidth = 150.0, left = 160.0, unit = 100.0, rowHeight = 24.0, top = 34.0, barHeight = 14.0
        let height = top + Double(rows.count) * rowHeight + 46
        let desc = rows.map { row -> String in
            guard let level = row.level else { return "\(row.name) 未評価" }
            var text = "\(row.name) レベル\(level)"
            if let previous = row.previous { text += "（前回 レベル\(previous)）" }
            if row.weak, let next = row.nextLevel { text += "（重点、次はレベル\(next)）" }
            return text
        }.joined(separator: "、") + (stage.map { "。会社の段階は\($0)" } ?? "")
        var svg = SVG.open(id: "area-chart", width: Self.width, height: height,
                           title: "業務領域ごとのデジタル化レベル", description: desc)
        svg += SVG.patterns(prefix: "ac")
        let bottom = top + Double(rows.count) * rowHeight
        for level in 1...4 {
            let x = left + Double(level) * unit
            svg += "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(top - 6))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(bottom))\" stroke=\"#b8c2ca\" stroke-width=\"0.8\"/>"
            svg += SVG.text("レベル\(level)", x: x, y: top - 12, size: 10, anchor: "middle")
        }
        svg += "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(top - 6))\" x2=\"\(SVG.n(left))\" y2=\"\(SVG.n(bottom))\" stroke=\"#1d2733\" stroke-width=\"1\"/>"
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight + (rowHeight - barHeight) / 2
            let labelLines = SVG.wrap(row.name, maxWidth: labelWidth - 4, size: 11, maxLines: 2)
            let labelY = y + barHeight / 2 + 4 - Double(labelLines.count - 1) * 6.5
            svg += SVG.text(labelLines, x: left - 8, y: labelY, size: 11, anchor: "end", lineHeight: 13)
            guard let level = row.level else {
                svg += SVG.text("未評価", x: left + 8, y: y + barHeight / 2 + 4, size: 10.5, fill: "#4a5866")
                continue
            }
            let w = Double(level) * unit
            if row.weak, let next = row.nextLevel, next > level {
                svg += "<rect x=\"\(SVG.n(left + w))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(Double(next - level) * unit))\" height=\"\(SVG.n(barHeight))\" fill=\"none\" stroke=\"#1d2733\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>"
            }
            let fill = row.below ? "url(#ac-hatch)" : "#4a5866"
            svg += "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y - 2))\" width=\"\(SVG.n(w))\" height=\"\(SVG.n(barHeight - 2))\" fill=\"\(fill)\" stroke=\"#1d2733\" stroke-width=\"1\"/>"
            if let previous = row.previous {
                svg += "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y + barHeight - 1))\" width=\"\(SVG.n(Double(previous) * unit))\" height=\"4\" fill=\"#ffffff\" stroke=\"#1d2733\" stroke-width=\"0.8\"/>"
            }
            // Short, so it fits beside or inside the bar; the legend explains hatching.
            var label = "\(level)"
            if let previous = row.previous, previous != level { label = "\(previous)→\(level)" }
            if row.weak, let next = row.nextLevel, next > level { label += "（次は\(next)）" }
            let end = left + (row.weak ? Double(max(row.nextLevel ?? level, level)) : Double(level)) * unit
            if end + 8 + SVG.width(label, size: 10.5) <= Self.width - 2 {
                svg += SVG.text(label, x: end + 9, y: y + barHeight / 2 + 4, size: 10.5, weight: row.weak ? "700" : nil)
            } else {
                // No room on the right (level 4): write it inside the bar on a white label.
                let tw = SVG.width(label, size: 10.5) + 8
                svg += "<rect x=\"\(SVG.n(end - tw - 4))\" y=\"\(SVG.n(y + 1.5))\" width=\"\(SVG.n(tw))\" height=\"\(SVG.n(barHeight - 3))\" fill=\"#fff\"/>"
                svg += SVG.text(label, x: end - 8, y: y + barHeight / 2 + 4, size: 10.5, anchor: "end", weight: row.weak ? "700" : nil)
            }
        }
        if let stage {
            let x = left + Double(stage) * unit
            svg += "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(top - 4))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(bottom + 4))\" stroke=\"#1d2733\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>"
            svg += SVG.text("会社の段階 \(stage)", x: x, y: bottom + 17, size: 10.5, anchor: "middle", weight: "700")
        }
        // Legend.
        let ly = height - 8
        svg += "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(ly - 9))\" width=\"18\" height=\"10\" fill=\"#4a5866\" stroke=\"#1d2733\"/>"
        svg += SVG.text("現在のレベル", x: left + 23, y: ly, size: 10)
        svg += "<rect x=\"\(SVG.n(left + 110))\" y=\"\(SVG.n(ly - 9))\" width=\"18\" height=\"10\" fill=\"url(#ac-hatch)\" stroke=\"#1d2733\"/>"
        svg += SVG.text("段階を下回る領域", x: left + 133, y: ly, size: 10)
        svg += "<rect x=\"\(SVG.n(left + 240))\" y=\"\(SVG.n(ly - 9))\" width=\"18\" height=\"10\" fill=\"none\" stroke=\"#1d2733\" stroke-dasharray=\"4 3\"/>"
        svg += SVG.text("次に目指すレベル", x: left + 263, y: ly, size: 10)
        if let previousLabel, rows.contains(where: { $0.previous != nil }) {
            svg += "<rect x=\"\(SVG.n(left + 370))\" y=\"\(SVG.n(ly - 6))\" width=\"18\" height=\"4\" fill=\"#ffffff\" stroke=\"#1d2733\" stroke-width=\"0.8\"/>"
            svg += SVG.text("前回（\(previousLabel)）", x: left + 393, y: ly, size: 10)
        }
        svg += "</svg>"
        return svg
    }
}
