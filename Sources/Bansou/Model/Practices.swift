/// Content/guidance/practices.yaml: the four challenges support institutions face (guidance
/// 3.2) and the six practices of 3.8 they are asked to adopt, which the institution's
/// self-check (institution.yaml) scores 0–3.
public struct PracticesFile: Decodable, Sendable {
    public struct InstitutionChallenge: Decodable, Sendable {
        public var id: Located<String>
        /// The guidance's own short form (3.2's lead sentence: 「自身のDXの遅れ」 …).
        public var short: String
        public var name: String
        public var detail: String
    }
    public struct Suggestion: Decodable, Sendable {
        /// The guidance section the words come from ("5.4").
        public var section: String
        public var text: String
    }
    public struct Practice: Decodable, Sendable {
        public var id: Located<String>
        public var name: String
        public var summary: String
        /// The institution challenges this practice answers: the data's own reading (`answersReading`).
        public var answers: [Located<String>]
        public var suggestions: [Suggestion]
    }
    public var source: String?
    /// Says that `answers` is this data's reading, not the guidance's; shown beside the link.
    public var answersReading: String?
    public var challenges: [InstitutionChallenge]
    public var practices: [Practice]

    enum CodingKeys: String, CodingKey {
        case source, challenges, practices
        case answersReading = "answers_reading"
    }

    public func practice(_ id: String) -> Practice? { practices.first { $0.id.value == id } }
    public func challenge(_ id: String) -> InstitutionChallenge? { challenges.first { $0.id.value == id } }
}
