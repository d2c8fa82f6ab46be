/// Checks the guidance data: the ids and shapes other content relies on.
struct GuidanceValidator {
    /// `task.timing` of a policy tool (PolicyTask.isLate reads `late`).
    static let timings = ["early", "late"]

    let check: Checker
    let refs: ReferenceIndex
    let log: DiagnosticLog

    func validate(_ g: Guidance) {
        var seenStages = Set<Int>()
        for stage in g.stages.stages {
            check.range(stage.id, 1...4, what: "a stage id")
            if !seenStages.insert(stage.id.value).inserted {
                log.error("duplicate stage \(stage.id.value)", at: stage.id.location)
            }
        }
        if seenStages != [1, 2, 3, 4], let first = g.stages.stages.first {
            log.error("stages.yaml must define the stages 1, 2, 3 and 4", at: first.id.location)
        }
        check.unique(g.areas.areas, id: \.id, kind: "area")
        for area in g.areas.areas where area.levels.value.count != 4 {
            log.error("area '\(area.id.value)' needs exactly four level descriptors (levels 1–4), found \(area.levels.value.count)", at: area.levels.location)
        }
        check.unique(g.process.phases, id: \.id, kind: "process phase")
        for phase in g.process.phases {
            phase.stages.forEach { check.range($0, 1...4, what: "a stage") }
        }
        check.unique(g.indicators.indicators, id: \.id, kind: "indicator")
        check.unique(g.challenges.challenges, id: \.id, kind: "challenge")
        check.unique(g.institutions.institutions, id: \.id, kind: "institution type")
        for institution in g.institutions.institutions {
            check.references(institution.areas, in: refs.areas, kind: "area", file: check.path("guidance/areas.yaml"))
        }
        check.unique(g.skills.mindsets, id: \.id, kind: "mindset")
        check.unique(g.skills.skillAreas, id: \.id, kind: "skill area")
        for means in g.skills.certifications + g.skills.training {
            check.references(means.skillAreas, in: refs.skillAreas, kind: "skill area", file: check.path("guidance/skills.yaml"))
        }
        check.unique(g.policyTools.tools, id: \.id, kind: "policy tool")
        for tool in g.policyTools.tools {
            for link in tool.links ?? [] { check.link(link.url, field: "links.url", allowing: LinkURL.web) }
            check.range(tool.fromStage, 1...4, what: "from_stage")
            // v2: how the tool becomes a plan task (`policy:<id>`).
            guard let task = tool.task else { continue }
            check.range(task.months, 1...36, what: "task.months")
            let timing = task.timing
            if !timing.isPlaceholder, !Self.timings.contains(timing.value) {
                log.error("task.timing must be early (the month after the plan starts) or late (ending with the plan), found '\(timing.value)'", at: timing.location)
            }
        }
        check.unique(g.industries.industries, id: \.id, kind: "industry")
        check.unique(g.regions.regions, id: \.id, kind: "region")
        check.unique(g.needLayers.layers, id: \.id, kind: "need layer")
        validateReadings(g)
        check.unique(g.practices.challenges, id: \.id, kind: "institution challenge")
        check.unique(g.practices.practices, id: \.id, kind: "practice")
        for practice in g.practices.practices {
            check.references(practice.answers, in: refs.institutionChallenges, kind: "institution challenge",
                             file: check.path("guidance/practices.yaml"))
        }
    }
}
