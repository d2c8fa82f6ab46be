/// The guidance's four stages as a staircase, with the company placed on its step
/// (issue 3: "the stage diagram with the company placed on it"). The company's step
/// is drawn solid dark with white text and marked 貴社: readable without colour.
struct StageDiagramSVG {
    struct Step {
        let id: Int
        let name: String
        let title: String
        let share: Double?
    }

    let steps: [Step]
    /// The effective stage (nil: 未診断).
    let stage: Int?
    /// The computed stage when an override replaced it.
    let computed: Int?
    let companyLabel: String

    static let width = 680.0, height = 262.0

    func render() -> String {
        let count = max(steps.count, 1)
        let gap = 8.0, left = 10.0
        let stepWidth = (Self.width - left * 2 - gap * Double(count - 1)) / Double(count)
        let base = 252.0, rise = 34.0, lowestTop = 150.0
        let placed = stage.map { "\(companyLabel)は段階\($0)" } ?? "\(companyLabel)は未診断（業務領域の評価がありません）"
        let overrideText = (computed != nil && computed != stage) ? "。算定上は段階\(computed!)" : ""
        let description = steps.map { "段階\($0.id) \($0.name)：\($0.title)" }.joined(separator: "、") + "。" + placed + overrideText
        var svg = SVG.open(id: "stage-diagram", width: Self.width, height: Self.height,
                           title: "デジタル活用の4段階と貴社の位置", description: description)
        for (i, step) in steps.enumerated() {
            let x = left + Double(i) * (stepWidth + gap)
            let top = lowestTop - Double(i) * rise
            let current = step.id == stage
            let fill = current ? "#1d2733" : "#ffffff"
            let ink = current ? "#ffffff" : "#1d2733"
            svg += "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(top))\" width=\"\(SVG.n(stepWidth))\" height=\"\(SVG.n(base - top))\" fill=\"\(fill)\" stroke=\"#1d2733\" stroke-width=\"\(current ? 2.5 : 1.2)\"/>"
            let cx = x + stepWidth / 2
            svg += SVG.text("段階\(step.id)", x: cx, y: top + 20, size: 12, anchor: "middle", weight: "700", fill: ink)
            let nameLines = SVG.wrap(step.name, maxWidth: stepWidth - 12, size: 13, maxLines: 2)
            svg += SVG.text(nameLines, x: cx, y: top + 40, size: 13, anchor: "middle", weight: "700", fill: ink)
            let titleTop = top + 40 + Double(nameLines.count) * 16 + 4
            svg += SVG.text(SVG.wrap(step.title, maxWidth: stepWidth - 14, size: 10, maxLines: 3),
                            x: cx, y: titleTop, size: 10, anchor: "middle", fill: ink)
            if let share = step.share {
                svg += SVG.text("調査で\(SVG.n(share))%", x: cx, y: base - 8, size: 9.5, anchor: "middle", fill: ink)
            }
            if current || (step.id == computed && computed != stage) {
                // A pointer above the step: solid for the stage, dashed for the computed one.
                let label = current ? "▼ \(companyLabel)（現在地）" : "▽ 算定上の段階"
                let y = top - 8
                if !current {
                    svg += "<rect x=\"\(SVG.n(x + 3))\" y=\"\(SVG.n(top + 3))\" width=\"\(SVG.n(stepWidth - 6))\" height=\"\(SVG.n(base - top - 6))\" fill=\"none\" stroke=\"#1d2733\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
                }
                svg += SVG.text(label, x: cx, y: y, size: 12, anchor: "middle", weight: "700")
            }
        }
        if stage == nil {
            svg += SVG.text("未診断：業務領域の評価後に位置を示します", x: Self.width - 12, y: 22, size: 12, anchor: "end", weight: "700")
        }
        // The rising arrow of the staircase.
        svg += "<line x1=\"16\" y1=\"18\" x2=\"180\" y2=\"18\" stroke=\"#1d2733\" stroke-width=\"1\"/>"
        svg += "<path d=\"M180 14 L188 18 L180 22 Z\" fill=\"#1d2733\"/>"
        svg += SVG.text("デジタル活用の進展", x: 16, y: 12, size: 9.5)
        svg += "</svg>"
        return svg
    }
}
