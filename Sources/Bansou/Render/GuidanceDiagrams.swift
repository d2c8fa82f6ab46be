import Foundation

/// The guidance's models drawn as inline SVG (each `role="img"` with a title and an
/// aria-label that reads the whole model, the page's lists and tables beside it).
/// Links inside are relative to the guidance page (`root` leads back to the site root).
struct GuidanceDiagrams {
    let views: ViewBuilder
    let root: String
    var guidance: Guidance { views.guidance }
    var library: Library { views.library }

    /// Splits text into lines no wider than `maxWidth` px, at most `maxLines` (the last ends in …).
    static func wrap(_ text: String, maxWidth: Double, size: Double, maxLines: Int) -> [String] {
        var lines: [String] = [], current = ""
        for ch in text {
            if ChartSVG.width(current + String(ch), size: size) > maxWidth, !current.isEmpty {
                lines.append(current)
                current = String(ch)
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            var last = lines[maxLines - 1]
            while ChartSVG.width(last + "…", size: size) > maxWidth, !last.isEmpty { last.removeLast() }
            lines = Array(lines.prefix(maxLines - 1)) + [last + "…"]
        }
        return lines
    }

    static func lines(_ lines: [String], x: Double, y: Double, size: Double, anchor: String = "start", fill: String = "#1d2733", weight: String? = nil) -> String {
        lines.enumerated().map { i, line in ChartSVG.text(line, x: x, y: y + Double(i) * size * 1.35, size: size, anchor: anchor, weight: weight, fill: fill) }.joined()
    }

    func storyCount(_ predicate: (CaseStudy) -> Bool) -> Int { library.published.filter(predicate).count }

    // MARK: 2.1 the four stages as a staircase

    /// The wide drawing and the phone's (GuidanceDiagrams+Narrow.swift), one shown at a time.
    func stages() -> String { ChartSVG.variants(wide: wideStages(), narrow: narrowStages()) }

    func wideStages() -> String {
        let stages = guidance.stages.stages
        let stepW = 230.0, rise = 50.0, base = 175.0, width = stepW * Double(stages.count) + 20
        let height = base + rise * Double(stages.count - 1) + 30
        var svg = ChartSVG.open(id: "diagram-stages", width: width, height: height, title: "デジタル活用の4段階", label: stagesLabel)
        for (i, s) in stages.enumerated() {
            let n = s.id.value
            let x = 10 + stepW * Double(i), top = height - 20 - base - rise * Double(i), h = base + rise * Double(i)
            let count = storyCount { $0.meta.stageAfter.value == n }
            var body = ChartSVG.rect(x: x + 3, y: top, w: stepW - 6, h: h, fill: ChartSVG.stageFill[n] ?? "#f4f7f8", rx: 8, stroke: ChartSVG.stageInk[n])
            body += "<rect x=\"\(ChartSVG.n(x + 3))\" y=\"\(ChartSVG.n(top))\" width=\"\(ChartSVG.n(stepW - 6))\" height=\"6\" fill=\"\(ChartSVG.stageInk[n] ?? "#0b5c6b")\"/>"
            body += ChartSVG.text("段階\(n)　\(s.phase)", x: x + 14, y: top + 26, size: 12, weight: "700", fill: ChartSVG.stageInk[n] ?? "#1d2733")
            body += ChartSVG.text(s.name, x: x + 14, y: top + 48, size: 17, weight: "700")
            var y = top + 72
            for example in s.examples.prefix(3) {
                let wrapped = Self.wrap("・" + example, maxWidth: stepW - 30, size: 12, maxLines: 3)
                body += Self.lines(wrapped, x: x + 14, y: y, size: 12)
                y += Double(wrapped.count) * 16.2 + 4
            }
            body += ChartSVG.text("調査 \(ViewBuilder.number(s.surveyShare))% ・ 到達事例 \(count)件", x: x + 14, y: top + h - 14, size: 12, weight: "700", fill: ChartSVG.stageInk[n] ?? "#1d2733")
            svg += ChartSVG.link(root + SiteLayout.term("stages", String(n)), label: "段階\(n) \(s.name)の事例 \(count)件", body)
        }
        return ChartSVG.close(svg)
    }

    // MARK: 3.7 the DX process with the support activities

    /// The wide drawing and the phone's (GuidanceDiagrams+Narrow.swift), one shown at a time.
    func process() -> String { ChartSVG.variants(wide: wideProcess(), narrow: narrowProcess()) }

    func wideProcess() -> String {
        let phases = guidance.process.phases
        let boxW = 220.0, gap = 26.0, width = (boxW + gap) * Double(phases.count) - gap + 20
        let maxActivities = phases.map(\.activities.count).max() ?? 0
        let height = 120 + Double(maxActivities) * 46 + 20
        var svg = ChartSVG.open(id: "diagram-process", width: width, height: height, title: "DX推進プロセスと支援内容", label: processLabel)
        svg += "<defs><marker id=\"process-arrow\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#0b5c6b\"/></marker></defs>"
        for (i, p) in phases.enumerated() {
            let x = 10 + (boxW + gap) * Double(i)
            let stageIDs = p.stages.map(\.value)
            let count = storyCount { stageIDs.contains($0.meta.stageBefore.value) }
            var head = "<path d=\"M\(ChartSVG.n(x)),10 h\(ChartSVG.n(boxW - 16)) l16,32 l-16,32 h-\(ChartSVG.n(boxW - 16)) l\(i == 0 ? "0" : "16"),-32 z\" fill=\"#0b5c6b\"/>"
            head += ChartSVG.text("フェーズ\(i + 1)", x: x + 24, y: 34, size: 12, fill: "#ffffff")
            head += ChartSVG.text(p.name, x: x + 24, y: 56, size: 15, weight: "700", fill: "#ffffff")
            svg += ChartSVG.link("#phase-\(p.id.value)", label: "フェーズ\(i + 1) \(p.name)", head)
            svg += ChartSVG.text("対象: " + stageIDs.map { "段階\($0)" }.joined(separator: "・") + " ・ 事例 \(count)件", x: x + 4, y: 98, size: 12, fill: "#4a5866")
            var y = 112.0
            for activity in p.activities {
                let wrapped = Self.wrap(activity.title, maxWidth: boxW - 20, size: 12, maxLines: 2)
                svg += ChartSVG.rect(x: x, y: y, w: boxW - 4, h: 40, fill: "#f4f7f8", rx: 6, stroke: "#d5dde2")
                svg += Self.lines(wrapped, x: x + 8, y: y + (wrapped.count == 1 ? 25 : 17), size: 12)
                y += 46
            }
            if i + 1 < phases.count {
                svg += "<line x1=\"\(ChartSVG.n(x + boxW - 2))\" y1=\"42\" x2=\"\(ChartSVG.n(x + boxW + gap - 2))\" y2=\"42\" stroke=\"#0b5c6b\" stroke-width=\"2\" marker-end=\"url(#process-arrow)\"/>"
            }
        }
        return ChartSVG.close(svg)
    }

    // MARK: 4 the institution network around the 主治医

    /// The wide drawing and the phone's (GuidanceDiagrams+Narrow.swift), one shown at a time.
    func institutions() -> String { ChartSVG.variants(wide: wideInstitutions(), narrow: narrowInstitutions()) }

    func wideInstitutions() -> String {
        let all = guidance.institutions.institutions
        let primary = all.filter(\.isPrimary), others = all.filter { !$0.isPrimary }
        let width = 760.0, height = 560.0, cx = width / 2, cy = height / 2
        var svg = ChartSVG.open(id: "diagram-institutions", width: width, height: height, title: "支援機関の連携と主治医", label: institutionsLabel)
        func position(_ i: Int, of count: Int, radius: Double, offset: Double) -> (Double, Double) {
            let angle = offset + 2 * Double.pi * Double(i) / Double(max(count, 1))
            return (cx + radius * cos(angle), cy + radius * sin(angle) * 0.82)
        }
        let inner = primary.indices.map { position($0, of: primary.count, radius: 105, offset: -Double.pi / 2) }
        let outer = others.indices.map { position($0, of: others.count, radius: 290, offset: -Double.pi / 2 + 0.3) }
        for (ox, oy) in outer {
            svg += "<line x1=\"\(ChartSVG.n(cx))\" y1=\"\(ChartSVG.n(cy))\" x2=\"\(ChartSVG.n(ox))\" y2=\"\(ChartSVG.n(oy))\" stroke=\"#9fb3bd\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>"
        }
        svg += "<circle cx=\"\(ChartSVG.n(cx))\" cy=\"\(ChartSVG.n(cy))\" r=\"150\" fill=\"#e6f2f4\" stroke=\"#0b5c6b\" stroke-width=\"2\"/>"
        svg += ChartSVG.text("地域の「主治医」", x: cx, y: cy - 120, size: 16, anchor: "middle", weight: "700", fill: "#07414c")
        func node(_ inst: InstitutionType, at point: (Double, Double), fill: String, ink: String, w: Double) -> String {
            let count = storyCount { ($0.meta.institutions ?? []).contains { $0.value == inst.id.value } }
            let wrapped = Self.wrap(inst.name, maxWidth: w - 16, size: 13, maxLines: 2)
            let h = 26 + Double(wrapped.count) * 17.5
            var body = ChartSVG.rect(x: point.0 - w / 2, y: point.1 - h / 2, w: w, h: h, fill: fill, rx: 10, stroke: ink)
            body += Self.lines(wrapped, x: point.0, y: point.1 - h / 2 + 19, size: 13, anchor: "middle", fill: ink, weight: "700")
            body += ChartSVG.text("事例 \(count)件", x: point.0, y: point.1 + h / 2 - 7, size: 11, anchor: "middle", fill: ink)
            return ChartSVG.link(root + SiteLayout.term("institutions", inst.id.value), label: "\(inst.name)の事例 \(count)件", body)
        }
        for (inst, point) in zip(primary, inner) { svg += node(inst, at: point, fill: "#0b5c6b", ink: "#ffffff", w: 150) }
        for (inst, point) in zip(others, outer) { svg += node(inst, at: point, fill: "#ffffff", ink: "#1d2733", w: 150) }
        return ChartSVG.close(svg)
    }

    // MARK: 5 the supporter's skill set

    /// The wide drawing and the phone's (GuidanceDiagrams+Narrow.swift), one shown at a time.
    func skills() -> String { ChartSVG.variants(wide: wideSkills(), narrow: narrowSkills()) }

    func wideSkills() -> String {
        let s = guidance.skills
        let (literacy, advanced) = skillLayers
        let width = 760.0, height = 290.0
        var svg = ChartSVG.open(id: "diagram-skills", width: width, height: height, title: "DX支援人材のスキルセット", label: skillsLabel)
        func layer(_ y: Double, _ inset: Double, _ title: String, _ items: [String], fill: String, ink: String, anchor: String) -> String {
            let w = width - 2 * inset
            var out = ChartSVG.rect(x: inset, y: y, w: w, h: 80, fill: fill, rx: 10, stroke: ink)
            out += ChartSVG.text(title, x: inset + 14, y: y + 24, size: 14, weight: "700", fill: ink)
            let cellW = (w - 28) / Double(max(items.count, 1))
            for (i, item) in items.enumerated() {
                let wrapped = Self.wrap(item, maxWidth: cellW - 10, size: 12, maxLines: 3)
                out += Self.lines(wrapped, x: inset + 14 + cellW * (Double(i) + 0.5), y: y + 50, size: 12, anchor: "middle", fill: ink)
            }
            return ChartSVG.link(anchor, label: title, out)
        }
        svg += layer(10, 120, "高度なDX支援人材のスキル", advanced.map(\.name), fill: "#0b5c6b", ink: "#ffffff", anchor: "#skills-supporter")
        svg += layer(104, 60, "DXリテラシー（全員）", literacy.map(\.name), fill: "#e6f2f4", ink: "#07414c", anchor: "#skills-literacy")
        let mindsetNames = s.mindsets.prefix(2).map(\.name) + ["ほか\(max(s.mindsets.count - 2, 0))つのマインド・スタンス"]
        svg += layer(198, 10, "マインド（土台）", mindsetNames, fill: "#fff4dc", ink: "#8a5a00", anchor: "#skills-mindsets")
        return ChartSVG.close(svg)
    }
}
