import Foundation

/// Content/referrals/<id>.yaml (internal, confidential like clients): one client referred to
/// a partner institution or received from one (guidance 4.2, collaboration between
/// institutions). It names a client, so it never reaches the portal, and a company named
/// here without a client record is protected by the publishing gate like a client's name.
public struct Referral: Decodable, Sendable {
    /// The client record (clients/<id>.yaml) the referral is about.
    public var client: Located<String>?
    /// A company without a client record yet (a prospect a partner sent): its name.
    public var company: Located<String>?
    public var partner: Located<String>
    /// `out` (we referred the client to the partner) or `in` (the partner referred it to us).
    public var direction: Located<String>
    public var date: Located<Day>
    /// Business-area ids (areas.yaml) the referral is about.
    public var areas: [Located<String>]?
    /// pending | engaged | completed | declined (`ReferralOutcome`).
    public var outcome: Located<String>
    /// The person at the partner who handled it (protected like a client's name).
    public var contact: Located<String>?
    /// Staff id on our side.
    public var staff: Located<String>?
    public var note: String?
    public var path: String = ""

    enum CodingKeys: String, CodingKey { case client, company, partner, direction, date, areas, outcome, contact, staff, note }

    public var isOutgoing: Bool { direction.value == "out" }
    public var id: String { ((path as NSString).lastPathComponent as NSString).deletingPathExtension }
}

/// The outcomes a referral can have, in the order the report counts them.
public enum ReferralOutcome: String, CaseIterable, Sendable {
    case pending, engaged, completed, declined

    public var label: String {
        switch self {
        case .pending: return "調整中"
        case .engaged: return "支援中"
        case .completed: return "支援完了"
        case .declined: return "見送り"
        }
    }
}

public enum ReferralDirection {
    public static let all = ["out", "in"]
}
