/// The guidance's evidence (2.2, 第1章, 3.4) as the guidance pages show it.
enum GuidanceEvidenceViews {
    /// A signed figure with the minus sign the portal uses elsewhere (−48, +13.8).
    static func signed(_ value: Double) -> String {
        (value > 0 ? "+" : value < 0 ? "−" : "") + ViewBuilder.number(abs(value))
    }

    /// One line for a stage: 「労働生産性の変化 +824千円/人・売上高の変化 +13.8%（中央値）」.
    static func valueChangeLine(_ row: StageValueChange.Row) -> String {
        "労働生産性の変化 \(signed(row.productivity))千円/人・売上高の変化 \(signed(row.sales))%（中央値）"
    }

    struct ValueRow { let stage: Int; let name: String; let productivity: String; let sales: String }
    struct Unplaced { let stages: String; let productivity: String; let sales: String; let note: String }
    struct ValueChange {
        let basis: BasisLabel
        let rows: [ValueRow]
        let unplaced: Unplaced?
        let definition: String?
        let source: String?
    }

    static func valueChange(_ change: StageValueChange, stageName: (Int) -> String) -> ValueChange {
        ValueChange(
            basis: .guidance(change.section),
            rows: change.stages.sorted { $0.stage.value > $1.stage.value }.map { row in
                ValueRow(stage: row.stage.value, name: stageName(row.stage.value),
                         productivity: signed(row.productivity) + "千円/人", sales: signed(row.sales) + "%")
            },
            unplaced: change.unplaced.map { u in
                Unplaced(stages: u.stages.map { "段階\($0.value)" }.joined(separator: "・"),
                         productivity: u.productivity.map { signed($0) + "千円/人" }.joined(separator: "、"),
                         sales: u.sales.map { signed($0) + "%" }.joined(separator: "、"), note: u.note)
            },
            definition: change.definition, source: change.source)
    }

    struct Answer { let label: String; let share: String; let width: String }
    struct Survey {
        let basis: BasisLabel
        let title: String
        let finding: String?
        let n: String?
        let note: String?
        let source: String?
        let answers: [Answer]
    }

    static func survey(_ chart: SurveyChart) -> Survey {
        let top = chart.answers.map(\.share).max() ?? 1
        return Survey(basis: .guidance(chart.section), title: chart.title, finding: chart.finding,
                      n: chart.n.map { ViewBuilder.number(Double($0)) }, note: chart.note, source: chart.source,
                      answers: chart.answers.map { a in
                          Answer(label: a.label, share: String(format: "%.1f%%", a.share),
                                 width: String(format: "%.1f%%", top > 0 ? a.share / top * 100 : 0))
                      })
    }

    struct Figure { let label: String; let value: String }
    struct Background {
        let basis: BasisLabel
        let productivityTitle: String
        let productivity: [Figure]
        let source: String?
        let individualSupport: String
        let newApproach: String
    }

    static func background(_ b: GuidanceBackground) -> Background {
        Background(basis: .guidance(b.section), productivityTitle: b.productivityTitle,
                   productivity: b.productivity.map { Figure(label: $0.label, value: ViewBuilder.number($0.value)) },
                   source: b.source, individualSupport: b.individualSupport, newApproach: b.newApproach)
    }
}
