import Foundation

/// report.json: the findings of one report for a CRM or a spreadsheet (spec "Output").
/// Keys are sorted and no date but `as_of` appears, so the bytes are stable.
enum ReportJSON {
    static func object(client: Client, diagnosis d: Diagnosis) -> [String: Any] {
        let stage = d.stage
        func orNull(_ value: Any?) -> Any { value ?? NSNull() }
        let roadmap: [[String: Any]] = d.roadmap.tasks.map { task in
            [
                "id": orNull(task.id), "title": task.title, "start": task.start.description, "months": task.months,
                "owner": task.owner, "end": task.end.description, "partner": orNull(task.partner), "area": orNull(task.area),
                "kind": task.kind.rawValue, "status": task.status.rawValue, "reason": task.reason, "basis": task.basis,
                "goal": orNull(task.goal),
            ]
        }
        // Spec v2: the current assessment against the latest earlier one; null without history.
        let progress: Any = d.change.map { change -> [String: Any] in
            [
                "since": change.since.description, "stage_then": orNull(change.stageThen), "stage_now": orNull(change.stageNow),
                "areas": change.areas.mapValues { [$0.then, $0.now] },
            ]
        } ?? NSNull()
        func dated(_ items: [Achievement]) -> [[String: Any]] {
            items.map { ["id": $0.id, "title": $0.title, "date": orNull($0.date?.description)] }
        }
        let portfolio = d.portfolio
        let areas = Dictionary((client.areas?.entries ?? []).map { ($0.key.value, $0.value.level.value) }, uniquingKeysWith: { a, _ in a })
        return [
            "client": client.id.value,
            "name": client.name.value,
            "as_of": d.asOf.description,
            "stage": orNull(stage.effective),
            "computed_stage": orNull(stage.computed),
            "stage_reason": stage.reason,
            "stage_override": stage.override.map { ["stage": $0.stage, "reason": $0.reason] as [String: Any] } ?? NSNull(),
            "areas": areas,
            "weak_areas": stage.weakAreas.map(\.id),
            "next_levels": Dictionary(stage.weakAreas.map { ($0.id, $0.nextLevel) }, uniquingKeysWith: { a, _ in a }),
            "bpo_candidates": stage.bpoCandidates.map(\.id),
            "need_layer": orNull(client.needLayer?.value),
            "advisor": orNull(client.advisor?.value),
            "focus_phase": d.focusPhase.map { ["id": $0.id.value, "name": $0.name, "reason": d.focusPhaseReason] as [String: Any] } ?? NSNull(),
            "policy_tools": d.policyTools.map { ["id": $0.tool.id.value, "goal": $0.isGoal, "reason": $0.reason,
                                                 "achieved": orNull($0.achieved), "date": orNull($0.date?.description)] as [String: Any] },
            "challenges": d.challenges.map(\.id),
            "similar_stories": d.similarStories.map(\.slug),
            "similar_story_reasons": Dictionary(d.similarStories.map { ($0.slug, $0.reasons) }, uniquingKeysWith: { a, _ in a }),
            "roadmap": roadmap,
            "roadmap_notes": d.roadmap.notes,
            "assessed": d.stage.isUndiagnosed ? NSNull() : d.history.current.date.description,
            "progress": progress,
            "achievements": dated(d.roadmap.achievements),
            "dropped": dated(d.roadmap.dropped),
            "own_stories": d.ownStories.map(\.slug),
            "expected_effects": d.expectedEffects.map { e -> [String: Any] in
                ["story": e.storySlug, "label": e.label, "percent": e.percent, "same_industry": e.sameIndustry, "areas": e.areas]
            },
            "overdue": portfolio.overdue,
            "stage_12m_ago": orNull(portfolio.stage12MonthsAgo),
            "days_since_meeting": orNull(portfolio.daysSinceMeeting),
        ]
    }

    static func data(client: Client, diagnosis: Diagnosis) -> Data {
        var writer = JSONWriter()
        writer.write(object(client: client, diagnosis: diagnosis))
        writer.append("\n")
        return Data(writer.bytes)
    }

    /// Pretty-printed with sorted keys (JSONSerialization's sorting was a quarter of the
    /// reports stage on 1,000 clients), by `JSONWriter`; `indent` is spaces.
    static func write(_ value: Any, to out: inout String, indent: String) {
        var writer = JSONWriter()
        writer.write(value, indent: indent.count)
        out += String(decoding: writer.bytes, as: UTF8.self)
    }
}
