/// A business area the company should improve next (spec "Stage diagnosis" 5–6).
public struct WeakArea: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The assessed level, 1–4.
    public var level: Int
    /// level + 1, capped at 4: an area already at 4 keeps deepening level 4.
    public var nextLevel: Int
    /// areas.yaml's descriptor of the current and the next level.
    public var currentDescriptor: String
    public var nextDescriptor: String
    /// `indirect: true` in areas.yaml: a BPO candidate (guidance 3.6).
    public var isIndirect: Bool
    /// Why the area counts as weak, in Japanese ("段階2を下回るレベル1").
    public var reason: String

    public init(id: String, name: String, level: Int, nextLevel: Int, currentDescriptor: String,
                nextDescriptor: String, isIndirect: Bool, reason: String) {
        self.id = id
        self.name = name
        self.level = level
        self.nextLevel = nextLevel
        self.currentDescriptor = currentDescriptor
        self.nextDescriptor = nextDescriptor
        self.isIndirect = isIndirect
        self.reason = reason
    }
}
