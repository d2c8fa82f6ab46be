/// The guidance's models as pages, generated from Content/guidance/*.yaml.
struct GuidancePages {
    let views: ViewBuilder
    var guidance: Guidance { views.guidance }
    var library: Library { views.library }

    static let topics: [(id: String, title: String, lead: String)] = [
        ("stages", "デジタル活用の4段階", "企業のデジタル活用の段階と、各段階の取組例・中小企業の調査での分布・段階ごとの生産性と売上の変化"),
        ("areas", "業務領域と段階の目安", "業務領域ごとに、段階1〜4でどのような状態かを示す目安"),
        ("process", "DX推進プロセスと支援内容", "意思決定からDX拡大・実現までの4つのフェーズと支援機関の関わり方"),
        ("challenges", "中小企業のDXの課題", "中堅・中小企業等が挙げるDXの課題（ガイダンス 2.2）と、支援機関としての対応の方向"),
        ("institutions", "支援機関と連携", "DX支援に取り組む支援機関の類型、主治医としての役割、連携のポイント"),
        ("skills", "支援人材のスキル", "DX支援に携わる人材に求められるマインド・スキルと育成の方法"),
        ("policy-tools", "政策ツール", "デジタルガバナンス・コード、DX推進指標、DX認定制度の活用"),
        ("practices", "支援機関の課題と取組", "支援機関自身が抱える4つの課題と、実践すべき6つの取組（自己点検の軸）"),
    ]

    func jobs() -> [RenderJob] {
        var jobs = [index()]
        for topic in Self.topics {
            let path = SiteLayout.guidance(topic.id)
            let body = TopicPage(id: topic.id, title: topic.title, lead: topic.lead, content: content(for: topic.id))
            jobs.append(RenderJob(path: path, template: "guidance-\(topic.id)",
                                  context: views.context(path: path, title: topic.title, description: topic.lead, body),
                                  sources: [library.contentPath("guidance/\(topic.id).yaml")]))
        }
        return jobs
    }

    struct TopicPage { let id: String; let title: String; let lead: String; let content: Any }
    struct TopicLink { let title: String; let lead: String; let url: String }

    func index() -> RenderJob {
        struct IndexPage { let topics: [TopicLink] }
        let path = SiteLayout.guidance(nil)
        let page = IndexPage(topics: Self.topics.map { TopicLink(title: $0.title, lead: $0.lead, url: SiteLayout.guidance($0.id)) })
        return RenderJob(path: path, template: "guidance", context: views.context(path: path, title: "DX支援ガイダンス", page), sources: [])
    }

    private func stories(where predicate: (CaseStudy) -> Bool) -> [StoryCard] {
        library.published.filter(predicate).prefix(3).map(views.card)
    }

    func content(for topic: String) -> Any {
        let diagrams = GuidanceDiagrams(views: views, root: SiteLayout.root(of: SiteLayout.guidance(topic)))
        switch topic {
        case "stages":
            struct Stages {
                let stages: [StageSummary]; let source: String?; let surveyN: String?; let diagram: String
                let value: GuidanceEvidenceViews.ValueChange?; let surveys: [GuidanceEvidenceViews.Survey]
            }
            let file = guidance.stages
            return Stages(stages: views.stageSummaries(), source: file.source,
                          surveyN: file.surveyN.map { ViewBuilder.number(Double($0)) }, diagram: diagrams.stages(),
                          value: file.valueChange.map { GuidanceEvidenceViews.valueChange($0, stageName: views.stageName) },
                          surveys: [file.understanding, file.expectations].compactMap { $0.map(GuidanceEvidenceViews.survey) })
        case "areas":
            struct Level { let level: Int; let text: String }
            struct AreaView { let id: String; let name: String; let indirect: Bool; let levels: [Level]; let stories: [StoryCard]; let levelsBasis: BasisLabel? }
            return guidance.areas.areas.map { area in
                AreaView(id: area.id.value, name: area.name, indirect: area.isIndirect,
                         levels: area.levels.value.enumerated().map { Level(level: $0.offset + 1, text: $0.element) },
                         stories: stories { ($0.meta.areas ?? []).contains { $0.value == area.id.value } },
                         levelsBasis: area.basis("levels"))
            }
        case "process":
            struct PhaseView {
                let number: Int; let id: String; let name: String; let summary: String; let stages: String; let activities: [Titled]; let points: [String]; let stories: [StoryCard]
                let summaryBasis: BasisLabel?; let stagesBasis: BasisLabel?; let activitiesBasis: BasisLabel?; let pointsBasis: BasisLabel?
            }
            struct Process { let phases: [PhaseView]; let diagram: String }
            return Process(phases: guidance.process.phases.enumerated().map { i, phase in
                let stageIDs = phase.stages.map(\.value)
                return PhaseView(number: i + 1, id: phase.id.value, name: phase.name, summary: phase.summary,
                                 stages: stageIDs.map { "段階\($0) \(views.stageName($0))" }.joined(separator: "・"),
                                 activities: phase.activities, points: phase.points ?? [],
                                 stories: stories { stageIDs.contains($0.meta.stageBefore.value) },
                                 summaryBasis: phase.basis("summary"), stagesBasis: phase.basis("stages"),
                                 activitiesBasis: phase.basis("activities"), pointsBasis: phase.basis("points"))
            }, diagram: diagrams.process())
        case "challenges":
            struct ChallengeView { let rank: Int; let name: String; let share: String?; let width: String; let response: String; let nameBasis: BasisLabel?; let responseBasis: BasisLabel? }
            struct Challenges { let source: String?; let items: [ChallengeView] }
            let top = guidance.challenges.challenges.compactMap(\.share).max() ?? 1
            return Challenges(source: guidance.challenges.source, items: guidance.challenges.challenges.enumerated().map { i, c in
                ChallengeView(rank: i + 1, name: c.name, share: c.share.map { ViewBuilder.number($0) + "%" },
                              width: String(format: "%.1f%%", (c.share ?? 0) / top * 100), response: c.response,
                              nameBasis: c.basis("name"), responseBasis: c.basis("response"))
            })
        case "institutions":
            struct InstitutionView {
                let id: String; let name: String; let primary: Bool; let why: [String]; let roles: [String]; let areas: String; let url: String; let count: Int
                let kinds: String?; let whyBasis: BasisLabel?; let rolesBasis: BasisLabel?; let areasBasis: BasisLabel?
            }
            struct Proximity { let text: String; let basis: BasisLabel }
            struct Institutions {
                let primary: [InstitutionView]; let others: [InstitutionView]; let collaboration: [Titled]; let diagram: String
                let background: GuidanceEvidenceViews.Background?; let proximity: Proximity?
            }
            let file = guidance.institutions
            let all = file.institutions.map { i in
                InstitutionView(id: i.id.value, name: i.name, primary: i.isPrimary, why: i.why, roles: i.roles,
                                areas: (i.areas ?? []).compactMap { guidance.area($0.value)?.name }.joined(separator: "・"),
                                url: SiteLayout.term("institutions", i.id.value),
                                count: library.published.filter { ($0.meta.institutions ?? []).contains { $0.value == i.id.value } }.count,
                                kinds: i.kinds.flatMap { $0.isEmpty ? nil : $0.joined(separator: "・") },
                                whyBasis: i.basis("why"), rolesBasis: i.basis("roles"), areasBasis: i.basis("areas"))
            }
            return Institutions(primary: all.filter(\.primary), others: all.filter { !$0.primary }, collaboration: file.collaboration,
                                diagram: diagrams.institutions(), background: file.background.map(GuidanceEvidenceViews.background),
                                proximity: file.proximity.map { Proximity(text: $0.text, basis: .guidance($0.section)) })
        case "skills":
            struct MeansView { let name: String; let areas: String; let description: String }
            struct SkillAreaView { let name: String; let description: String; let items: [String]; let descriptionBasis: BasisLabel?; let itemsBasis: BasisLabel? }
            struct Skills { let mindsets: [SkillsFile.Mindset]; let literacy: [SkillAreaView]; let supporter: [SkillAreaView]; let certifications: [MeansView]; let training: [MeansView]; let diagram: String }
            let areaView: (SkillsFile.SkillArea) -> SkillAreaView = { a in
                SkillAreaView(name: a.name, description: a.description, items: a.items, descriptionBasis: a.basis("description"), itemsBasis: a.basis("items"))
            }
            let areaName: (String) -> String = { id in guidance.skills.skillAreas.first { $0.id.value == id }?.name ?? id }
            let means: (SkillsFile.Means) -> MeansView = { m in MeansView(name: m.name, areas: m.skillAreas.map { areaName($0.value) }.joined(separator: "・"), description: m.description) }
            let literacyIDs: Set<String> = ["why", "what", "how"]
            return Skills(mindsets: guidance.skills.mindsets,
                          literacy: guidance.skills.skillAreas.filter { literacyIDs.contains($0.id.value) }.map(areaView),
                          supporter: guidance.skills.skillAreas.filter { !literacyIDs.contains($0.id.value) }.map(areaView),
                          certifications: guidance.skills.certifications.map(means), training: guidance.skills.training.map(means),
                          diagram: diagrams.skills())
        case "practices":
            return practicesContent()
        default:
            struct ToolView {
                let id: String; let name: String; let summary: String; let fromStage: String; let points: [String]; let notes: [String]
                let summaryBasis: BasisLabel?; let fromStageBasis: BasisLabel?; let pointsBasis: BasisLabel?; let notesBasis: BasisLabel?
                let links: [LinkView]
            }
            return guidance.policyTools.tools.map { t in
                ToolView(id: t.id.value, name: t.name, summary: t.summary,
                         fromStage: "段階\(t.fromStage.value)（\(views.stageName(t.fromStage.value))）から", points: t.points ?? [], notes: t.notes ?? [],
                         summaryBasis: t.basis("summary"), fromStageBasis: t.basis("from_stage"),
                         pointsBasis: t.basis("points"), notesBasis: t.basis("notes"),
                         links: (t.links ?? []).map { LinkView(name: $0.title, url: $0.url.value) })
            }
        }
    }

    /// 3.2's challenges of institutions and 3.8's practices; which challenge a practice
    /// answers is the data's reading, labelled so on the page.
    private func practicesContent() -> Any {
        struct ChallengeRef { let id: String; let short: String }
        struct Suggestion { let section: String; let text: String }
        struct PracticeView { let id: String; let name: String; let summary: String; let answers: [ChallengeRef]; let suggestions: [Suggestion] }
        struct ChallengeView { let id: String; let short: String; let name: String; let detail: String }
        struct Practices { let challenges: [ChallengeView]; let practices: [PracticeView]; let answersReading: String?; let source: String? }
        let file = guidance.practices
        return Practices(
            challenges: file.challenges.map { ChallengeView(id: $0.id.value, short: $0.short, name: $0.name, detail: $0.detail) },
            practices: file.practices.map { p in
                PracticeView(id: p.id.value, name: p.name, summary: p.summary,
                             answers: p.answers.compactMap { id in file.challenge(id.value).map { ChallengeRef(id: $0.id.value, short: $0.short) } },
                             suggestions: p.suggestions.map { Suggestion(section: $0.section, text: $0.text) })
            },
            answersReading: file.answersReading, source: file.source)
    }
}
