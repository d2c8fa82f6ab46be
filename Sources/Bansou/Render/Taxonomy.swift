/// The portal's taxonomies: each groups published stories under terms.
struct Taxonomy {
    struct Term {
        let id: String
        let name: String
        let description: String?
        let stories: [CaseStudy]
    }

    let kind: String        // path segment: industries, regions, …
    let title: String       // 業種別
    let singular: String    // 業種
    let terms: [Term]

    /// The taxonomies of a library, terms in the guidance's order (themes by count, then name).
    static func all(_ library: Library, themeSlug: (String) -> String) -> [Taxonomy] {
        let g = library.guidance
        let stories = library.published
        func group(_ key: (CaseStudy) -> [String]) -> [String: [CaseStudy]] {
            var map: [String: [CaseStudy]] = [:]
            for story in stories { for k in key(story) { map[k, default: []].append(story) } }
            return map
        }
        let byIndustry = group { [$0.meta.industry.value] }
        let byRegion = group { [$0.meta.region.value] }
        let byStage = group { Array(Set([$0.meta.stageBefore.value, $0.meta.stageAfter.value])).map(String.init) }
        let byInstitution = group { ($0.meta.institutions ?? []).map(\.value) }
        var themeNames: [String: String] = [:]
        let byTheme = group { story in
            (story.meta.themes ?? []).map { theme in
                let slug = themeSlug(theme.value)
                themeNames[slug] = theme.value
                return slug
            }
        }
        let themes = byTheme.keys.sorted { (byTheme[$0]!.count, themeNames[$1]!) > (byTheme[$1]!.count, themeNames[$0]!) }
        return [
            Taxonomy(kind: "industries", title: "業種別", singular: "業種",
                     terms: g.industries.industries.map { Term(id: $0.id.value, name: $0.name, description: nil, stories: byIndustry[$0.id.value] ?? []) }),
            Taxonomy(kind: "regions", title: "地域別", singular: "地域",
                     terms: g.regions.regions.map { Term(id: $0.id.value, name: $0.name, description: $0.prefectures.joined(separator: "・"), stories: byRegion[$0.id.value] ?? []) }),
            Taxonomy(kind: "stages", title: "段階別", singular: "段階",
                     terms: g.stages.stages.map { Term(id: String($0.id.value), name: "段階\($0.id.value) \($0.name)", description: $0.description, stories: byStage[String($0.id.value)] ?? []) }),
            Taxonomy(kind: "themes", title: "テーマ別", singular: "テーマ",
                     terms: themes.map { Term(id: $0, name: themeNames[$0]!, description: nil, stories: byTheme[$0]!) }),
            Taxonomy(kind: "institutions", title: "支援機関別", singular: "支援機関",
                     terms: g.institutions.institutions.map { Term(id: $0.id.value, name: $0.name, description: $0.roles.first, stories: byInstitution[$0.id.value] ?? []) }),
        ]
    }
}
