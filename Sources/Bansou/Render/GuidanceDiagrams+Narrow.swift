import Foundation

/// The guidance's figures as a phone draws them: `ChartSVG.narrowWidth` units wide and read
/// from top to bottom, so that no text is under 12 px on a 390-px screen (the wide drawings,
/// scaled to a phone, came out at 6–8 px). Same links and text alternatives as the wide ones.
extension GuidanceDiagrams {
    static let ink = "#1d2733", soft = "#4a5866", brand = "#0b5c6b"

    var stagesLabel: String {
        "デジタル活用の4段階（階段図）: " + guidance.stages.stages.map { s in
            "段階\(s.id.value) \(s.name)（\(s.title)。中小企業の調査で\(ViewBuilder.number(s.surveyShare))%。取組例: \(s.examples.joined(separator: "、"))）"
        }.joined(separator: "。")
    }

    var processLabel: String {
        "DX推進プロセスと支援内容（流れ図）: " + guidance.process.phases.enumerated().map { i, p in
            "フェーズ\(i + 1) \(p.name)（対象: " + p.stages.map { "段階\($0.value)" }.joined(separator: "・") + "。支援: " + p.activities.map(\.title).joined(separator: "、") + "）"
        }.joined(separator: " → ")
    }

    var institutionsLabel: String {
        let all = guidance.institutions.institutions
        return "支援機関の連携（ネットワーク図）: 中心に地域の主治医（" + all.filter(\.isPrimary).map(\.name).joined(separator: "・")
            + "）。主治医と連携する支援機関: " + all.filter { !$0.isPrimary }.map(\.name).joined(separator: "・")
    }

    /// The skill areas everyone needs (Why / What / How) and the advanced supporter's.
    var skillLayers: (literacy: [SkillsFile.SkillArea], advanced: [SkillsFile.SkillArea]) {
        let literacyIDs: Set<String> = ["why", "what", "how"]
        let areas = guidance.skills.skillAreas
        return (areas.filter { literacyIDs.contains($0.id.value) }, areas.filter { !literacyIDs.contains($0.id.value) })
    }

    var skillsLabel: String {
        let (literacy, advanced) = skillLayers
        return "DX支援人材のスキルセット（3層の図）: 土台にマインド（" + guidance.skills.mindsets.map(\.name).joined(separator: "・")
            + "）、その上に全員が備えるDXリテラシー（" + literacy.map(\.name).joined(separator: "・")
            + "）、最上段に高度なDX支援人材のスキル（" + advanced.map(\.name).joined(separator: "・") + "）"
    }

    /// The staircase as a ladder: stage 4 on top, each step a little wider than the one above.
    func narrowStages() -> String {
        let W = ChartSVG.narrowWidth, stages = guidance.stages.stages
        let step = 14.0
        var blocks: [(n: Int, height: Double, draw: (Double, Double, Double) -> String)] = []
        for (i, s) in stages.enumerated().reversed() {
            let n = s.id.value, ink = ChartSVG.stageInk[n] ?? Self.ink
            let inset = step * Double(i)
            let w = W - 2 - step * Double(stages.count - 1) + inset
            let examples = s.examples.prefix(3).map { Self.wrap("・" + $0, maxWidth: w - 24, size: 13, maxLines: 3) }
            let height = 62 + examples.reduce(0) { $0 + Double($1.count) * 17.5 + 3 } + 26
            let count = storyCount { $0.meta.stageAfter.value == n }
            blocks.append((n, height, { x, y, _ in
                var body = ChartSVG.rect(x: x, y: y, w: w, h: height - 6, fill: ChartSVG.stageFill[n] ?? "#f4f7f8", rx: 8, stroke: ink)
                body += "<rect x=\"\(ChartSVG.n(x))\" y=\"\(ChartSVG.n(y))\" width=\"6\" height=\"\(ChartSVG.n(height - 6))\" fill=\"\(ink)\"/>"
                body += ChartSVG.text("段階\(n)　\(s.phase)", x: x + 16, y: y + 22, size: 12, weight: "700", fill: ink)
                body += ChartSVG.text(s.name, x: x + 16, y: y + 45, size: 17, weight: "700")
                var ey = y + 66
                for wrapped in examples {
                    body += Self.lines(wrapped, x: x + 16, y: ey, size: 13)
                    ey += Double(wrapped.count) * 17.5 + 3
                }
                body += ChartSVG.text("調査 \(ViewBuilder.number(s.surveyShare))% ・ 到達事例 \(count)件", x: x + 16, y: y + height - 16, size: 12, weight: "700", fill: ink)
                return ChartSVG.link(root + SiteLayout.term("stages", String(n)), label: "段階\(n) \(s.name)の事例 \(count)件", body)
            }))
        }
        let height = blocks.reduce(0) { $0 + $1.height } + 2
        var svg = ChartSVG.open(id: "diagram-stages-narrow", width: W, height: height, title: "デジタル活用の4段階", label: stagesLabel)
        var y = 1.0
        for (k, block) in blocks.enumerated() {
            // The top step (stage 4) is the narrowest, drawn from the right as a staircase seen from the side.
            let inset = step * Double(k)
            svg += block.draw(1 + inset, y, 0)
            y += block.height
        }
        return ChartSVG.close(svg)
    }

    /// The process as a column: each phase a band, its support activities under it, arrows down.
    func narrowProcess() -> String {
        let W = ChartSVG.narrowWidth, phases = guidance.process.phases
        let wrapped = phases.map { p in p.activities.map { Self.wrap($0.title, maxWidth: W - 36, size: 13, maxLines: 3) } }
        // Each phase: its band, the 対象 line, the activities, then room for the arrow to the next.
        let heights = wrapped.enumerated().map { i, acts in 44 + 26 + acts.reduce(0) { $0 + 14 + Double($1.count) * 17.5 } + (i + 1 < phases.count ? 30 : 4) }
        var svg = ChartSVG.open(id: "diagram-process-narrow", width: W, height: heights.reduce(0, +), title: "DX推進プロセスと支援内容", label: processLabel)
        svg += "<defs><marker id=\"process-arrow-narrow\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(Self.brand)\"/></marker></defs>"
        var y = 0.0
        for (i, p) in phases.enumerated() {
            let stageIDs = p.stages.map(\.value)
            let count = storyCount { stageIDs.contains($0.meta.stageBefore.value) }
            var head = ChartSVG.rect(x: 1, y: y + 1, w: W - 2, h: 42, fill: Self.brand, rx: 8)
            head += ChartSVG.text("フェーズ\(i + 1)", x: 14, y: y + 27, size: 12, fill: "#ffffff")
            head += ChartSVG.text(p.name, x: 86, y: y + 28, size: 15, weight: "700", fill: "#ffffff")
            svg += ChartSVG.link("#phase-\(p.id.value)", label: "フェーズ\(i + 1) \(p.name)", head)
            svg += ChartSVG.text("対象: " + stageIDs.map { "段階\($0)" }.joined(separator: "・") + " ・ 事例 \(count)件", x: 14, y: y + 62, size: 12, fill: Self.soft)
            var ay = y + 72
            for lines in wrapped[i] {
                let h = 10 + Double(lines.count) * 17.5
                svg += ChartSVG.rect(x: 12, y: ay, w: W - 14, h: h, fill: "#f4f7f8", rx: 6, stroke: "#d5dde2")
                svg += Self.lines(lines, x: 22, y: ay + 18, size: 13)
                ay += h + 4
            }
            if i + 1 < phases.count {
                svg += "<line x1=\"\(ChartSVG.n(W / 2))\" y1=\"\(ChartSVG.n(ay + 2))\" x2=\"\(ChartSVG.n(W / 2))\" y2=\"\(ChartSVG.n(y + heights[i] - 2))\" stroke=\"\(Self.brand)\" stroke-width=\"2\" marker-end=\"url(#process-arrow-narrow)\"/>"
            }
            y += heights[i]
        }
        return ChartSVG.close(svg)
    }

    /// The network as a hub and a grid: the 主治医 panel on top, the other institutions in two
    /// columns below (lines to each, as the wide drawing has, would cross the boxes in a grid).
    func narrowInstitutions() -> String {
        let W = ChartSVG.narrowWidth
        let all = guidance.institutions.institutions
        let primary = all.filter(\.isPrimary), others = all.filter { !$0.isPrimary }
        let colW = (W - 12) / 2, nodeH = 68.0
        let panelH = 40 + Double((primary.count + 1) / 2) * (nodeH + 8) + 6
        let gridTop = panelH + 34
        let height = gridTop + Double((others.count + 1) / 2) * (nodeH + 8) + 2
        var svg = ChartSVG.open(id: "diagram-institutions-narrow", width: W, height: height, title: "支援機関の連携と主治医", label: institutionsLabel)
        func node(_ inst: InstitutionType, x: Double, y: Double, fill: String, ink: String) -> String {
            let count = storyCount { ($0.meta.institutions ?? []).contains { $0.value == inst.id.value } }
            let lines = Self.wrap(inst.name, maxWidth: colW - 14, size: 13, maxLines: 2)
            var body = ChartSVG.rect(x: x, y: y, w: colW, h: nodeH, fill: fill, rx: 10, stroke: ink)
            body += Self.lines(lines, x: x + colW / 2, y: y + (lines.count == 1 ? 24 : 19), size: 13, anchor: "middle", fill: ink, weight: "700")
            body += ChartSVG.text("事例 \(count)件", x: x + colW / 2, y: y + nodeH - 9, size: 12, anchor: "middle", fill: ink)
            return ChartSVG.link(root + SiteLayout.term("institutions", inst.id.value), label: "\(inst.name)の事例 \(count)件", body)
        }
        svg += ChartSVG.rect(x: 1, y: 1, w: W - 2, h: panelH - 2, fill: "#e6f2f4", rx: 14, stroke: Self.brand)
        svg += ChartSVG.text("地域の「主治医」", x: W / 2, y: 27, size: 16, anchor: "middle", weight: "700", fill: "#07414c")
        for (k, inst) in primary.enumerated() {
            svg += node(inst, x: 4 + Double(k % 2) * (colW + 4), y: 40 + Double(k / 2) * (nodeH + 8), fill: Self.brand, ink: "#ffffff")
        }
        svg += ChartSVG.text("連携する支援機関", x: 4, y: panelH + 22, size: 13, weight: "700", fill: Self.soft)
        for (k, inst) in others.enumerated() {
            svg += node(inst, x: 4 + Double(k % 2) * (colW + 4), y: gridTop + Double(k / 2) * (nodeH + 8), fill: "#ffffff", ink: Self.ink)
        }
        return ChartSVG.close(svg)
    }

    /// The three layers stacked as in the wide drawing, each item on its own line.
    func narrowSkills() -> String {
        let W = ChartSVG.narrowWidth, s = guidance.skills
        let (literacy, advanced) = skillLayers
        let mindsetNames = s.mindsets.prefix(2).map(\.name) + ["ほか\(max(s.mindsets.count - 2, 0))つのマインド・スタンス"]
        let layers: [(inset: Double, title: String, items: [String], fill: String, ink: String, anchor: String)] = [
            (24, "高度なDX支援人材のスキル", advanced.map(\.name), Self.brand, "#ffffff", "#skills-supporter"),
            (12, "DXリテラシー（全員）", literacy.map(\.name), "#e6f2f4", "#07414c", "#skills-literacy"),
            (0, "マインド（土台）", mindsetNames, "#fff4dc", "#8a5a00", "#skills-mindsets"),
        ]
        let wrapped = layers.map { l in l.items.map { Self.wrap("・" + $0, maxWidth: W - 2 * l.inset - 30, size: 13, maxLines: 3) } }
        let heights = wrapped.map { items in 36 + items.reduce(0) { $0 + Double($1.count) * 17.5 + 2 } + 10 }
        var svg = ChartSVG.open(id: "diagram-skills-narrow", width: W, height: heights.reduce(0) { $0 + $1 + 6 }, title: "DX支援人材のスキルセット", label: skillsLabel)
        var y = 1.0
        for (k, l) in layers.enumerated() {
            let x = 1 + l.inset, w = W - 2 - 2 * l.inset
            var body = ChartSVG.rect(x: x, y: y, w: w, h: heights[k], fill: l.fill, rx: 10, stroke: l.ink == "#ffffff" ? Self.brand : l.ink)
            body += ChartSVG.text(l.title, x: x + 14, y: y + 24, size: 14, weight: "700", fill: l.ink)
            var iy = y + 46
            for lines in wrapped[k] {
                body += Self.lines(lines, x: x + 14, y: iy, size: 13, fill: l.ink)
                iy += Double(lines.count) * 17.5 + 2
            }
            svg += ChartSVG.link(l.anchor, label: l.title, body)
            y += heights[k] + 6
        }
        return ChartSVG.close(svg)
    }
}
