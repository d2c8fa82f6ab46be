/// A month written `YYYY-MM` (roadmap task starts).
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        // Normalise so that month 13 is January of the next year.
        let index = year * 12 + (month - 1)
        self.year = index / 12
        self.month = index % 12 + 1
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        self.init(year: y, month: m)
    }

    public init(_ day: Day) { self.init(year: day.year, month: day.month) }

    public func adding(months: Int) -> YearMonth { YearMonth(year: year, month: month + months) }
    public func months(until other: YearMonth) -> Int { (other.year - year) * 12 + (other.month - month) }

    public var description: String { "\(year)-" + (month < 10 ? "0\(month)" : "\(month)") }
    public var japanese: String { "\(year)年\(month)月" }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
