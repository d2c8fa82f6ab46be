/// Checks Content/institution.yaml: each self-check dated once, not after the as-of date,
/// scoring every practice of practices.yaml 0–3 and nothing else.
struct InstitutionValidator {
    let check: Checker
    let refs: ReferenceIndex
    let log: DiagnosticLog
    let asOf: Day

    func validate(_ record: InstitutionRecord) {
        if let commitment = record.commitment, !commitment.statement.isPlaceholder,
           commitment.statement.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            log.error("commitment.statement must not be empty", at: commitment.statement.location)
        }
        var seen = Set<Day>()
        let practices = refs.practices
        for selfCheck in record.selfChecks ?? [] {
            let date = selfCheck.date
            if date.value > asOf {
                log.error("a self-check dated \(date.value) is after the as-of date \(asOf): record a check when it has been made", at: date.location)
            }
            if !seen.insert(date.value).inserted {
                log.error("two self-checks are dated \(date.value): keep one per date", at: date.location)
            }
            check.reference(selfCheck.by, in: refs.staff, kind: "staff member", file: check.path("staff"))
            var scored = Set<String>()
            for entry in selfCheck.scores.entries {
                check.reference(entry.key, in: practices, kind: "practice", file: check.path("guidance/practices.yaml"))
                check.range(entry.value.score, SelfCheckScale.range, what: "a self-check score")
                scored.insert(entry.key.value)
            }
            // A check that leaves a practice out could not be compared with the next one.
            let missing = practices.subtracting(scored).sorted()
            if !missing.isEmpty {
                log.error("the self-check of \(date.value) does not score \(missing.joined(separator: ", ")) (every practice of guidance/practices.yaml, 0–3)",
                          at: date.location)
            }
        }
    }
}
