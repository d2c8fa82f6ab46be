/// Checks Content/referrals/*.yaml: a client record or a company name (one of the two),
/// a known partner, a direction, a date not after the as-of date, known areas, an outcome.
struct ReferralValidator {
    let check: Checker
    let refs: ReferenceIndex
    let log: DiagnosticLog
    let asOf: Day

    func validate(_ referrals: [Referral]) {
        for referral in referrals {
            let file = SourceLocation(path: referral.path, line: 1, column: 1)
            check.slug(Located(referral.id, at: file), kind: "referral file name")
            switch (referral.client, referral.company) {
            case (nil, nil):
                log.error("a referral names a client (client: <id> of clients/) or, for a company without a record yet, company: <name>", at: file)
            case (let client?, let company?):
                log.error("client and company both given: a company with a client record is named by its id only", at: company.location)
                check.reference(client, in: refs.clients, kind: "client", file: check.path("clients"))
            case (let client?, nil):
                check.reference(client, in: refs.clients, kind: "client", file: check.path("clients"))
            case (nil, let company?):
                if company.value.trimmingCharacters(in: .whitespaces).isEmpty { log.error("company must not be empty", at: company.location) }
            }
            check.reference(referral.partner, in: refs.partners, kind: "partner", file: check.path("partners"))
            check.oneOf(referral.direction, ReferralDirection.all, what: "direction (out: we referred the client, in: the partner referred it to us)")
            check.oneOf(referral.outcome, ReferralOutcome.allCases.map(\.rawValue), what: "outcome")
            check.references(referral.areas, in: refs.areas, kind: "area", file: check.path("guidance/areas.yaml"))
            check.reference(referral.staff, in: refs.staff, kind: "staff member", file: check.path("staff"))
            if referral.date.value > asOf {
                log.error("a referral dated \(referral.date.value) is after the as-of date \(asOf)", at: referral.date.location)
            }
        }
    }
}
