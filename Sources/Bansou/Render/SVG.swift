import Foundation

/// Small helpers shared by every inline SVG (report charts, portal charts and diagrams),
/// and the one XML escaper of the project (feeds and sitemaps too): escaping, number
/// formatting that never depends on the locale, and a rough text width for
/// Japanese labels (full-width glyphs are 1 em, others about 0.55 em).
enum SVG {
    /// Escapes text for XML character data and attribute values. Control characters that
    /// XML 1.0 forbids are dropped rather than written into an invalid document.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if ch.value < 0x20 && ch != "\n" && ch != "\t" && ch != "\r" { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A coordinate with at most one decimal, "12" or "12.5": deterministic across builds.
    static func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        // Whole tenths in integers: String(format:) was half the time of drawing a report's
        // Gantt chart. The same text as below (ReportFastPathTests compares them).
        if tenths.magnitude < 1e15 {
            let t = Int(tenths)
            if t % 10 == 0 { return String(t / 10) }
            return (t < 0 ? "-" : "") + String(t.magnitude / 10) + "." + String(t.magnitude % 10)
        }
        let rounded = tenths / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    static func n(_ value: Int) -> String { String(value) }

    /// Estimated width in px of `text` at `size` px.
    static func width(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { sum, scalar in sum + (scalar.value < 0x2000 ? 0.56 : 1.0) } * size
    }

    /// Splits text into lines no wider than `maxWidth` px (by the estimate), at most `maxLines`;
    /// the last line ends in "…" when text is left over.
    static func wrap(_ text: String, maxWidth: Double, size: Double, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for ch in text {
            let candidate = current + String(ch)
            if width(candidate, size: size) > maxWidth, !current.isEmpty {
                lines.append(current)
                current = String(ch)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            var last = lines[maxLines - 1]
            while width(last + "…", size: size) > maxWidth, !last.isEmpty { last.removeLast() }
            lines = Array(lines.prefix(maxLines - 1)) + [last + "…"]
        }
        // Kinsoku-lite: do not start a line with closing punctuation.
        for i in lines.indices.dropFirst() {
            if let first = lines[i].first, "、。）」』・ー".contains(first) {
                lines[i - 1].append(first)
                lines[i].removeFirst()
            }
        }
        return lines.filter { !$0.isEmpty }
    }

    /// The opening tag every chart uses: scalable, an image to assistive technology, titled.
    static func open(id: String, width: Double, height: Double, title: String, description: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" id="\(id)" viewBox="0 0 \(n(width)) \(n(height))" width="\(n(width))" height="\(n(height))" role="img" aria-labelledby="\(id)-title \(id)-desc" font-size="11"><title id="\(id)-title">\(escape(title))</title><desc id="\(id)-desc">\(escape(description))</desc>
        """
    }

    /// Black-and-white fill patterns, ids prefixed so several charts can share a page.
    static func patterns(prefix: String) -> String {
        """
        <defs>\
        <pattern id="\(prefix)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#222" stroke-width="2.2"/></pattern>\
        <pattern id="\(prefix)-dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#fff"/><circle cx="2.5" cy="2.5" r="1.2" fill="#222"/></pattern>\
        <pattern id="\(prefix)-lines" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#fff"/><line x1="0" y1="2.5" x2="5" y2="2.5" stroke="#222" stroke-width="1.3"/></pattern>\
        <pattern id="\(prefix)-cross" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="7" height="7" fill="#fff"/><line x1="0" y1="3.5" x2="7" y2="3.5" stroke="#222" stroke-width="1"/><line x1="3.5" y1="0" x2="3.5" y2="7" stroke="#222" stroke-width="1"/></pattern>\
        </defs>
        """
    }

    /// A text element; lines after the first are placed `lineHeight` below.
    static func text(_ lines: [String], x: Double, y: Double, size: Double = 11, anchor: String = "start",
                     weight: String? = nil, lineHeight: Double? = nil, fill: String = "#1d2733", extra: String = "") -> String {
        let lh = lineHeight ?? size * 1.25
        let attrs = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
            + (weight.map { " font-weight=\"\($0)\"" } ?? "") + extra
        if lines.count == 1 { return "<text \(attrs)>\(escape(lines[0]))</text>" }
        let spans = lines.enumerated().map { i, line in
            "<tspan x=\"\(n(x))\" dy=\"\(i == 0 ? "0" : n(lh))\">\(escape(line))</tspan>"
        }.joined()
        return "<text \(attrs)>\(spans)</text>"
    }

    static func text(_ line: String, x: Double, y: Double, size: Double = 11, anchor: String = "start",
                     weight: String? = nil, fill: String = "#1d2733", extra: String = "") -> String {
        text([line], x: x, y: y, size: size, anchor: anchor, weight: weight, fill: fill, extra: extra)
    }
}
