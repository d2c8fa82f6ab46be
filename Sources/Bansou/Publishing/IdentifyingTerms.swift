import Foundation

/// The identifying terms of one client (spec, "Publishing and anonymization" rule 2):
/// name; name without its legal form; kana; representative; address; phone; e-mail;
/// the host of the website; corporate number; every entry of `identifiers`.
///
/// Each term is normalized as the text it is matched against (`TextNormalizer`).
/// Terms shorter than 2 characters after normalization are ignored, and so are
/// phone and corporate numbers with fewer than 6 digits (an extension number is
/// not identifying, and would hit ordinary numbers). A term equal to an earlier
/// one of the same client is kept once, under the earlier category.
///
/// Variants added beyond the spec's list, because each is the same secret written
/// another way: kana in hiragana and katakana; kana without its legal form
/// (カブシキガイシャ …); the representative without a title (代表取締役 …); a
/// `+81` phone number in its domestic form; the website host without `www.`, and the
/// labels of it that name the company (`nameLabels`); the address from the city on and
/// in every common notation of its block numbers (`AddressVariants`).
public struct IdentifyingTerms: Sendable {
    public var clientID: String
    public var terms: [IdentifyingTerm]

    public init(_ client: Client) {
        clientID = client.id.value
        var builder = Builder(clientID: client.id.value)

        builder.addText(.name, client.name)
        builder.addText(.name, client.name, normalized: IdentifyingTerms.removingLegalForm(TextNormalizer.normalize(client.name.value)))
        if let kana = client.kana {
            let normalized = TextNormalizer.normalize(kana.value)
            let stripped = IdentifyingTerms.removingLegalForm(normalized)
            for form in [normalized, stripped] {
                builder.addText(.kana, kana, normalized: form)
                builder.addText(.kana, kana, normalized: IdentifyingTerms.hiragana(form))
                builder.addText(.kana, kana, normalized: IdentifyingTerms.katakana(form))
            }
        }
        if let representative = client.representative {
            builder.addText(.representative, representative)
            builder.addText(.representative, representative,
                            normalized: IdentifyingTerms.removingTitle(TextNormalizer.normalize(representative.value)))
        }
        if let address = client.address {
            builder.addText(.address, address)
            for form in AddressVariants.variants(of: address.value) {
                builder.addText(.address, address, normalized: TextNormalizer.normalize(form))
            }
        }
        if let phone = client.phone {
            for number in IdentifyingTerms.phoneNumbers(in: phone.value) { builder.addDigits(.phone, phone, number) }
        }
        if let email = client.email { builder.addText(.email, email) }
        if let website = client.website {
            for host in IdentifyingTerms.hosts(ofWebsite: website.value) { builder.addText(.website, website, normalized: host) }
        }
        if let number = client.corporateNumber {
            let digits = TextNormalizer.normalizeNumber(number.value).filter { $0.isASCII && $0.isNumber }
            builder.addDigits(.corporateNumber, number, digits)
        }
        for identifier in client.identifiers ?? [] { builder.addText(.identifier, identifier) }
        // Last, and not when a term already written in the file is the same letters
        // (identifiers: [Yamada Seiko]): that term matches it, under its own category.
        if let website = client.website {
            let written = Set(builder.terms.map { IdentifyingTerms.letters($0.normalized) })
            for label in IdentifyingTerms.nameLabels(ofWebsite: website.value)
            where !written.contains(IdentifyingTerms.letters(label)) {
                builder.addText(.website, website, normalized: TextNormalizer.normalize(label))
            }
        }
        terms = builder.terms
    }

    /// A referral's terms (owner `.referral`, id the file's name): a company named without a
    /// client record, with and without its legal form, and the partner's contact person.
    public init(_ referral: Referral) {
        clientID = referral.id
        var builder = Builder(clientID: referral.id, owner: .referral)
        if let company = referral.company {
            builder.addText(.name, company)
            builder.addText(.name, company, normalized: IdentifyingTerms.removingLegalForm(TextNormalizer.normalize(company.value)))
        }
        if let contact = referral.contact { builder.addText(.contact, contact) }
        terms = builder.terms
    }

    public static func all(_ referrals: [Referral]) -> [IdentifyingTerm] {
        referrals.flatMap { IdentifyingTerms($0).terms }
    }

    /// The terms of every client, in client order.
    public static func all(_ clients: [Client]) -> [IdentifyingTerm] {
        clients.flatMap { IdentifyingTerms($0).terms }
    }

    // MARK: Legal forms

    /// Legal forms removed from the start or the end of a name, normalized
    /// (NFKC turns （株） and ㈱ into (株)), longest first.
    public static let legalForms: [String] = {
        let written = [
            "株式会社", "有限会社", "合同会社", "合資会社", "合名会社",
            "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人",
            "医療法人社団", "医療法人財団", "医療法人", "社会福祉法人", "特定非営利活動法人", "NPO法人",
            "学校法人", "宗教法人", "農事組合法人", "有限責任事業組合", "協同組合",
            "(株)", "（株）", "㈱", "(有)", "（有）", "㈲", "(合)", "(同)", "(資)", "㈾", "(名)", "㈴",
            "(社)", "㈳", "(財)", "㈶", "(医)", "(福)", "(学)", "(特非)", "(協)", "㈿", "㍿",
            "カブシキガイシャ", "カブシキカイシャ", "ユウゲンガイシャ", "ユウゲンカイシャ", "ゴウドウガイシャ",
            "ゴウドウカイシャ", "ゴウシガイシャ", "ゴウメイガイシャ",
            "K.K.", "KK", "Co., Ltd.", "Co.,Ltd.", "Co. Ltd.", "Co.,Ltd", "Co., Ltd", "Ltd.", "Ltd",
            "Inc.", "Inc", "Corp.", "Corporation", "Co.", "LLC", "G.K.", "GK",
        ]
        var seen = Set<String>()
        var forms: [String] = []
        for form in written {
            let normalized = TextNormalizer.normalize(form)
            for variant in [normalized, hiragana(normalized)] where seen.insert(variant).inserted { forms.append(variant) }
        }
        return forms.sorted { $0.count > $1.count }
    }()

    /// A normalized name without the legal forms at its start or end, and without
    /// the punctuation left between (`・`, `,`). Unchanged when less than 2 characters would remain.
    public static func removingLegalForm(_ normalizedName: String) -> String {
        var name = normalizedName
        var changed = true
        while changed {
            changed = false
            for form in legalForms {
                if name.hasPrefix(form), name.count - form.count >= 2 {
                    name.removeFirst(form.count); changed = true
                } else if name.hasSuffix(form), name.count - form.count >= 2 {
                    name.removeLast(form.count); changed = true
                }
            }
            let trimmed = name.trimmingCharacters(in: CharacterSet(charactersIn: "・,、-"))
            if trimmed != name, trimmed.count >= 2 { name = trimmed; changed = true }
        }
        return name
    }

    /// Titles written before or after a representative's name.
    static let titles: [String] = [
        "代表取締役社長", "代表取締役会長", "代表取締役", "代表理事", "代表社員", "理事長", "取締役社長",
        "院長", "社長", "会長", "代表者", "代表", "店主", "園長",
    ].map(TextNormalizer.normalize).sorted { $0.count > $1.count }

    static func removingTitle(_ normalizedName: String) -> String {
        var name = normalizedName
        for title in titles {
            if name.hasPrefix(title), name.count - title.count >= 2 { name.removeFirst(title.count) }
            if name.hasSuffix(title), name.count - title.count >= 2 { name.removeLast(title.count) }
        }
        return name
    }

    // MARK: Kana

    static func hiragana(_ string: String) -> String {
        String(String.UnicodeScalarView(string.unicodeScalars.map { scalar in
            (0x30A1...0x30F6).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0x60)! : scalar
        }))
    }

    static func katakana(_ string: String) -> String {
        String(String.UnicodeScalarView(string.unicodeScalars.map { scalar in
            (0x3041...0x3096).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x60)! : scalar
        }))
    }

    // MARK: Numbers and hosts

    /// Each phone number written in a `phone` value (`0565-12-3456 / 0565-12-3457`,
    /// `0565-12-3456（代表）`), as digits; a `+81` number also in its domestic form.
    static func phoneNumbers(in value: String) -> [String] {
        let text = TextNormalizer.normalize(value, format: .literal)
        var numbers: [String] = []
        for chain in DigitChain.all(in: text) {
            let digits = String(decoding: chain.digits(0, chain.groups.count - 1, in: text), as: UTF8.self)
            numbers.append(digits)
            let start = chain.groups[0].range.lowerBound
            if start > 0, text.bytes[start - 1] == 0x2B, digits.hasPrefix("81") {
                let national = digits.dropFirst(2)
                numbers.append(national.hasPrefix("0") ? String(national) : "0" + national)
            }
        }
        return numbers
    }

    /// The host of a website (`https://www.yamada-seiko.example.jp/about` →
    /// `www.yamada-seiko.example.jp`, and `yamada-seiko.example.jp`), normalized.
    public static func hosts(ofWebsite website: String) -> [String] {
        let trimmed = website.trimmingCharacters(in: .whitespacesAndNewlines)
        let withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed
        var host = URLComponents(string: withScheme)?.host ?? ""
        if host.isEmpty {
            let afterScheme = trimmed.components(separatedBy: "://").last ?? trimmed
            host = String(afterScheme.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" })
        }
        host = TextNormalizer.normalize(host)
        while host.hasSuffix(".") { host.removeLast() }
        // A page on a platform (facebook.com/yamadaseiko): its host names the platform, and as
        // a term would fail every footer link to it. The page's name is its term instead.
        guard !host.isEmpty, !isPlatformHost(host) else { return [] }
        var hosts = [host]
        if host.hasPrefix("www."), host.count > 4 { hosts.append(String(host.dropFirst(4))) }
        return hosts
    }

    /// The labels of a host that name the company (`yamada-seiko` of
    /// `www.yamada-seiko.example.jp`), as a reader writes them again (yamada-seiko,
    /// yamadaseiko, yamada_seiko): not the top-level domain, not the registry's own labels
    /// (co, or, ne, lg …), not generic words (www, mail, shop, example …) or prefectures,
    /// and only ASCII labels of 4 characters or more (a Japanese label of 2 or more), so
    /// that no common short word becomes a term.
    public static func nameLabels(ofHosts hosts: [String]) -> [String] {
        nameLabels(hosts.flatMap { $0.split(separator: ".").dropLast().map(String.init) })
    }

    /// The name labels of a website: those of its host, or for a page on a platform
    /// (`facebook.com/yamadaseiko`, `youtube.com/@yamadaseiko`) the first segment of its path
    /// that is not the platform's own (`linkedin.com/company/…`, `sites.google.com/view/…`).
    static func nameLabels(ofWebsite website: String) -> [String] {
        let hosts = hosts(ofWebsite: website)
        guard hosts.isEmpty else { return nameLabels(ofHosts: hosts) }
        let trimmed = website.trimmingCharacters(in: .whitespacesAndNewlines)
        let path = URLComponents(string: trimmed.contains("://") ? trimmed : "https://" + trimmed)?.path ?? ""
        let segments = path.split(separator: "/").map { TextNormalizer.normalize(String($0.drop { $0 == "@" })) }
        guard let name = segments.first(where: { !platformPathWords.contains($0) && !$0.isEmpty }) else { return [] }
        return nameLabels([name])
    }

    private static func nameLabels(_ candidates: [String]) -> [String] {
        var labels: [String] = []
        for label in candidates {
            let ascii = label.allSatisfy(\.isASCII)
            guard ascii ? label.count >= 4 : label.count >= 2, !genericLabels.contains(label), !platformLabels.contains(label),
                  !label.hasPrefix("xn--"), !(label.hasPrefix("www") && label.dropFirst(3).allSatisfy(\.isNumber)),
                  !label.allSatisfy(\.isNumber) else { continue }
            for form in [label, label.replacingOccurrences(of: "-", with: ""), label.replacingOccurrences(of: "-", with: "_")]
            where !labels.contains(form) {
                labels.append(form)
            }
        }
        return labels
    }

    /// Sites where many people publish, by the domain under which each has a page: the
    /// domain's labels name the platform, never a client (yamada.jimdofree.com is named by
    /// `yamada`). A page right on one of these hosts is named by its path.
    static let platformDomains: Set<String> = [
        "facebook.com", "instagram.com", "x.com", "twitter.com", "youtube.com", "linkedin.com", "note.com", "ameblo.jp",
        "tiktok.com", "threads.net", "line.me", "github.com", "sites.google.com", "google.com", "wantedly.com",
        "jimdofree.com", "jimdo.com", "jimdosite.com", "wixsite.com", "wix.com", "blogspot.com", "wordpress.com",
        "github.io", "base.shop", "thebase.in", "theshop.jp", "stores.jp", "myshopify.com", "shopify.com",
        "peraichi.com", "hatenablog.com", "hatenablog.jp", "hateblo.jp", "fc2.com", "livedoor.blog", "goope.jp", "studio.site",
    ]
    static let platformLabels: Set<String> = Set(platformDomains.flatMap { $0.split(separator: ".").dropLast().map(String.init) })
    /// Path segments that are the platform's, not the page's.
    static let platformPathWords: Set<String> = ["view", "site", "sites", "pages", "page", "channel", "c", "user", "company", "in", "p", "people", "pg", "profile", "s"]

    /// `facebook.com`, `www.facebook.com`, `m.facebook.com`: a platform's own host.
    static func isPlatformHost(_ host: String) -> Bool {
        var bare = host
        for prefix in ["www.", "m.", "mobile.", "web."] where bare.hasPrefix(prefix) { bare.removeFirst(prefix.count) }
        return platformDomains.contains(bare)
    }

    /// A label's letters and digits without the punctuation between them (yamada-seiko → yamadaseiko).
    static func letters(_ label: String) -> String {
        String(label.unicodeScalars.filter { !"-_. ".unicodeScalars.contains($0) }.map(Character.init))
    }

    /// Host labels that name no one: registry second-level labels, reserved and generic
    /// words, and the prefectures of geographic .jp names (city.toyota.aichi.jp).
    static let genericLabels: Set<String> = [
        "example", "invalid", "localhost", "test", "local", "internal",
        "mail", "smtp", "shop", "store", "blog", "home", "site", "info", "news", "official", "online",
        "portal", "corp", "group", "global", "japan", "nippon", "city", "pref", "town", "vill",
        "static", "images", "image", "assets", "media", "cdn", "api", "app", "apps", "web", "www", "secure", "support",
        "hokkaido", "aomori", "iwate", "miyagi", "akita", "yamagata", "fukushima", "ibaraki", "tochigi", "gunma",
        "saitama", "chiba", "tokyo", "kanagawa", "niigata", "toyama", "ishikawa", "fukui", "yamanashi", "nagano",
        "gifu", "shizuoka", "aichi", "mie", "shiga", "kyoto", "osaka", "hyogo", "nara", "wakayama",
        "tottori", "shimane", "okayama", "hiroshima", "yamaguchi", "tokushima", "kagawa", "ehime", "kochi", "fukuoka",
        "saga", "nagasaki", "kumamoto", "oita", "miyazaki", "kagoshima", "okinawa",
    ]

    // MARK: -

    private struct Builder {
        let clientID: String
        var owner: IdentifyingTerm.Owner = .client
        var terms: [IdentifyingTerm] = []
        var seen = Set<String>()

        init(clientID: String, owner: IdentifyingTerm.Owner = .client) {
            self.clientID = clientID
            self.owner = owner
        }

        mutating func addText(_ category: LeakCategory, _ source: Located<String>, normalized: String? = nil) {
            let form = normalized ?? TextNormalizer.normalize(source.value)
            guard form.count >= 2, seen.insert("t:" + form).inserted else { return }
            var term = IdentifyingTerm(category: category, clientID: clientID, value: source.value,
                                       normalized: form, matching: .text, location: source.location)
            term.owner = owner
            terms.append(term)
        }

        mutating func addDigits(_ category: LeakCategory, _ source: Located<String>, _ digits: String) {
            guard digits.count >= 6, seen.insert("d:" + digits).inserted else { return }
            var term = IdentifyingTerm(category: category, clientID: clientID, value: source.value,
                                       normalized: digits, matching: .digits, location: source.location)
            term.owner = owner
            terms.append(term)
        }
    }
}
