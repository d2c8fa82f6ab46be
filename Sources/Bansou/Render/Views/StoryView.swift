/// A story as a card in lists.
struct StoryCard {
    let slug: String
    let url: String
    let title: String
    let alias: String
    let date: String
    let dateISO: String
    let summary: String?
    let industry: LinkView
    let region: LinkView
    let size: String?
    let stageBefore: Int
    let stageAfter: Int
    let stageBeforeName: String
    let stageAfterName: String
    let moved: Bool
    /// Space-separated ids, read by the list page's filters.
    let filterData: String
}

/// A story's own page.
struct StoryPage {
    let card: StoryCard
    let bodyHTML: String
    let outcomes: [OutcomeRow]
    let hasOutcomes: Bool
    let areas: [LinkView]
    let institutions: [LinkView]
    let partners: [PartnerRow]
    let themes: [LinkView]
    let tools: [String]
    let related: [RenderedCard]
    /// What did not work and what was learned (front matter `setbacks`).
    let setbacks: [SetbackRow]
}

struct SetbackRow {
    let what: String
    let learned: String
}

struct OutcomeRow {
    let label: String
    let before: String
    let after: String
    let unit: String
    let change: String
    let improved: Bool?
}

struct PartnerRow {
    let name: String
    let type: String
    let region: String?
    let strengths: String
    let description: String?
    let url: String?
}
