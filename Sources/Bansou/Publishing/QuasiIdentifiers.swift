/// A story that publishes its region and industry can still point at one company when its
/// text also gives the client's exact head count or its city. Not a leak by the spec's
/// rules, so a warning with the coarser alternative (the size band, the region).
struct QuasiIdentifiers {
    let guidance: Guidance

    func check(_ story: CaseStudy, client: Client, log: DiagnosticLog) {
        let body = story.body
        if let employees = client.employees?.value, employees > 0 {
            for form in ["\(employees)名", "\(employees)人", "従業員\(employees)", "社員\(employees)"] {
                if let location = find(form, in: body, story: story) {
                    log.warning("the client's exact head count (\(employees)) with region and industry may identify it: write the size band (\(SizeBand.label(SizeBand.band(forEmployees: employees)))) instead", at: location)
                    break
                }
            }
        }
        if let city = Self.city(of: client.address?.value ?? ""), let location = find(city, in: body, story: story) {
            let region = guidance.region(story.meta.region.value)?.name ?? story.meta.region.value
            log.warning("the client's city with region and industry may identify it: write the region (\(region)地方) instead", at: location)
        }
    }

    /// 愛知県豊田市元町1-2-3 → 豊田市: the part after the prefecture up to 市, 区, 町 or 村
    /// (京都府京都市… → 京都市: the prefecture is looked up, 都 is inside 京都).
    static func city(of address: String) -> String? {
        let rest = Substring(AddressVariants.removingPrefecture(address) ?? address)
        guard let end = rest.firstIndex(where: { "市区町村".contains($0) }) else { return nil }
        let city = String(rest[...end])
        return city.count >= 2 ? city : nil
    }

    private func find(_ needle: String, in body: String, story: CaseStudy) -> SourceLocation? {
        guard let range = body.range(of: needle) else { return nil }
        let before = body[..<range.lowerBound]
        let line = before.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.unicodeScalars.count + 1 } ?? 1
        return SourceLocation(path: story.path, line: story.bodyFirstLine + line, column: column)
    }
}
