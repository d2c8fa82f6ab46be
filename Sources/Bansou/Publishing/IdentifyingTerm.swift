/// One string that identifies a client, ready to be matched.
public struct IdentifyingTerm: Hashable, Sendable {
    /// How the term is matched against normalized text.
    public enum Matching: Hashable, Sendable {
        /// `normalized` is searched in the normalized text (NFKC, lower case, no white space).
        case text
        /// `normalized` is a string of ASCII digits, compared with runs of digits whose
        /// hyphens, dashes, dots, brackets and white space are ignored (phone, corporate number).
        case digits
    }

    /// Whose secret a term is: a client record's, or a referral's (a company named in
    /// Content/referrals/ without a client record, or a partner's contact person).
    public enum Owner: String, Hashable, Sendable { case client, referral }

    public var category: LeakCategory
    /// The client's id, or for a referral the referral file's name (`owner`).
    public var clientID: String
    public var owner: Owner = .client
    /// `client yamada-seiko`, `referral 2026-10-midori-seimen`: for messages.
    public var ownerLabel: String { "\(owner.rawValue) \(clientID)" }
    /// The value as written in the client file. SECRET: never print it; use `Mask`.
    public var value: String
    /// What is matched (see `Matching`).
    public var normalized: String
    public var matching: Matching
    /// Where the value is written in Content/clients/<id>.yaml.
    public var location: SourceLocation

    public init(category: LeakCategory, clientID: String, value: String, normalized: String,
                matching: Matching, location: SourceLocation) {
        self.category = category
        self.clientID = clientID
        self.value = value
        self.normalized = normalized
        self.matching = matching
        self.location = location
    }
}
