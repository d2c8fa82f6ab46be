/// One of the client's challenges (challenges.yaml, guidance 2.2) with the guidance's response.
public struct ChallengeResponse: Sendable {
    public var id: String
    public var name: String
    /// Percent of firms naming it in the survey, when known.
    public var share: Double?
    /// Addressed to support institutions: for the advisor's sheet.
    public var response: String
    /// Addressed to the company: for its report (nil: the report names the challenge only).
    public var forCompany: String?

    public init(id: String, name: String, share: Double?, response: String, forCompany: String? = nil) {
        self.id = id
        self.name = name
        self.share = share
        self.response = response
        self.forCompany = forCompany
    }

    public init(_ challenge: Challenge) {
        self.init(id: challenge.id.value, name: challenge.name, share: challenge.share, response: challenge.response,
                  forCompany: challenge.forCompany)
    }
}
