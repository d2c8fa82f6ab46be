/// One leak found in a text about to be published.
public struct LeakHit: Hashable, Sendable, CustomStringConvertible {
    public var category: LeakCategory
    /// The client's term that matched; nil for generic personal data found by pattern.
    public var term: IdentifyingTerm?
    /// UTF-8 offsets of the hit in the scanned text (markup inside it included).
    public var range: Range<Int>
    /// 1-based line of `range.lowerBound` in the scanned text.
    public var line: Int
    /// 1-based column of `range.lowerBound`, in Unicode scalars.
    public var column: Int
    /// The original text of the hit. SECRET: never print it.
    public var matched: String
    /// The hit masked for printing (`山田**`, `056*-**-****`, `i****@…`).
    public var masked: String

    public init(category: LeakCategory, term: IdentifyingTerm?, range: Range<Int>, line: Int, column: Int,
                matched: String, masked: String) {
        self.category = category
        self.term = term
        self.range = range
        self.line = line
        self.column = column
        self.matched = matched
        self.masked = masked
    }

    /// The client whose term this is; nil for generic personal data.
    public var clientID: String? { term?.clientID }

    /// `会社名 of client yamada-seiko in published text (山田**)`, or for generic
    /// data `電話番号 in published text (056*-**-****)`. Never contains the secret.
    public var message: String {
        if let term {
            return "\(category.label) of \(term.ownerLabel) in published text (\(masked))"
        }
        return "\(category.label) in published text (\(masked))"
    }

    public var description: String { "\(line):\(column): \(message)" }
}
