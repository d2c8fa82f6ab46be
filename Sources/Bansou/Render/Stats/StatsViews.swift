/// Context types of the statistics page (Templates/stats.mustache).
struct StatsView {
    let storyCount: Int
    let charts: [ChartView]
    let surveySource: String?
}

/// One chart: the inline SVG (its own text alternative) and the same numbers as a table.
struct ChartView {
    let id: String
    let title: String
    let lead: String
    let svg: String
    let table: DataTable
}

struct DataTable {
    struct Cell { let text: String; var key: String? = nil }
    struct Row { let header: String; let cells: [Cell] }
    let corner: String
    let columns: [String]
    let rows: [Row]
}
