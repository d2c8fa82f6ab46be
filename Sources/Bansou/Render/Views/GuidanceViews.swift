/// Context types of the guidance pages and the home page.
struct StageSummary {
    let id: Int
    let name: String
    let title: String
    let phase: String
    let description: String
    let examples: [String]
    let share: String
    let shareWidth: String
    let url: String
    let storiesFrom: Int
    let storiesTo: Int
    /// The home page's line under the stage: the stories that reached it, or, when none did (stage 1:
    /// nobody moves down to it), the stories that started there, or that there are none yet;
    /// never "到達した事例 0件".
    let storiesLine: String
    /// Whose words the title and the examples are (「ガイダンス 2.1」 / 「本ポータルの整理」).
    let titleBasis: BasisLabel?
    let examplesBasis: BasisLabel?
    /// 2.2's median change of labour productivity and sales at this stage, when the guidance ties one to it.
    let valueChange: String?
}

struct BarRow {
    let name: String
    let url: String
    let count: Int
    let width: String
}

struct HomePage {
    let intro: String
    let stages: [StageSummary]
    let latest: [RenderedCard]
    let storyCount: Int
    let industryCount: Int
    /// Stories whose stage went up (all of them, in a sample that keeps its promise); the home page
    /// shows it instead of a count of regions, which read "8 地方" on a one-region portal.
    let movedUpCount: Int
    let byStage: [BarRow]
    let byIndustry: [BarRow]
    let surveySource: String?
}

struct ListPage {
    let heading: String
    let lead: String?
    let stories: [RenderedCard]
    let pager: Pager?
    let taxonomies: [TaxonomyNav]
    /// The filter form, on the first page of the story list only.
    var filters: FilterPanel? = nil
}

/// The story list's filter form (rendered hidden; Templates/assets/filters.js shows it).
struct FilterPanel {
    struct Option { let id: String; let name: String; let count: Int }
    struct Facet { let key: String; let label: String; let options: [Option] }
    let facets: [Facet]
    /// The story index inline, when it is small enough (see StoryIndex.embedLimit).
    let embeddedJSON: String?
    let indexURL: String
}

struct TaxonomyNav {
    let title: String
    let url: String
    let terms: [LinkView]
    /// "すべてのテーマ（41）" when the sidebar shows only the first terms of a long taxonomy.
    var more: String? = nil
}

struct Pager {
    struct Item { let number: Int; let url: String; let current: Bool; let gap: Bool }
    let current: Int
    let total: Int
    let prev: String?
    let next: String?
    let items: [Item]

    /// The page numbers to show: the first, the last and two either side of the current one,
    /// with nil for a gap (…), so a list of 500 pages does not print 500 links on every page.
    static func window(current: Int, total: Int, radius: Int = 2) -> [Int?] {
        var shown = Set([1, total])
        for n in max(1, current - radius)...min(total, current + radius) { shown.insert(n) }
        var result: [Int?] = []
        var previous = 0
        for n in shown.sorted() {
            if n > previous + 1 { result.append(nil) }
            result.append(n)
            previous = n
        }
        return result
    }
}

struct TermPage {
    let kind: String
    let singular: String
    let name: String
    let description: String?
    /// What the stories of the term share and how far they moved (TermIntroduction).
    var intro: String? = nil
    let stories: [RenderedCard]
    let count: Int
    let indexURL: String
    let stage: StageSummary?
    let pager: Pager?
}

struct TaxonomyIndexPage {
    let title: String
    let singular: String
    let terms: [LinkView]
}

struct TextPage {
    let title: String
    let bodyHTML: String
    let date: String?
    /// The about page only: the institution's commitment statement (guidance 3.8), when
    /// institution.yaml marks it `public: true`.
    var commitment: CommitmentView? = nil
}

struct CommitmentView {
    let paragraphs: [String]
    let date: String?
}
