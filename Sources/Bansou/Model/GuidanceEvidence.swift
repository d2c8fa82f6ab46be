/// The evidence the guidance gives for its argument, as data (stages.yaml, institutions.yaml).
/// Every block names the guidance section it comes from; figures the PDF extraction does not
/// tie to one stage are kept apart (`StageValueChange.unplaced`) rather than guessed.

/// 2.2 (2/3) 「DXの推進に伴う企業価値の変化」: the median change of labour productivity
/// (ΔLP, 千円/人) and of sales (%) of the companies at each stage.
public struct StageValueChange: Decodable, Sendable {
    public struct Row: Decodable, Sendable {
        public var stage: Located<Int>
        /// ΔLP, the median change of labour productivity in 千円 per employee.
        public var productivity: Double
        /// The median change of sales, in percent.
        public var sales: Double
    }
    /// Values the guidance gives for several stages without saying which belongs to which.
    public struct Unplaced: Decodable, Sendable {
        public var stages: [Located<Int>]
        public var productivity: [Double]
        public var sales: [Double]
        /// Why they are not placed (shown with them).
        public var note: String
    }
    public var section: String
    public var source: String?
    /// How ΔLP is computed, and that the figures are medians.
    public var definition: String?
    public var stages: [Row]
    public var unplaced: Unplaced?

    public func row(atStage stage: Int) -> Row? { stages.first { $0.stage.value == stage } }
}

/// One chart of answers from a survey the guidance cites (2.2 (1/3): DXの理解度, 期待する成果).
public struct SurveyChart: Decodable, Sendable {
    public struct Answer: Decodable, Sendable {
        public var label: String
        public var share: Double
    }
    public var section: String
    public var title: String
    /// What the guidance concludes from the chart, in its words.
    public var finding: String?
    public var n: Int?
    public var source: String?
    public var note: String?
    public var answers: [Answer]
}

/// Ch.1: why the guidance works through support institutions.
public struct GuidanceBackground: Decodable, Sendable {
    public struct Figure: Decodable, Sendable {
        public var label: String
        public var value: Double
    }
    public var section: String
    /// The figures' title, unit and year (労働生産性（万円/人、2020年度）).
    public var productivityTitle: String
    public var productivity: [Figure]
    public var source: String?
    /// 「個社支援」: what the government has done so far.
    public var individualSupport: String
    /// 「新たなアプローチ」: support through the region's institutions.
    public var newApproach: String
    enum CodingKeys: String, CodingKey {
        case section, productivity, source
        case productivityTitle = "productivity_title", individualSupport = "individual_support", newApproach = "new_approach"
    }
}

/// A statement of the guidance with its section.
public struct SectionText: Decodable, Sendable {
    public var section: String
    public var text: String
}

extension Guidance {
    /// 2.2's median change of labour productivity (千円/人) and sales (%) for the companies at
    /// `stage`, for showing an owner what the next stage is worth. Nil where the guidance's
    /// figure cannot be tied to that stage (stages 1 and 2 in the default data: their two values
    /// are in `stages.valueChange?.unplaced`, order unknown) or the site has no such data.
    public func valueChange(atStage stage: Int) -> StageValueChange.Row? {
        stages.valueChange?.row(atStage: stage)
    }
}
