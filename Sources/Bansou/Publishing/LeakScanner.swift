/// Scans text about to be published for leaks (spec, "Publishing and
/// anonymization" rules 3–4): the identifying terms of every client, and generic
/// personal data (e-mail addresses, Japanese phone numbers, 13-digit corporate
/// numbers with a valid check digit, postal codes). Anything on the allow-list
/// (site.yaml `allow`, the publisher's own contact) never hits.
///
/// Build one scanner per build and call `scan` from any thread: it is immutable.
/// A scan normalizes the text once (`TextNormalizer`), finds every text term in
/// one pass (`TermIndex`), then reads runs of digits (`DigitChain`) for numeric
/// terms and patterns, and `@` for e-mail addresses.
///
/// Overlaps are reported once: of a client's terms hitting nested ranges only the
/// outermost is kept (the e-mail, not the website host inside it; the full name,
/// not the name without 株式会社); generic data overlapping a client's term is left
/// to the term, which names the client.
public struct LeakScanner: Sendable {
    public let terms: [IdentifyingTerm]
    public let allow: [String]

    private let index: TermIndex
    /// For each text pattern: the index of its term, or -1 for an allow-list entry.
    private let textPatternTerms: [Int32]
    /// Digit strings → term indices (-1 for an allow-list entry).
    private let digitPatterns: [String: [Int32]]
    private let maxDigitPattern: Int

    public init(terms: [IdentifyingTerm], allow: [String] = []) {
        self.terms = terms
        self.allow = allow
        var patterns: [[UInt8]] = []
        var owners: [Int32] = []
        var digits: [String: [Int32]] = [:]
        for (k, term) in terms.enumerated() {
            switch term.matching {
            case .text:
                patterns.append(Array(term.normalized.utf8))
                owners.append(Int32(k))
            case .digits:
                digits[term.normalized, default: []].append(Int32(k))
            }
        }
        for entry in allow {
            let normalized = TextNormalizer.normalize(entry)
            if !normalized.isEmpty {
                patterns.append(Array(normalized.utf8))
                owners.append(-1)
            }
            for number in IdentifyingTerms.phoneNumbers(in: entry) where number.count >= 6 {
                digits[number, default: []].append(-1)
            }
        }
        index = TermIndex(patterns: patterns)
        textPatternTerms = owners
        digitPatterns = digits
        maxDigitPattern = digits.keys.map(\.count).max() ?? 0
    }

    /// A scanner for the terms of all `clients`.
    public init(clients: [Client], allow: [String] = []) {
        self.init(terms: IdentifyingTerms.all(clients), allow: allow)
    }

    /// Every leak in `text`, in text order.
    public func scan(_ text: String, format: ScanFormat = .markup) -> [LeakHit] {
        scan(normalized: TextNormalizer.normalize(text, format: format), of: text)
    }

    /// As `scan(_:format:)`, for a text already normalized.
    public func scan(normalized: NormalizedText, of text: String) -> [LeakHit] {
        var found: [Found] = []
        var allowed: [Range<Int>] = []

        index.forEachMatch(in: normalized) { id, range in
            let owner = textPatternTerms[id]
            if owner < 0 {
                allowed.append(range)
            } else {
                found.append(Found(category: terms[Int(owner)].category, term: Int(owner), range: range))
            }
        }

        DigitChain.forEach(in: normalized, minimumDigits: 6) { chain in
            if maxDigitPattern > 0 { matchDigitPatterns(chain, normalized, &found, &allowed) }
            for range in PersonalDataPatterns.phones(in: chain, text: normalized) {
                found.append(Found(category: .phone, term: -1, range: range))
            }
            for range in PersonalDataPatterns.corporateNumbers(in: chain, text: normalized) {
                found.append(Found(category: .corporateNumber, term: -1, range: range))
            }
            for range in PersonalDataPatterns.postalCodes(in: chain, text: normalized) {
                found.append(Found(category: .postalCode, term: -1, range: range))
            }
        }
        for range in PersonalDataPatterns.emails(in: normalized) {
            found.append(Found(category: .email, term: -1, range: range))
        }

        guard !found.isEmpty else { return [] }
        return report(resolve(found, allowed: allowed), normalized, text)
    }

    public var termCount: Int { terms.count }

    /// The terms of `terms` that an allow-list entry would let through: those it equals or
    /// contains, compared as the scanner matches them (text terms in the normalized form,
    /// numbers as digits with separators ignored). An entry that is only part of a term
    /// (`example.jp` of `info@yamada-seiko.example.jp`) lets nothing through, since an
    /// allowed range suppresses only what lies inside it; so the publisher's own
    /// `dx@example.jp` or `0120-000-000` stays allowed beside its clients' addresses.
    public static func termsAllowed(by entry: String, among terms: [IdentifyingTerm]) -> [IdentifyingTerm] {
        let text = TextNormalizer.normalize(entry)
        let skeleton = TextNormalizer.skeleton(entry)
        // Digits only: the scanner reads `(0565) 12-3456` and `0565.12.3456` as the number
        // 0565123456, so an entry written so would let it through.
        let digits = String(TextNormalizer.normalizeNumber(entry).unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        return terms.filter { term in
            switch term.matching {
            case .text:
                // Also in the skeleton terms are matched in: ヤマダ・セイコー allows ヤマダセイコウ.
                let termSkeleton = TextNormalizer.skeleton(term.normalized)
                return (!text.isEmpty && text.contains(term.normalized)) || (!termSkeleton.isEmpty && skeleton.contains(termSkeleton))
            case .digits: return digits.contains(term.normalized)
            }
        }
    }

    // MARK: -

    private struct Found {
        var category: LeakCategory
        /// Index into `terms`; -1 for generic personal data.
        var term: Int
        var range: Range<Int>
    }

    /// Numeric terms: any run of whole groups of a chain whose digits equal a term.
    private func matchDigitPatterns(_ chain: DigitChain, _ text: NormalizedText,
                                    _ found: inout [Found], _ allowed: inout [Range<Int>]) {
        for first in chain.groups.indices {
            var digits: [UInt8] = []
            for last in first..<chain.groups.count {
                digits.append(contentsOf: chain.digits(last, last, in: text))
                if digits.count > maxDigitPattern { break }
                guard digits.count >= 6, let owners = digitPatterns[String(decoding: digits, as: UTF8.self)] else { continue }
                let range = chain.range(first, last)
                for owner in owners {
                    if owner < 0 {
                        allowed.append(range)
                    } else {
                        found.append(Found(category: terms[Int(owner)].category, term: Int(owner), range: range))
                    }
                }
            }
        }
    }

    /// Drops allowed hits and overlaps (see the type's documentation). The allow-list lets
    /// through generic data only: a client's term is a hit even inside an allowed entry
    /// (the gate also refuses such an entry; see `termsAllowed(by:among:)`).
    private func resolve(_ found: [Found], allowed: [Range<Int>]) -> [Found] {
        let candidates = found
            .filter { hit in hit.term >= 0 || !allowed.contains { $0.lowerBound <= hit.range.lowerBound && hit.range.upperBound <= $0.upperBound } }
            .sorted { a, b in
                if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
                if a.range.count != b.range.count { return a.range.count > b.range.count }
                if (a.term >= 0) != (b.term >= 0) { return a.term >= 0 }
                return a.category < b.category
            }
        let termHits = candidates.filter { $0.term >= 0 }
        var kept: [Found] = []
        for hit in candidates {
            let contained = { (other: Found) in
                other.range.lowerBound <= hit.range.lowerBound && hit.range.upperBound <= other.range.upperBound
            }
            if hit.term >= 0 {
                let term = terms[hit.term]
                if kept.contains(where: { $0.term >= 0 && terms[$0.term].clientID == term.clientID && terms[$0.term].owner == term.owner && contained($0) }) { continue }
            } else {
                if termHits.contains(where: { $0.range.overlaps(hit.range) }) { continue }
                if kept.contains(where: { $0.term < 0 && contained($0) }) { continue }
            }
            kept.append(hit)
        }
        return kept
    }

    private func report(_ found: [Found], _ text: NormalizedText, _ original: String) -> [LeakHit] {
        guard !found.isEmpty else { return [] }
        let lines = LineIndex(original)
        let utf8 = Array(original.utf8)
        return found.map { hit in
            let source = text.sourceRange(of: hit.range)
            let position = lines.position(ofUTF8Offset: source.lowerBound)
            let normalizedMatch = String(decoding: text.bytes[hit.range], as: UTF8.self)
            return LeakHit(category: hit.category, term: hit.term >= 0 ? terms[hit.term] : nil, range: source,
                           line: position.line, column: position.column,
                           matched: String(decoding: utf8[source], as: UTF8.self),
                           masked: Mask.mask(normalizedMatch, as: hit.category))
        }
        .sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }
}
