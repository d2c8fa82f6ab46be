/// One of the client's challenges (challenges.yaml, guidance 2.2) with the guidance's response.
public struct ChallengeResponse: Sendable {
    public var id: String
    public var name: String
    /// Percent of firms naming it in the survey, when known.
    public var share: Double?
    public var response: String

    public init(id: String, name: String, share: Double?, response: String) {
        self.id = id
        self.name = name
        self.share = share
        self.response = response
    }

    public init(_ challenge: Challenge) {
        self.init(id: challenge.id.value, name: challenge.name, share: challenge.share, response: challenge.response)
    }
}
