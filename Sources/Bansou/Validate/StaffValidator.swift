/// Checks a staff file (staff/<id>.yaml): ratings and targets against skills.yaml's
/// skill areas, 0–3; dated past ratings; trainings and certifications with their months.
struct StaffValidator {
    let check: Checker
    let refs: ReferenceIndex
    let log: DiagnosticLog
    let asOf: Day

    func validate(_ member: StaffMember) {
        check.idMatchesFile(member.id, path: member.path)
        check.reference(member.institution, in: refs.institutions, kind: "institution type", file: check.path("guidance/institutions.yaml"))
        ratings(member.skills, what: "a skill rating")
        ratings(member.targets, what: "a skill target")
        var seenDates = Set<Day>()
        for past in member.pastSkills ?? [] {
            ratings(past.skills, what: "a skill rating")
            if past.date.value > asOf {
                log.error("past_skills date \(past.date.value) is after the as-of date \(asOf): past ratings are dated when they were made",
                          at: past.date.location)
            }
            if !seenDates.insert(past.date.value).inserted {
                log.error("past_skills has two ratings dated \(past.date.value)", at: past.date.location)
            }
        }
        for training in member.trainings ?? [] {
            check.month(training.month, what: "training month")
            check.oneOf(training.status, StaffMember.trainingStatuses, what: "training status")
            check.references(training.skills, in: refs.skillAreas, kind: "skill area", file: check.path("guidance/skills.yaml"))
            if training.isDone, let month = training.yearMonth, month > YearMonth(asOf) {
                log.error("training '\(training.title)' is done but dated \(month), after the as-of month \(YearMonth(asOf))", at: training.month.location)
            }
        }
        for certification in member.certifications ?? [] {
            check.month(certification.month, what: "certification date")
            check.oneOf(certification.status, StaffMember.certificationStatuses, what: "certification status")
        }
    }

    private func ratings(_ map: OrderedMap<Located<Int>>?, what: String) {
        for entry in map?.entries ?? [] {
            check.reference(entry.key, in: refs.skillAreas, kind: "skill area", file: check.path("guidance/skills.yaml"))
            check.range(entry.value, 0...3, what: what)
        }
    }
}
