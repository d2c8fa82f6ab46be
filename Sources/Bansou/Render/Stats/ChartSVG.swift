import Foundation

/// The portal's inline SVG charts and diagrams: each is `role="img"` with a <title> and an
/// aria-label (the text alternative), and the page carries a data table beside it.
/// Coordinates are rounded, so two builds give the same bytes.
enum ChartSVG {
    static func escape(_ text: String) -> String { SVG.escape(text) }
    static func n(_ v: Double) -> String { SVG.n(v) }
    static func width(_ text: String, size: Double) -> Double { SVG.width(text, size: size) }

    /// How wide a phone's drawing is (viewBox units): a 390-px screen leaves about 332 px inside
    /// the figure's frame, so 1 unit is drawn as about 1 px and 12-unit text stays 12 px.
    static let narrowWidth = 330.0

    /// The drawing for a phone (class `narrow`, its own id `<id>-narrow`) and, after it, the one
    /// for a wide screen, shown one at a time by style.css (the phone's first, so that a sibling
    /// selector can hide the wide one: the Nu checker's CSS parser does not know :has()).
    static func variants(wide: String, narrow: String) -> String {
        guard let r = narrow.range(of: "class=\"diagram\"") else { return narrow + wide }
        return narrow.replacingCharacters(in: r, with: "class=\"diagram narrow\"") + wide
    }

    static func open(id: String, width: Double, height: Double, title: String, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" id=\"\(id)\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(label))\" font-size=\"13\"><title>\(escape(title))</title>"
    }

    /// Ends an SVG opened with `open`. `role="img"` makes every child presentational, which
    /// would hide the chart's links from screen readers (axe: nested-interactive); a chart
    /// holding links drops the role (an <svg>'s own role, graphics-document, keeps the
    /// aria-label and lets each link keep its name and role; the Nu checker refuses
    /// role="group" on <svg>).
    static func close(_ svg: String) -> String {
        guard svg.contains("<a href="), let head = svg.range(of: " role=\"img\" ") else { return svg + "</svg>" }
        return svg.replacingCharacters(in: head, with: " ") + "</svg>"
    }

    static func text(_ s: String, x: Double, y: Double, size: Double = 13, anchor: String = "start", weight: String? = nil, fill: String = "#1d2733") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(weight.map { " font-weight=\"\($0)\"" } ?? "")>\(escape(s))</text>"
    }

    static func rect(x: Double, y: Double, w: Double, h: Double, fill: String, rx: Double = 0, stroke: String? = nil) -> String {
        "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(w, 0)))\" height=\"\(n(max(h, 0)))\" rx=\"\(n(rx))\" fill=\"\(fill)\"\(stroke.map { " stroke=\"\($0)\"" } ?? "")/>"
    }

    /// A link inside an SVG; `href` is already relative to the page.
    static func link(_ href: String, label: String, _ body: String) -> String {
        "<a href=\"\(escape(href))\" aria-label=\"\(escape(label))\">\(body)</a>"
    }

    static let stageFill = [1: "#fff4dc", 2: "#e4efff", 3: "#dff5eb", 4: "#f4e4fa"]
    static let stageInk = [1: "#8a5a00", 2: "#1f5fa8", 3: "#0f7a55", 4: "#7a2c8f"]
    static let brand = "#0b5c6b"

    /// Horizontal bars, one per row: label, value, optional link; on a phone each label stands
    /// above its bar.
    static func bars(id: String, title: String, rows: [(label: String, value: Int, href: String?)]) -> String {
        variants(wide: wideBars(id: id, title: title, rows: rows), narrow: narrowBars(id: id + "-narrow", title: title, rows: rows))
    }

    static func narrowBars(id: String, title: String, rows: [(label: String, value: Int, href: String?)]) -> String {
        let rowH = 42.0, barArea = narrowWidth - 50
        let top = Double(max(rows.map(\.value).max() ?? 1, 1))
        let label = title + ": " + rows.map { "\($0.label) \($0.value)件" }.joined(separator: "、")
        var svg = open(id: id, width: narrowWidth, height: Double(rows.count) * rowH + 6, title: title, label: label)
        for (i, row) in rows.enumerated() {
            let y = Double(i) * rowH + 4
            let w = Double(row.value) / top * barArea
            var body = text(row.label, x: 2, y: y + 14)
            if let href = row.href { body = link(href, label: row.label, body) }
            svg += body + rect(x: 2, y: y + 20, w: max(w, 1), h: 14, fill: brand, rx: 3)
                + text(String(row.value), x: w + 8, y: y + 32, weight: "700")
        }
        return close(svg)
    }

    static func wideBars(id: String, title: String, rows: [(label: String, value: Int, href: String?)]) -> String {
        let labelWidth = min(280, (rows.map { width($0.label, size: 13) }.max() ?? 60) + 12)
        let chartWidth = 720.0, barArea = chartWidth - labelWidth - 60, rowH = 26.0
        let top = Double(max(rows.map(\.value).max() ?? 1, 1))
        let label = title + ": " + rows.map { "\($0.label) \($0.value)件" }.joined(separator: "、")
        var svg = open(id: id, width: chartWidth, height: Double(rows.count) * rowH + 10, title: title, label: label)
        for (i, row) in rows.enumerated() {
            let y = Double(i) * rowH + 5
            let w = Double(row.value) / top * barArea
            var body = text(row.label, x: labelWidth - 8, y: y + 17, anchor: "end")
            if let href = row.href { body = link(href, label: row.label, body) }
            svg += body + rect(x: labelWidth, y: y + 4, w: max(w, 1), h: rowH - 8, fill: brand, rx: 3)
                + text(String(row.value), x: labelWidth + w + 6, y: y + 17, weight: "700")
        }
        return close(svg)
    }
}
