/// The provenance marks of the guidance data (`section`, `reading`; see `GuidanceSourced`):
/// a `reading` key must name one of the item's keys, or the portal would label nothing and
/// the mistake would go unseen; and the value-by-stage figures must name real stages once.
extension GuidanceValidator {
    func validateReadings(_ g: Guidance) {
        checkReadings(g.stages.stages)
        checkReadings(g.areas.areas)
        checkReadings(g.process.phases)
        checkReadings(g.challenges.challenges)
        checkReadings(g.institutions.institutions)
        checkReadings(g.skills.skillAreas)
        checkReadings(g.policyTools.tools)
        checkReadings(g.needLayers.layers)
        if let change = g.stages.valueChange {
            var seen = Set<Int>()
            for row in change.stages {
                check.range(row.stage, 1...4, what: "a stage")
                if !seen.insert(row.stage.value).inserted {
                    log.error("value_change gives stage \(row.stage.value) twice", at: row.stage.location)
                }
            }
            for stage in change.unplaced?.stages ?? [] where seen.contains(stage.value) {
                log.error("value_change.unplaced names stage \(stage.value), which value_change.stages already gives", at: stage.location)
            }
        }
    }

    private func checkReadings<T: GuidanceSourced>(_ items: [T]) {
        for item in items {
            for entry in item.reading?.entries ?? [] where !T.readableKeys.contains(entry.key.value) {
                log.error("reading names '\(entry.key.value)', which is not a key of this item (one of: \(T.readableKeys.joined(separator: ", ")))",
                          at: entry.key.location)
            }
        }
    }
}
