/// Hand-written dictionaries for the views every story page repeats, so flattening them
/// skips Mirror (a third of the render stage on 10,000 stories). MustacheValueTests checks
/// that each gives exactly the keys Mirror would, so a new property cannot be forgotten.
protocol MustacheDictionary {
    var mustacheDictionary: [String: Any] { get }
}

extension Dictionary where Key == String, Value == Any {
    /// Sets a key only for a present value: Mustache treats a missing key as false.
    fileprivate mutating func set(_ key: String, _ value: Any?) {
        if let value { self[key] = value }
    }
}

extension LinkView: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["name": name, "url": url, "count": count] }
}

extension RenderedCard: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["html": html] }
}

extension StoryCard: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = [
            "slug": slug, "url": url, "title": title, "alias": alias, "date": date, "dateISO": dateISO,
            "industry": industry.mustacheDictionary, "region": region.mustacheDictionary,
            "stageBefore": stageBefore, "stageAfter": stageAfter, "stageBeforeName": stageBeforeName,
            "stageAfterName": stageAfterName, "moved": moved, "filterData": filterData,
        ]
        d.set("summary", summary)
        d.set("size", size)
        return d
    }
}

extension OutcomeRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["label": label, "before": before, "after": after, "unit": unit, "change": change]
        d.set("improved", improved)
        return d
    }
}

extension PartnerRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["name": name, "type": type, "strengths": strengths]
        d.set("region", region)
        d.set("description", description)
        d.set("url", url)
        return d
    }
}

extension StoryPage: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        [
            "card": card.mustacheDictionary, "bodyHTML": bodyHTML, "outcomes": outcomes.map(\.mustacheDictionary),
            "hasOutcomes": hasOutcomes, "areas": areas.map(\.mustacheDictionary),
            "institutions": institutions.map(\.mustacheDictionary), "partners": partners.map(\.mustacheDictionary),
            "themes": themes.map(\.mustacheDictionary), "tools": tools, "related": related.map(\.mustacheDictionary),
            "setbacks": setbacks.map(\.mustacheDictionary),
        ]
    }
}

extension SetbackRow: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["what": what, "learned": learned] }
}

extension Chrome.NavItem: MustacheDictionary {
    var mustacheDictionary: [String: Any] { ["title": title, "url": url, "current": current] }
}

extension Chrome: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = [
            "lang": lang, "siteTitle": siteTitle, "siteDescription": siteDescription, "title": title,
            "description": description, "root": root, "canonical": canonical, "nav": nav.map(\.mustacheDictionary),
            "publisherName": publisherName, "feedURL": feedURL, "year": year, "asOf": asOf, "noindex": noindex,
            "searchable": searchable,
        ]
        d.set("publisherURL", publisherURL)
        if let consult { d["consult"] = MustacheValue.flatten(consult) }
        return d
    }
}

extension PageContext: MustacheDictionary {
    var mustacheDictionary: [String: Any] {
        var d: [String: Any] = ["chrome": chrome.mustacheDictionary, "root": root]
        d.set("page", MustacheValue.flatten(page))
        return d
    }
}
