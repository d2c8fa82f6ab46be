import Foundation

/// DX推進指標-style radar: current maturity (solid line, filled, round markers) against
/// the target (dashed line, square markers), 0–5 per indicator. Drawn only with 3 or
/// more indicators; the report's table carries the same numbers. The institution
/// report draws its self-check with it too: now (solid) against the previous check (dashed), 0–3.
struct IndicatorRadarSVG {
    struct Axis {
        let name: String
        let current: Int
        let target: Int?
    }

    let axes: [Axis]
    var id = "indicator-radar"
    var title = "DX推進指標（成熟度0〜5）の現在と目標"
    var maxValue = 5
    /// The legend's names of the solid and the dashed line.
    var solid = "現在"
    var dashed = "目標"
    /// The axis labels' and the legend's font size (the report's radar is printed 160 mm wide;
    /// a smaller figure needs larger text to stay legible).
    var labelSize = 10.5
    /// The value line under each axis name.
    var valueLine: (Axis) -> String = { a in "現在\(a.current)" + (a.target.map { " → 目標\($0)" } ?? "") }
    /// Under each axis name, how the values read in the description (for screen readers).
    var valueDescription: (Axis) -> String = { a in "現在\(a.current)" + (a.target.map { "・目標\($0)" } ?? "") }

    static let width = 680.0, height = 436.0

    func render() -> String? {
        guard axes.count >= 3 else { return nil }
        let cx = Self.width / 2, cy = 218.0, radius = 136.0, maxValue = Double(self.maxValue)
        let desc = axes.map { a in "\(a.name) \(valueDescription(a))" }.joined(separator: "、")
        var svg = SVG.open(id: id, width: Self.width, height: Self.height, title: title, description: desc)
        func point(_ i: Int, _ value: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + Double(i) * 2 * Double.pi / Double(axes.count)
            return (cx + cos(angle) * radius * value / maxValue, cy + sin(angle) * radius * value / maxValue)
        }
        for ring in 1...self.maxValue {
            let pts = axes.indices.map { point($0, Double(ring)) }.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " ")
            svg += "<polygon points=\"\(pts)\" fill=\"none\" stroke=\"#b8c2ca\" stroke-width=\"\(ring == self.maxValue ? 1.2 : 0.7)\"/>"
            let (x, y) = point(0, Double(ring))
            svg += SVG.text("\(ring)", x: x + 4, y: y + 3, size: 9, fill: "#4a5866")
        }
        for i in axes.indices {
            let (x, y) = point(i, maxValue)
            svg += "<line x1=\"\(SVG.n(cx))\" y1=\"\(SVG.n(cy))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(y))\" stroke=\"#b8c2ca\" stroke-width=\"0.7\"/>"
        }
        let targets = axes.enumerated().map { point($0.offset, Double($0.element.target ?? $0.element.current)) }
        let currents = axes.enumerated().map { point($0.offset, Double($0.element.current)) }
        svg += "<polygon points=\"\(targets.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#1d2733\" stroke-width=\"1.6\" stroke-dasharray=\"6 4\"/>"
        svg += "<polygon points=\"\(currents.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " "))\" fill=\"#1d2733\" fill-opacity=\"0.18\" stroke=\"#1d2733\" stroke-width=\"2.2\"/>"
        for (x, y) in targets {
            svg += "<rect x=\"\(SVG.n(x - 3.5))\" y=\"\(SVG.n(y - 3.5))\" width=\"7\" height=\"7\" fill=\"#fff\" stroke=\"#1d2733\" stroke-width=\"1.4\"/>"
        }
        for (x, y) in currents {
            svg += "<circle cx=\"\(SVG.n(x))\" cy=\"\(SVG.n(y))\" r=\"3.6\" fill=\"#1d2733\"/>"
        }
        for (i, axis) in axes.enumerated() {
            let angle = -Double.pi / 2 + Double(i) * 2 * Double.pi / Double(axes.count)
            let (c, s) = (cos(angle), sin(angle))
            let lx = cx + c * (radius + 14), ly = cy + s * (radius + 14)
            let anchor = c > 0.25 ? "start" : c < -0.25 ? "end" : "middle"
            // Side labels get wider with larger text, up to the room beside the chart (200).
            let sideWidth = min(200, (160 * labelSize / 10.5).rounded())
            var lines = SVG.wrap(axis.name, maxWidth: abs(c) > 0.25 ? sideWidth : 200, size: labelSize, maxLines: 3)
            lines.append(valueLine(axis))
            let lineHeight = (labelSize * 1.24).rounded()
            let blockHeight = Double(lines.count) * lineHeight
            // Above the centre the block grows upwards, below it downwards, level ones centred.
            let firstY = s < -0.5 ? ly - blockHeight + 9 : s > 0.5 ? ly + 9 : ly - blockHeight / 2 + 9
            svg += SVG.text(lines, x: lx, y: firstY, size: labelSize, anchor: anchor, lineHeight: lineHeight)
        }
        let ly = Self.height - 10
        svg += "<line x1=\"10\" y1=\"\(SVG.n(ly - 4))\" x2=\"34\" y2=\"\(SVG.n(ly - 4))\" stroke=\"#1d2733\" stroke-width=\"2.2\"/><circle cx=\"22\" cy=\"\(SVG.n(ly - 4))\" r=\"3.6\" fill=\"#1d2733\"/>"
        svg += SVG.text(solid, x: 40, y: ly, size: labelSize)
        svg += "<line x1=\"80\" y1=\"\(SVG.n(ly - 4))\" x2=\"104\" y2=\"\(SVG.n(ly - 4))\" stroke=\"#1d2733\" stroke-width=\"1.6\" stroke-dasharray=\"6 4\"/><rect x=\"88.5\" y=\"\(SVG.n(ly - 7.5))\" width=\"7\" height=\"7\" fill=\"#fff\" stroke=\"#1d2733\" stroke-width=\"1.4\"/>"
        svg += SVG.text(dashed, x: 110, y: ly, size: labelSize)
        svg += "</svg>"
        return svg
    }
}
