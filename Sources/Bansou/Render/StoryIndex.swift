import Foundation

/// The static index of published stories behind the story list's filters
/// (Output/site/cases/index.json, and embedded in cases/index.html when small).
/// Public fields only: what a card shows and what the filters need, never `client`.
///
/// `{ "version": 1, "facets": { "industry": [{"id","name","count"}], … },
///    "stories": [{ "slug","url","title","alias","date","dateISO","summary",
///                  "industry","region","size","before","after","institutions","themes","setbacks" }] }`
/// (`setbacks` only when true).
/// `url` is relative to the site root; the script makes it relative to the list page.
struct StoryIndex {
    static let path = "cases/index.json"
    /// Embed the index in cases/index.html up to this size; above it the script fetches index.json.
    static let embedLimit = 2_000_000

    /// Facet values with names and counts, by query key.
    let facets: [String: [Facet]]
    /// The JSON text of cases/index.json (also embedded in cases/index.html when small).
    let json: String

    init(views: ViewBuilder) {
        let entries = Self.entries(views)
        facets = Self.facets(entries, views: views)
        json = Self.json(entries, facets: facets)
    }

    struct Facet { let id: String; let name: String; let count: Int }
    struct Entry {
        let slug: String, url: String, title: String, alias: String, date: String, dateISO: String
        let summary: String?
        let industry: String, region: String, size: String?
        let before: Int, after: Int
        let institutions: [String], themes: [String]
        /// The story tells what did not work (front matter `setbacks`).
        let setbacks: Bool
    }

    /// The filter 「つまずきから学ぶ」: one option, the stories with setbacks (guidance 3.8).
    static let setbacksFacet = "setbacks"
    static let setbacksValue = "yes"

    /// The facets, in the order the form shows them: (query key, label, values).
    static let facetOrder: [(key: String, label: String)] = [
        ("industry", "業種"), ("region", "地域"), ("before", "支援前の段階"), ("after", "支援後の段階"),
        ("size", "従業員規模"), ("institution", "支援機関"), ("theme", "テーマ"), (setbacksFacet, "つまずきから学ぶ"),
    ]

    static func entries(_ views: ViewBuilder) -> [Entry] {
        views.library.published.map { story in
            let m = story.meta
            return Entry(slug: story.slug, url: SiteLayout.story(story.slug), title: m.title.value, alias: m.alias.value,
                         date: m.date.value.japanese, dateISO: m.date.value.description, summary: m.summary?.value,
                         industry: m.industry.value, region: m.region.value, size: m.size?.value,
                         before: m.stageBefore.value, after: m.stageAfter.value,
                         institutions: (m.institutions ?? []).map(\.value), themes: (m.themes ?? []).map { views.themeSlug($0.value) },
                         setbacks: !(m.setbacks ?? []).isEmpty)
        }
    }

    static func facets(_ entries: [Entry], views: ViewBuilder) -> [String: [Facet]] {
        let g = views.guidance
        func count(_ key: (Entry) -> [String]) -> [String: Int] {
            var c: [String: Int] = [:]
            for e in entries { for k in Set(key(e)) { c[k, default: 0] += 1 } }
            return c
        }
        func facet(_ ids: [(String, String)], _ counts: [String: Int]) -> [Facet] {
            ids.compactMap { id, name in counts[id].map { Facet(id: id, name: name, count: $0) } }
        }
        let stages = g.stages.stages.map { (String($0.id.value), "段階\($0.id.value) \($0.name)") }
        var themeNames: [String: String] = [:]
        for story in views.library.published { for t in story.meta.themes ?? [] { themeNames[views.themeSlug(t.value)] = t.value } }
        let themeCounts = count(\.themes)
        let themes = themeCounts.keys.sorted { (themeCounts[$0]!, themeNames[$1]!) > (themeCounts[$1]!, themeNames[$0]!) }
        return [
            "industry": facet(g.industries.industries.map { ($0.id.value, $0.name) }, count { [$0.industry] }),
            "region": facet(g.regions.regions.map { ($0.id.value, $0.name) }, count { [$0.region] }),
            "before": facet(stages, count { [String($0.before)] }),
            "after": facet(stages, count { [String($0.after)] }),
            "size": facet(SizeBand.all.map { ($0, SizeBand.label($0)) }, count { $0.size.map { [$0] } ?? [] }),
            "institution": facet(g.institutions.institutions.map { ($0.id.value, $0.name) }, count(\.institutions)),
            "theme": themes.map { Facet(id: $0, name: themeNames[$0]!, count: themeCounts[$0]!) },
            setbacksFacet: facet([(setbacksValue, "失敗例と学びを載せた事例")], count { $0.setbacks ? [setbacksValue] : [] }),
        ]
    }

    /// The JSON text, deterministic (sorted keys) and safe to embed in a <script> element.
    /// Written by hand on every core: Foundation's JSONEncoder took 0.6 s of a 10,000-story build.
    static func json(_ entries: [Entry], facets: [String: [Facet]]) -> String {
        func string(_ text: String) -> String { JSONString.literal(text) }
        func strings(_ list: [String]) -> String { "[" + list.map(string).joined(separator: ",") + "]" }
        let facetText = facets.keys.sorted().map { key in
            string(key) + ":[" + facets[key, default: []].map { "{\"count\":\($0.count),\"id\":\(string($0.id)),\"name\":\(string($0.name))}" }
                .joined(separator: ",") + "]"
        }.joined(separator: ",")
        let storyText = parallelMap(entries) { e -> String in
            var fields = [
                "\"after\":\(e.after)", "\"alias\":\(string(e.alias))", "\"before\":\(e.before)", "\"date\":\(string(e.date))",
                "\"dateISO\":\(string(e.dateISO))", "\"industry\":\(string(e.industry))", "\"institutions\":\(strings(e.institutions))",
                "\"region\":\(string(e.region))",
            ]
            if e.setbacks { fields.append("\"setbacks\":true") }
            if let size = e.size { fields.append("\"size\":\(string(size))") }
            fields.append("\"slug\":\(string(e.slug))")
            if let summary = e.summary { fields.append("\"summary\":\(string(summary))") }
            fields += ["\"themes\":\(strings(e.themes))", "\"title\":\(string(e.title))", "\"url\":\(string(e.url))"]
            return "{" + fields.joined(separator: ",") + "}"
        }.joined(separator: ",")
        return "{\"facets\":{\(facetText)},\"stories\":[\(storyText)],\"version\":1}"
    }
}
