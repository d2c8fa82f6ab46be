/// The stable id of a generated task (spec v2): `quick-win:<area>`, `level-up:<area>`,
/// `bpo:<area>`, `policy:<tool>`, `training:talent`. `progress` names tasks by it, so
/// an id means the same task from one visit to the next.
public struct TaskID: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case quickWin = "quick-win", levelUp = "level-up", bpo, policy, training

        /// What the part after the colon names.
        public var subject: Subject {
            switch self {
            case .quickWin, .levelUp, .bpo: return .area
            case .policy: return .policyTool
            case .training: return .fixed("talent")
            }
        }
    }

    public enum Subject: Equatable, Sendable {
        case area, policyTool, fixed(String)
    }

    public var kind: Kind
    public var subject: String

    public init(_ kind: Kind, _ subject: String) {
        self.kind = kind
        self.subject = subject
    }

    public static func quickWin(_ area: String) -> TaskID { TaskID(.quickWin, area) }
    public static func levelUp(_ area: String) -> TaskID { TaskID(.levelUp, area) }
    public static func bpo(_ area: String) -> TaskID { TaskID(.bpo, area) }
    public static func policy(_ tool: String) -> TaskID { TaskID(.policy, tool) }
    public static let training = TaskID(.training, "talent")

    /// Parses `kind:subject`; nil when the text has no known kind before a colon.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":"),
              let kind = Kind(rawValue: String(text[..<colon])) else { return nil }
        self.init(kind, String(text[text.index(after: colon)...]))
    }

    /// True for text written as a generated id (it has a colon), known kind or not.
    public static func looksGenerated(_ text: String) -> Bool { text.contains(":") }

    public var description: String { "\(kind.rawValue):\(subject)" }
}
