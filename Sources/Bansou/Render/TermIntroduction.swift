/// The introduction of a taxonomy term's page (an industry, a region, a theme, an institution):
/// what its stories share, how many there are and how far they moved. Stage pages have the
/// guidance's own text instead.
enum TermIntroduction {
    static func text(kind: String, name: String, stories: [CaseStudy]) -> String? {
        let subject: String
        switch kind {
        case "industries": subject = "「\(name)」（日本標準産業分類の大分類）の企業の事例です。"
        case "regions": subject = "\(name)地方の企業の事例です。"
        case "themes": subject = "「\(name)」に取り組んだ事例です。"
        case "institutions": subject = "\(name)が支援に関わった事例です。"
        default: return nil
        }
        guard !stories.isEmpty else { return subject + "掲載している事例はまだありません。" }
        return subject + "掲載している\(stories.count)件の段階の移り変わりは、" + moves(stories) + "です。"
    }

    /// "段階1→段階2 が3件、段階2→段階3 が1件": the most frequent first, then by stage.
    static func moves(_ stories: [CaseStudy]) -> String {
        var counts: [[Int]: Int] = [:]
        for s in stories { counts[[s.meta.stageBefore.value, s.meta.stageAfter.value], default: 0] += 1 }
        return counts.sorted { ($1.value, $0.key[0], $0.key[1]) < ($0.value, $1.key[0], $1.key[1]) }
            .map { move, count in move[0] == move[1] ? "段階\(move[0])のまま が\(count)件" : "段階\(move[0])→段階\(move[1]) が\(count)件" }
            .joined(separator: "、")
    }
}
