/// What a leak-scan hit is: one of a client's identifying terms (spec,
/// "Publishing and anonymization" rule 2) or generic personal data (rule 4).
public enum LeakCategory: String, CaseIterable, Hashable, Sendable, Comparable {
    case name
    case kana
    case representative
    case address
    case phone
    case email
    case website
    case corporateNumber = "corporate-number"
    case identifier
    /// A person named in a referral (the partner's contact).
    case contact
    /// Generic only: a 〒 postal code. (Generic e-mail, phone and corporate
    /// numbers reuse `.email`, `.phone` and `.corporateNumber`.)
    case postalCode = "postal-code"

    /// The Japanese label used in messages.
    public var label: String {
        switch self {
        case .name: return "会社名"
        case .kana: return "会社名（カナ）"
        case .representative: return "代表者名"
        case .address: return "住所"
        case .phone: return "電話番号"
        case .email: return "メールアドレス"
        case .website: return "ウェブサイト"
        case .corporateNumber: return "法人番号"
        case .identifier: return "識別語"
        case .contact: return "担当者名"
        case .postalCode: return "郵便番号"
        }
    }

    /// Numbers are matched ignoring hyphens and dashes of every width (rule 3).
    public var isNumeric: Bool { self == .phone || self == .corporateNumber || self == .postalCode }

    /// Declaration order: when one range hits several terms of a client, the first category wins.
    public static func < (a: LeakCategory, b: LeakCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
