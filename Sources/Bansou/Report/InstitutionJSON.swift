import Foundation

/// Output/reports/institution/institution.json: every figure of the institution report, from
/// `InstitutionFacts`, keys sorted (ReportJSON's writer) so two builds give the same bytes.
/// Ids, not names: the self-check by practice id, staff by staff id, partners and areas by id.
enum InstitutionJSON {
    static func object(_ facts: InstitutionFacts) -> [String: Any] {
        func orNull(_ value: Any?) -> Any { value ?? NSNull() }
        let check = facts.selfCheck
        let selfCheck: [String: Any] = [
            "date": orNull(check.date?.description),
            "previous_date": orNull(check.previousDate?.description),
            "total": check.date == nil ? NSNull() : check.total,
            "previous_total": orNull(check.previousTotal),
            "maximum": check.maximum,
            "practices": check.rows.map { row -> [String: Any] in
                ["practice": row.practice, "score": row.now, "previous": orNull(row.previous), "change": orNull(row.change)]
            },
            "next": check.next,
        ]
        let staff = facts.staff
        let staffObject: [String: Any] = [
            "skill_areas": staff.skillAreas,
            "gap_now": staff.gapNow,
            "gap_then": staff.gapThenCompared,
            "gap_closed": staff.closed,
            "compared_members": staff.compared,
            "trainings_done_12m": staff.trainingsDone,
            "certifications_held": staff.certificationsHeld,
            "members": staff.members.map { m -> [String: Any] in
                [
                    "staff": m.id, "skills": m.now, "targets": m.targets.map { orNull($0) },
                    "gap": m.gapNow, "gap_then": orNull(m.gapThen), "closed": orNull(m.closed),
                    "compared_on": orNull(m.comparedOn?.description),
                ]
            },
            "planned": staff.planned.map { p -> [String: Any] in
                ["kind": p.kind.rawValue, "staff": p.staff, "title": p.title, "month": orNull(p.month?.description)]
            },
        ]
        func count(_ c: CollaborationFacts.Count) -> [String: Any] {
            var outcomes: [String: Any] = [:]
            for (outcome, n) in zip(ReferralOutcome.allCases, c.outcomes) { outcomes[outcome.rawValue] = n }
            return ["made": c.made, "received": c.received, "outcomes": outcomes]
        }
        let collaboration = facts.collaboration
        let collaborationObject: [String: Any] = [
            "from": collaboration.from.description,
            "to": collaboration.to.description,
            "total": count(collaboration.total),
            "prospects": collaboration.prospects,
            "partners": collaboration.partners.map { p -> [String: Any] in count(p.count).merging(["partner": p.id]) { a, _ in a } },
            "areas": collaboration.areas.map { a -> [String: Any] in count(a.count).merging(["area": a.id]) { x, _ in x } },
        ]
        let p = facts.portfolio
        return [
            "as_of": facts.asOf.description,
            "self_check": selfCheck,
            "staff": staffObject,
            "collaboration": collaborationObject,
            "portfolio": [
                "clients": p.clients, "moved_up_12m": p.movedUp, "compared_12m": p.compared,
                "stories_published": p.storiesPublished, "stories_last_12m": p.storiesLast12Months,
                "overdue_tasks": p.overdueTasks, "clients_with_overdue": p.clientsWithOverdue,
            ] as [String: Any],
        ]
    }

    static func data(_ facts: InstitutionFacts) -> Data {
        var out = ""
        ReportJSON.write(object(facts), to: &out, indent: "")
        out += "\n"
        return Data(out.utf8)
    }
}
