import Foundation

/// Output/site/stats/index.html: the portal's stories in numbers, each chart drawn by bansou
/// as inline SVG with a text alternative and a data table.
struct StatsPage {
    let views: ViewBuilder
    var library: Library { views.library }
    var guidance: Guidance { library.guidance }
    var stories: [CaseStudy] { library.published }
    let root = SiteLayout.root(of: SiteLayout.stats)

    func job() -> RenderJob {
        let path = SiteLayout.stats
        let view = StatsView(storyCount: stories.count,
                             charts: [transitions(), byIndustry(), byRegion(), outcomeChanges(), versusNational()],
                             surveySource: guidance.stages.source)
        return RenderJob(path: path, template: "stats",
                         context: views.context(path: path, title: "数字で見る事例", description: "掲載事例の段階の移り変わり、業種・地域、成果の分布と中小企業の調査との比較", view),
                         sources: [])
    }

    var stageIDs: [Int] { guidance.stages.stages.map(\.id.value) }
    func stageLabel(_ n: Int) -> String { "段階\(n) \(views.stageName(n))" }

    /// counts[before][after]
    func matrix() -> [Int: [Int: Int]] {
        var m: [Int: [Int: Int]] = [:]
        for s in stories { m[s.meta.stageBefore.value, default: [:]][s.meta.stageAfter.value, default: 0] += 1 }
        return m
    }

    func transitions() -> ChartView {
        let m = matrix(), ids = stageIDs
        let top = Double(max(m.values.flatMap(\.values).max() ?? 1, 1))
        let cell = 112.0, left = 220.0, head = 64.0
        let width = left + cell * Double(ids.count) + 10, height = head + cell * Double(ids.count) + 10
        let pairs = ids.flatMap { b in ids.compactMap { a -> String? in
            let c = m[b]?[a] ?? 0
            return c > 0 ? "段階\(b)→段階\(a) \(c)件" : nil
        } }
        let title = "段階の移り変わり（支援前×支援後の事例数）"
        var svg = ChartSVG.open(id: "chart-transitions", width: width, height: height, title: title,
                                label: title + ": " + (pairs.isEmpty ? "事例なし" : pairs.joined(separator: "、")))
        svg += ChartSVG.text("支援後 →", x: left, y: 18, size: 12, fill: "#4a5866")
        svg += ChartSVG.text("支援前 ↓", x: 8, y: head - 8, size: 12, fill: "#4a5866")
        for (j, a) in ids.enumerated() {
            svg += ChartSVG.text("段階\(a)", x: left + cell * (Double(j) + 0.5), y: head - 24, anchor: "middle", weight: "700", fill: ChartSVG.stageInk[a] ?? "#1d2733")
            svg += ChartSVG.text(views.stageName(a), x: left + cell * (Double(j) + 0.5), y: head - 8, size: 10.5, anchor: "middle", fill: "#4a5866")
        }
        for (i, b) in ids.enumerated() {
            let y = head + cell * Double(i)
            svg += ChartSVG.text(stageLabel(b), x: left - 10, y: y + cell / 2 + 5, anchor: "end", weight: "700", fill: ChartSVG.stageInk[b] ?? "#1d2733")
            for (j, a) in ids.enumerated() {
                svg += transitionCell(m, from: b, to: a, x: left + cell * Double(j), y: y, cell: cell, top: top, numberSize: 20)
            }
        }
        svg = ChartSVG.variants(wide: ChartSVG.close(svg), narrow: narrowTransitions(m, title: title, label: title + ": " + (pairs.isEmpty ? "事例なし" : pairs.joined(separator: "、"))))
        let table = DataTable(corner: "支援前＼支援後", columns: ids.map(stageLabel), rows: ids.map { b in
            DataTable.Row(header: stageLabel(b), cells: ids.map { a in
                a < b ? .init(text: "—", key: "\(b)-\(a)") : .init(text: String(m[b]?[a] ?? 0), key: "\(b)-\(a)")
            })
        })
        return ChartView(id: "transitions", title: title,
                         lead: "行が支援前の段階、列が支援後の段階です。対角線より右にある事例ほど、大きく段階を上がっています。",
                         svg: svg, table: table)
    }

    /// One cell of the transition matrix (both drawings): — below the diagonal, else the count on
    /// a square as dark as the count is large, linked to the stage reached.
    func transitionCell(_ m: [Int: [Int: Int]], from b: Int, to a: Int, x: Double, y: Double, cell: Double, top: Double, numberSize: Double) -> String {
        if a < b {
            return ChartSVG.rect(x: x + 2, y: y + 2, w: cell - 4, h: cell - 4, fill: "#f4f7f8", rx: 6)
                + ChartSVG.text("—", x: x + cell / 2, y: y + cell / 2 + 5, anchor: "middle", fill: "#8a96a3")
        }
        let c = m[b]?[a] ?? 0
        let alpha = c == 0 ? 0.0 : 0.15 + 0.85 * Double(c) / top
        return "<rect x=\"\(ChartSVG.n(x + 2))\" y=\"\(ChartSVG.n(y + 2))\" width=\"\(ChartSVG.n(cell - 4))\" height=\"\(ChartSVG.n(cell - 4))\" rx=\"6\" fill=\"\(ChartSVG.brand)\" fill-opacity=\"\(String(format: "%.2f", alpha))\" stroke=\"#d5dde2\"/>"
            + ChartSVG.link(root + SiteLayout.term("stages", String(a)), label: "段階\(b)から段階\(a)へ \(c)件",
                            ChartSVG.text("\(c)", x: x + cell / 2, y: y + cell / 2 + 7, size: numberSize, anchor: "middle", weight: "700",
                                          fill: alpha > 0.55 ? "#ffffff" : "#1d2733"))
    }

    func counted(_ items: [(id: String, name: String)], kind: String, key: (CaseStudy) -> String) -> [(label: String, value: Int, href: String?)] {
        var c: [String: Int] = [:]
        for s in stories { c[key(s), default: 0] += 1 }
        return items.compactMap { item in c[item.id].map { (item.name, $0, Optional(root + SiteLayout.term(kind, item.id))) } }
    }

    func barChart(id: String, title: String, lead: String, column: String, rows: [(label: String, value: Int, href: String?)]) -> ChartView {
        ChartView(id: id, title: title, lead: lead, svg: ChartSVG.bars(id: "chart-\(id)", title: title, rows: rows),
                  table: DataTable(corner: column, columns: ["事例数"], rows: rows.map { .init(header: $0.label, cells: [.init(text: String($0.value))]) }))
    }

    func byIndustry() -> ChartView {
        let rows = counted(guidance.industries.industries.map { ($0.id.value, $0.name) }, kind: "industries") { $0.meta.industry.value }
            .sorted { $0.value > $1.value }
        return barChart(id: "industries", title: "業種別の事例数", lead: "掲載事例の業種（日本標準産業分類の大分類）。", column: "業種", rows: rows)
    }

    func byRegion() -> ChartView {
        let rows = counted(guidance.regions.regions.map { ($0.id.value, $0.name) }, kind: "regions") { $0.meta.region.value }
        return barChart(id: "regions", title: "地域別の事例数", lead: "掲載事例の地域（地方単位）。", column: "地域", rows: rows)
    }

    /// Bins of the percent change of every outcome: (label, lower bound inclusive, upper bound exclusive).
    static let bins: [(String, Double, Double)] = [
        ("−75%以下", -Double.infinity, -75 + 1e-9), ("−75〜−50%", -75 + 1e-9, -50), ("−50〜−25%", -50, -25), ("−25〜0%", -25, 0),
        ("0〜+25%", 0, 25), ("+25〜+50%", 25, 50), ("+50〜+100%", 50, 100), ("+100%以上", 100, .infinity),
    ]

    func outcomeChanges() -> ChartView {
        let changes = stories.flatMap { ($0.meta.outcomes ?? []).compactMap(\.changePercent) }
        let counts = Self.bins.map { _, lo, hi in changes.filter { $0 >= lo && $0 < hi }.count }
        let title = "成果の変化率の分布"
        let top = Double(max(counts.max() ?? 1, 1))
        let colW = 74.0, left = 40.0, plotH = 180.0, width = left + colW * Double(counts.count) + 10, height = plotH + 70
        var svg = ChartSVG.open(id: "chart-outcomes", width: width, height: height, title: title,
                                label: title + "（成果\(changes.count)件）: " + zip(Self.bins, counts).map { "\($0.0) \($1)件" }.joined(separator: "、"))
        svg += "<line x1=\"\(ChartSVG.n(left))\" y1=\"\(ChartSVG.n(plotH + 20))\" x2=\"\(ChartSVG.n(width - 10))\" y2=\"\(ChartSVG.n(plotH + 20))\" stroke=\"#4a5866\"/>"
        for (i, c) in counts.enumerated() {
            let x = left + colW * Double(i), h = Double(c) / top * plotH
            svg += ChartSVG.rect(x: x + 8, y: plotH + 20 - h, w: colW - 16, h: h, fill: i < 4 ? "#0f7a55" : ChartSVG.brand, rx: 3)
            svg += ChartSVG.text(String(c), x: x + colW / 2, y: plotH + 14 - h, anchor: "middle", weight: "700")
            svg += ChartSVG.text(Self.bins[i].0, x: x + colW / 2, y: plotH + 40, size: 11, anchor: "middle")
        }
        svg += ChartSVG.text("減少（時間・コストの削減など）", x: left + 8, y: plotH + 62, size: 11, fill: "#0f7a55")
        svg += ChartSVG.text("増加（売上・件数など）", x: width - 18, y: plotH + 62, size: 11, anchor: "end", fill: ChartSVG.brand)
        svg = ChartSVG.variants(wide: ChartSVG.close(svg), narrow: narrowOutcomes(counts, title: title, label: title + "（成果\(changes.count)件）: " + zip(Self.bins, counts).map { "\($0.0) \($1)件" }.joined(separator: "、")))
        return ChartView(id: "outcomes", title: title,
                         lead: "各事例の成果指標（支援前→支援後）の変化率。処理時間などは減少が、売上などは増加が改善です。支援前が0の指標は含みません。",
                         svg: svg, table: DataTable(corner: "変化率", columns: ["成果指標の数"],
                                                   rows: zip(Self.bins, counts).map { .init(header: $0.0, cells: [.init(text: String($1))]) }))
    }

    func versusNational() -> ChartView {
        let total = Double(max(stories.count, 1))
        let ids = stageIDs
        func share(_ key: (CaseStudy) -> Int, _ n: Int) -> Double { Double(stories.filter { key($0) == n }.count) / total * 100 }
        let series: [(String, String, (Int) -> Double)] = [
            ("中小企業の調査" + (guidance.stages.surveyN.map { "（N=\(ViewBuilder.number(Double($0)))）" } ?? ""), "#8a96a3",
             { n in guidance.stage(n)?.surveyShare ?? 0 }),
            ("掲載事例・支援前（n=\(stories.count)）", "#c2410c", { share(\.meta.stageBefore.value, $0) }),
            ("掲載事例・支援後（n=\(stories.count)）", ChartSVG.brand, { share(\.meta.stageAfter.value, $0) }),
        ]
        let title = "段階別の割合: 掲載事例と中小企業の調査の比較"
        // The stage labels are drawn right-aligned before the bars: the widest decides where the bars start
        // ("段階3 デジタライゼーション" was cut off by a fixed 170).
        let left = max(170, (ids.map { ChartSVG.width(stageLabel($0), size: 13) }.max() ?? 0) + 24), barH = 14.0, groupH = 3 * barH + 18, plotW = 400.0, width = left + plotW + 60, height = groupH * Double(ids.count) + 40
        // The sizes (N, n) once, in the legend's words; each stage then names the series briefly.
        let short = ["中小企業の調査", "支援前", "支援後"]
        let label = title + "（" + series.map(\.0).joined(separator: "、") + "）: " + ids.map { n in
            stageLabel(n) + " " + zip(short, series).map { "\($0) \(ViewBuilder.number(($1.2(n) * 10).rounded() / 10))%" }.joined(separator: "、")
        }.joined(separator: "。")
        var svg = ChartSVG.open(id: "chart-national", width: width, height: height, title: title, label: label)
        for (k, s) in series.enumerated() {
            let x = 8 + Double(k) * 200
            svg += ChartSVG.rect(x: x, y: 6, w: 12, h: 12, fill: s.1, rx: 2) + ChartSVG.text(s.0, x: x + 18, y: 17, size: 12)
        }
        for (i, n) in ids.enumerated() {
            let y = 34 + groupH * Double(i)
            svg += ChartSVG.text(stageLabel(n), x: left - 10, y: y + groupH / 2, anchor: "end", weight: "700", fill: ChartSVG.stageInk[n] ?? "#1d2733")
            for (k, s) in series.enumerated() {
                let v = s.2(n), w = v / 100 * plotW
                svg += ChartSVG.rect(x: left, y: y + Double(k) * barH, w: max(w, 1), h: barH - 3, fill: s.1)
                svg += ChartSVG.text(ViewBuilder.number((v * 10).rounded() / 10) + "%", x: left + w + 5, y: y + Double(k) * barH + 10, size: 11)
            }
        }
        svg = ChartSVG.variants(wide: ChartSVG.close(svg), narrow: narrowVersusNational(series.map { ($0.0, $0.1, $0.2) }, title: title, label: label))
        let table = DataTable(corner: "段階", columns: series.map(\.0), rows: ids.map { n in
            .init(header: stageLabel(n), cells: series.map { .init(text: ViewBuilder.number(($0.2(n) * 10).rounded() / 10) + "%") })
        })
        return ChartView(id: "national", title: title,
                         lead: "中小企業を対象にした調査での段階の分布（ガイダンス 2.2。全国の企業の分布ではありません）と、掲載事例の支援前・支援後の段階の分布です。",
                         svg: svg, table: table)
    }
}
