/// 法人番号: 13 digits, the first a check digit over the 12-digit base number
/// (法人番号の指定等に関する省令 第二条): 9 − (Σ Pn × Qn mod 9), where Pn is the
/// n-th digit of the base counted from the right (n = 1 … 12) and Qn is 1 for
/// odd n, 2 for even n.
public enum CorporateNumber {
    /// The check digit for a 12-digit base number, or nil when it is not 12 ASCII digits.
    public static func checkDigit(base: some Collection<UInt8>) -> UInt8? {
        guard base.count == 12 else { return nil }
        var sum = 0
        for (k, byte) in base.reversed().enumerated() {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            sum += Int(byte - 0x30) * (k % 2 == 0 ? 1 : 2)
        }
        return UInt8(9 - sum % 9)
    }

    /// True for 13 ASCII digits whose first digit is the check digit of the other 12.
    public static func isValid(digits: some Collection<UInt8>) -> Bool {
        guard digits.count == 13, let first = digits.first, first >= 0x31 && first <= 0x39,
              let check = checkDigit(base: digits.dropFirst()) else { return false }
        return first - 0x30 == check
    }

    /// `isValid(digits:)` for a string; hyphens, dashes and white space are ignored.
    public static func isValid(_ string: String) -> Bool {
        isValid(digits: Array(TextNormalizer.normalizeNumber(string).utf8))
    }
}
