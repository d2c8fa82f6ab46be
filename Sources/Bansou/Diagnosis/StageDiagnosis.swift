/// The company's digital-use stage by the spec's rule ("Stage diagnosis" 1–6),
/// with the reason it was drawn from, its weak areas and BPO candidates.
/// Pure: no I/O, the same input always gives the same value.
public struct StageDiagnosis: Sendable, Equatable {
    /// `stage_override` from the client file: the advisor's judgement replaces the stage.
    public struct Override: Sendable, Equatable {
        public var stage: Int
        public var reason: String
        public init(stage: Int, reason: String) {
            self.stage = stage
            self.reason = reason
        }
    }

    /// How many areas were assessed.
    public var assessedCount: Int
    /// The stage by the rule; nil when no area is assessed (未診断).
    public var computed: Int?
    public var override: Override?
    /// Why the computed stage is what it is, in Japanese, with the counts.
    public var reason: String
    /// Ordered by level, then by areas.yaml order.
    public var weakAreas: [WeakArea]
    /// The weak areas flagged `indirect: true` (guidance 3.6), same order.
    public var bpoCandidates: [WeakArea]

    /// The stage everything else is planned from. The spec makes `stage` null for a
    /// company with no assessed area, so an override alone does not end 未診断.
    public var effective: Int? {
        guard let computed else { return nil }
        return override?.stage ?? computed
    }

    public var isUndiagnosed: Bool { computed == nil }

    /// - Parameters:
    ///   - levels: assessed level (1–4) per area id.
    ///   - areas: areas.yaml, for the order, the descriptors and the `indirect` flag.
    ///   - override: `stage_override`, if any.
    public init(levels: [String: Int], areas: [Area], override: Override? = nil) {
        // Only levels 1–4 count; the validator reports anything else as an error.
        let assessed = levels.filter { (1...4).contains($0.value) }
        let values = Array(assessed.values)
        let computed = Self.stage(of: values)
        self.assessedCount = values.count
        self.computed = computed
        self.override = override
        self.reason = Self.reason(levels: values, stage: computed)

        let effective = computed.map { override?.stage ?? $0 }
        self.weakAreas = effective.map { Self.weakAreas(assessed, stage: $0, areas: areas) } ?? []
        self.bpoCandidates = weakAreas.filter(\.isIndirect)
    }

    /// Builds the input from a client record.
    public init(client: Client, areas: [Area]) {
        let levels = client.areas?.levels ?? [:]
        let override = client.stageOverride.map { Override(stage: $0.stage.value, reason: $0.reason) }
        self.init(levels: levels, areas: areas, override: override)
    }

    /// Rule 2: the largest s in 1…4 such that at least half of the assessed areas
    /// have level >= s. "At least half" is count * 2 >= n, so 2 of 4 is enough.
    public static func stage(of levels: [Int]) -> Int? {
        guard !levels.isEmpty else { return nil }
        return (1...4).last { s in qualifies(levels, s) } ?? 1
    }

    static func qualifies(_ levels: [Int], _ stage: Int) -> Bool {
        levels.filter { $0 >= stage }.count * 2 >= levels.count
    }

    /// Plain words with the counts, and what the next stage takes: "評価した8領域のうち6領域が
    /// レベル2以上で、半数（4領域）に届いているため段階2です。段階3には、レベル3以上の領域が
    /// あと3つ必要です（いま1つ）".
    static func reason(levels: [Int], stage: Int?) -> String {
        guard let stage else {
            return "業務領域の評価がないため未診断です。各業務領域のレベル（1〜4）を評価してください"
        }
        let n = levels.count
        let needed = (n + 1) / 2
        let at = levels.filter { $0 >= stage }.count
        var text = stage == 1
            ? "評価した\(n)領域のうち、レベル2以上は\(levels.filter { $0 >= 2 }.count)領域で半数（\(needed)領域）に届かないため段階1です"
            : "評価した\(n)領域のうち\(at)領域がレベル\(stage)以上で、半数（\(needed)領域）に届いているため段階\(stage)です"
        if stage < 4 {
            let have = levels.filter { $0 > stage }.count
            text += "。段階\(stage + 1)には、レベル\(stage + 1)以上の領域があと\(needed - have)つ必要です（いま\(have)つ）"
        }
        return text
    }

    /// Rule 5: areas below the stage, or, when none is, the areas at the lowest
    /// level; ordered by level, then by their order in areas.yaml.
    static func weakAreas(_ levels: [String: Int], stage: Int, areas: [Area]) -> [WeakArea] {
        let below = levels.filter { $0.value < stage }
        let lowest = levels.values.min() ?? 1
        let picked = below.isEmpty ? levels.filter { $0.value == lowest } : below

        func order(_ id: String) -> Int { areas.firstIndex { $0.id.value == id } ?? areas.count }
        let sorted = picked.sorted { a, b in
            (a.value, order(a.key), a.key) < (b.value, order(b.key), b.key)
        }
        return sorted.map { id, level in
            let area = areas.first { $0.id.value == id }
            let next = min(level + 1, 4)
            let reason = below.isEmpty
                ? "評価した領域の中で最も低いレベル\(level)"
                : "段階\(stage)を下回るレベル\(level)"
            return WeakArea(id: id, name: area?.name ?? id, level: level, nextLevel: next,
                            currentDescriptor: area?.describe(level: level) ?? "",
                            nextDescriptor: area?.describe(level: next) ?? "",
                            isIndirect: area?.isIndirect ?? false, reason: reason)
        }
    }
}
