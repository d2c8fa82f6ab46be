import Foundation

/// A calendar date written `YYYY-MM-DD`. No time zone: content dates are local dates.
public struct Day: Hashable, Comparable, Sendable, Decodable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= Day.daysIn(year: y, month: m) else { return nil }
        (year, month, day) = (y, m, d)
    }

    public init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw NodeDecodingError(message: "'\(text)' is not a date: write YYYY-MM-DD", location: (decoder as? NodeDecoder)?.location)
        }
        self = day
    }

    /// Today in the local calendar; used only when neither --as-of nor site.yaml sets a date.
    public static func today() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
    /// 2026年11月25日
    public var japanese: String { "\(year)年\(month)月\(day)日" }
    /// RFC 3339 at midnight UTC, for Atom feeds and sitemaps.
    public var rfc3339: String { description + "T00:00:00Z" }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences between dates.
    /// Howard Hinnant's days_from_civil: exact and free of time zones.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Whole days from `other` to this date (negative when `other` is later).
    public func days(since other: Day) -> Int { ordinal - other.ordinal }

    /// The same date `months` later (or earlier), the day clamped to the month's length.
    public func adding(months: Int) -> Day {
        let index = year * 12 + (month - 1) + months
        let (y, m) = (index / 12, index % 12 + 1)
        return Day(year: y, month: m, day: min(day, Day.daysIn(year: y, month: m)))
    }

    /// The day after (a period "from the day after X" is printed with its first day).
    public var next: Day {
        day < Day.daysIn(year: year, month: month) ? Day(year: year, month: month, day: day + 1)
            : Day(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1)
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}
