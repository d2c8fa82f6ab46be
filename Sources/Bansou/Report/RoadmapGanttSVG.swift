/// The roadmap as a Gantt chart by month: one numbered row per task (the numbers match
/// the task table), bars patterned by where the task came from, so the chart reads in
/// black-and-white print.
struct RoadmapGanttSVG {
    struct Bar {
        let number: Int
        let title: String
        let start: YearMonth
        let months: Int
        let kind: RoadmapTask.Kind
        var status: TaskStatus = .planned
    }

    let start: YearMonth
    let monthCount: Int
    let bars: [Bar]
    /// The month of the report's date: a marker line, so late bars read as late.
    var today: YearMonth? = nil

    static let width = 680.0

    static func kindLabel(_ kind: RoadmapTask.Kind) -> String {
        switch kind {
        case .quickWin: return "身近な成功体験"
        case .levelUp: return "業務のレベルアップ"
        case .bpo: return "外部委託の検討"
        case .policy: return "支援制度の活用"
        case .training: return "人材育成"
        case .explicit: return "ご一緒に決めた取組"
        }
    }

    static func fill(_ kind: RoadmapTask.Kind, prefix: String) -> String {
        switch kind {
        case .quickWin: return "#1d2733"
        case .levelUp: return "url(#\(prefix)-hatch)"
        case .bpo: return "url(#\(prefix)-dots)"
        case .training: return "url(#\(prefix)-lines)"
        case .policy: return "#ffffff"
        case .explicit: return "url(#\(prefix)-cross)"
        }
    }

    func render() -> String {
        let labelWidth = 244.0, left = 252.0, right = Self.width - 4
        let months = max(monthCount, 1)
        let unit = (right - left) / Double(months)
        let top = 40.0, rowHeight = 28.0, barHeight = 14.0
        let bottom = top + Double(bars.count) * rowHeight
        let kinds = RoadmapTask.Kind.allCases.filter { kind in bars.contains { $0.kind == kind } }
        let legendRows = (kinds.count + 2) / 3
        let height = bottom + 14 + Double(legendRows) * 18
        let end = start.adding(months: months - 1)
        let desc = "\(start.japanese)から\(end.japanese)までの\(months)か月。" + bars.map { bar in
            "\(bar.number). \(bar.title)：\(bar.start.japanese)から\(bar.months)か月（\(Self.kindLabel(bar.kind))、\(bar.status.label)）"
        }.joined(separator: "、")
        var svg = SVG.open(id: "roadmap-gantt", width: Self.width, height: height, title: "ロードマップ（月別の工程表）", description: desc)
        svg += SVG.patterns(prefix: "gt")
        // Zebra rows for the eye, then month grid lines.
        for i in bars.indices where i % 2 == 1 {
            svg += "<rect x=\"0\" y=\"\(SVG.n(top + Double(i) * rowHeight))\" width=\"\(SVG.n(Self.width))\" height=\"\(SVG.n(rowHeight))\" fill=\"#f1f4f6\"/>"
        }
        var yearStartX = left
        for m in 0..<months {
            let month = start.adding(months: m)
            let x = left + Double(m) * unit
            let isYearStart = month.month == 1 || m == 0
            svg += "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(isYearStart ? 4 : top - 16))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(bottom))\" stroke=\"\(isYearStart ? "#1d2733" : "#c9d1d7")\" stroke-width=\"\(isYearStart ? 1 : 0.6)\"/>"
            svg += SVG.text("\(month.month)", x: x + unit / 2, y: top - 6, size: 9.5, anchor: "middle")
            if isYearStart {
                yearStartX = x
                // The year label needs about 36 px: skip it when the year ends sooner.
                let remaining = Double(12 - month.month + 1) * unit
                if remaining >= 40 {
                    svg += SVG.text("\(month.year)年", x: yearStartX + 3, y: 16, size: 10.5, weight: "700")
                } else if m == 0 {
                    // Too few months left in the first year: name it left of the grid.
                    svg += SVG.text("\(month.year)年 →", x: left - 4, y: 16, size: 10.5, anchor: "end", weight: "700")
                }
            }
        }
        svg += "<line x1=\"\(SVG.n(right))\" y1=\"\(SVG.n(top - 16))\" x2=\"\(SVG.n(right))\" y2=\"\(SVG.n(bottom))\" stroke=\"#c9d1d7\" stroke-width=\"0.6\"/>"
        svg += "<line x1=\"0\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(Self.width))\" y2=\"\(SVG.n(top))\" stroke=\"#1d2733\" stroke-width=\"1\"/>"
        svg += SVG.text("タスク", x: 4, y: top - 6, size: 10, weight: "700")
        for (i, bar) in bars.enumerated() {
            let rowTop = top + Double(i) * rowHeight
            let label = "\(bar.number). \(bar.title)"
            let lines = SVG.wrap(label, maxWidth: labelWidth - 6, size: 10.5, maxLines: 2)
            let textY = rowTop + rowHeight / 2 + 4 - Double(lines.count - 1) * 6
            svg += SVG.text(lines, x: 4, y: textY, size: 10.5, lineHeight: 12)
            let offset = max(start.months(until: bar.start), 0)
            let visibleEnd = min(start.months(until: bar.start) + bar.months, months)
            guard visibleEnd > offset else { continue }
            let x = left + Double(offset) * unit + 1.5
            let w = Double(visibleEnd - offset) * unit - 3
            let y = rowTop + (rowHeight - barHeight) / 2
            let faded = bar.status == .done || bar.status == .dropped ? " opacity=\"0.35\"" : ""
            svg += "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(w))\" height=\"\(SVG.n(barHeight))\" rx=\"2\" fill=\"\(Self.fill(bar.kind, prefix: "gt"))\" stroke=\"#1d2733\" stroke-width=\"\(bar.kind == .policy ? 2 : 1)\"\(faded)/>"
            if bar.status == .overdue || bar.status == .done || bar.status == .doing {
                // The status in words beside the bar: colour alone does not survive a grey printer.
                let inside = x + w + 4 + 30 > right
                svg += SVG.text(bar.status.label, x: inside ? x + w - 3 : x + w + 4, y: y + barHeight - 3, size: 9.5,
                                anchor: inside ? "end" : "start", weight: "700", fill: bar.status == .overdue ? "#b3261e" : "#1d2733")
            }
            if bar.kind == .policy {
                // A milestone diamond at the end: the date the tool is reached.
                let mx = x + w, my = y + barHeight / 2
                svg += "<path d=\"M\(SVG.n(mx)) \(SVG.n(my - 6)) L\(SVG.n(mx + 6)) \(SVG.n(my)) L\(SVG.n(mx)) \(SVG.n(my + 6)) L\(SVG.n(mx - 6)) \(SVG.n(my)) Z\" fill=\"#1d2733\"/>"
            }
        }
        if let today, start.months(until: today) >= 0, start.months(until: today) < months {
            let x = left + Double(start.months(until: today)) * unit + unit / 2
            svg += "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(bottom))\" stroke=\"#b3261e\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\"/>"
            svg += SVG.text("今日", x: x, y: top - 20, size: 9, anchor: "middle", fill: "#b3261e")
        }
        svg += "<line x1=\"0\" y1=\"\(SVG.n(bottom))\" x2=\"\(SVG.n(Self.width))\" y2=\"\(SVG.n(bottom))\" stroke=\"#1d2733\" stroke-width=\"1\"/>"
        for (i, kind) in kinds.enumerated() {
            let x = 4 + Double(i % 3) * 226
            let y = bottom + 16 + Double(i / 3) * 18
            svg += "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(y - 9))\" width=\"24\" height=\"11\" rx=\"2\" fill=\"\(Self.fill(kind, prefix: "gt"))\" stroke=\"#1d2733\" stroke-width=\"\(kind == .policy ? 2 : 1)\"/>"
            svg += SVG.text(Self.kindLabel(kind), x: x + 30, y: y, size: 10)
        }
        svg += "</svg>"
        return svg
    }
}
